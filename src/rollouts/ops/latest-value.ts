// A one-slot channel: producers overwrite the slot, the consumer sees only the newest value it has not seen yet.
// Watches use it so that a burst of events becomes one re-render.

/** An async-iterable slot; iteration ends after `close()` (or when the signal given to `values` aborts). */
export class LatestValue<T> {
  private value: { v: T } | undefined;
  private closed = false;
  private wake: (() => void) | undefined;

  /** Replaces the pending value (if any) with `v`. */
  push(v: T): void {
    if (this.closed) return;
    this.value = { v };
    this.wake?.();
  }

  /** Ends iteration once the pending value, if any, has been taken. */
  close(): void {
    this.closed = true;
    this.wake?.();
  }

  /** Yields each newest value once; returns when closed or `signal` aborts. */
  async *values(signal?: AbortSignal): AsyncGenerator<T> {
    const onAbort = (): void => this.close();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted === true) this.close();
    try {
      for (;;) {
        const pending = this.value;
        if (pending !== undefined) {
          this.value = undefined;
          yield pending.v;
          continue;
        }
        if (this.closed) return;
        await new Promise<void>((resolve) => { this.wake = resolve; });
        this.wake = undefined;
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
