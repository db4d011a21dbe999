// Timers as an input, beside `Clock`: code that waits (back-off, delayed requeues, lease renewal) takes a
// `Timers`, so tests drive it with `ManualTimers` instead of sleeping.

/** Schedules callbacks. `setTimer` returns a function that cancels the timer (a no-op once it fired). */
export interface Timers {
  setTimer(delayMs: number, fn: () => void): () => void;
}

// setTimeout silently fires at once for delays above 2^31-1 ms (~24.8 days); clamp instead.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Timers backed by the Node.js event loop. */
export const systemTimers: Timers = {
  setTimer(delayMs, fn) {
    const handle = setTimeout(fn, Math.min(Math.max(0, delayMs), MAX_TIMEOUT_MS));
    return () => clearTimeout(handle);
  },
};

/** Resolves after `delayMs`, or at once when `signal` aborts (never rejects). */
export function sleep(timers: Timers, delayMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) { resolve(); return; }
    const finish = (): void => {
      cancel();
      signal?.removeEventListener('abort', finish);
      resolve();
    };
    const cancel = timers.setTimer(delayMs, finish);
    signal?.addEventListener('abort', finish, { once: true });
  });
}
