/** A tiny synchronous event emitter, the pure counterpart of vscode.EventEmitter. */

export interface Disposable {
  dispose(): void;
}

/** By default a listener's error is rethrown on its own, after the firing code finished. */
function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

export class Emitter<T> {
  private readonly listeners = new Set<(event: T) => void>();

  /**
   * @param onListenerError Receives what a listener throws. A throwing listener never interrupts the
   *   code that fires the event (a save that wrote the file must not report failure because a view
   *   failed to refresh), nor the other listeners.
   */
  constructor(private readonly onListenerError: (error: unknown) => void = rethrowLater) {}

  /** Subscribes; the returned handle unsubscribes. */
  readonly event = (listener: (event: T) => void): Disposable => {
    const wrapped = (event: T) => listener(event);
    this.listeners.add(wrapped);
    return { dispose: () => this.listeners.delete(wrapped) };
  };

  /** Calls every listener in subscription order. */
  fire(event: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  /** Removes every listener. */
  dispose(): void {
    this.listeners.clear();
  }
}
