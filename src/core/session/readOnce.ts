/**
 * A value per key, read once and asynchronously (git's user.name per folder: never a synchronous
 * process on the extension host), and known without waiting once it has been read.
 */
export class ReadOnce<T> {
  private readonly reads = new Map<string, Promise<T>>();
  private readonly values = new Map<string, T>();

  /** The value of `key`, read with `reader` the first time only. */
  read(key: string, reader: () => Promise<T>): Promise<T> {
    let pending = this.reads.get(key);
    if (!pending) {
      pending = reader().then((value) => {
        this.values.set(key, value);
        return value;
      });
      this.reads.set(key, pending);
    }
    return pending;
  }

  /** The value once it has been read (it may itself be undefined); undefined before. */
  known(key: string): { value: T } | undefined {
    return this.values.has(key) ? { value: this.values.get(key) as T } : undefined;
  }
}
