/**
 * Who "I" am in a workspace folder: the configured name, else git's user.name (read once per folder
 * and asynchronously: never a synchronous process on the extension host), else "unknown".
 */
export class Authors {
  private readonly reads = new Map<string, Promise<string | undefined>>();
  private readonly gitNames = new Map<string, string | undefined>();

  /**
   * The name new verdicts and reviews are signed with.
   * @param readGitName Reads git's user.name of the folder; called the first time only.
   */
  async of(folder: string, configured: string, readGitName: () => Promise<string | undefined>): Promise<string> {
    if (configured) return configured;
    let read = this.reads.get(folder);
    if (!read) {
      read = readGitName().then((name) => {
        this.gitNames.set(folder, name);
        return name;
      });
      this.reads.set(folder, read);
    }
    return (await read) ?? 'unknown';
  }

  /** {@link of} without waiting, for the views: undefined until git's user.name was read. */
  known(folder: string, configured: string): string | undefined {
    if (configured) return configured;
    return this.gitNames.has(folder) ? (this.gitNames.get(folder) ?? 'unknown') : undefined;
  }
}
