// Ends a watch on Ctrl-C or after a timeout, and tells which of the two happened.
import type { Timers } from '../../control/index.js';

/** A signal that aborts on `parent` or after `timeoutMs` (0: never); `timedOut()` tells whether the timer fired. */
export function watchDeadline(parent: AbortSignal, timers: Timers, timeoutMs: number): { signal: AbortSignal; timedOut(): boolean; cancel(): void } {
  const ctrl = new AbortController();
  let fired = false;
  const onParent = (): void => ctrl.abort();
  parent.addEventListener('abort', onParent, { once: true });
  if (parent.aborted) ctrl.abort();
  const cancelTimer = timeoutMs > 0 ? timers.setTimer(timeoutMs, () => { fired = true; ctrl.abort(); }) : () => undefined;
  return {
    signal: ctrl.signal,
    timedOut: () => fired,
    cancel: () => { cancelTimer(); parent.removeEventListener('abort', onParent); },
  };
}
