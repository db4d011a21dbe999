// Makes any async iteration stop promptly when a signal aborts, even if the source does not watch the
// signal itself (an in-process transport, a stalled socket).

/** Yields from `source` until it ends or `signal` aborts; on abort it returns at once and closes the source. */
export async function* abortable<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  if (signal.aborted) return;
  const it = source[Symbol.asyncIterator]();
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<'aborted'>((resolve) => {
    onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    for (;;) {
      const next = it.next();
      const winner = await Promise.race([next, aborted]);
      if (winner === 'aborted') {
        // The pending read may still reject (socket destroyed); that is expected and must not go unhandled.
        next.catch(() => undefined);
        return;
      }
      if (winner.done === true) return;
      yield winner.value;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    // Close the source without waiting: a source blocked in next() may only finish when its stream ends.
    it.return?.().catch(() => undefined);
  }
}
