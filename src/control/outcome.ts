// The result of one reconcile: a closed union, so invalid combinations (an error plus a requeue delay)
// cannot be expressed. `runController` acts on it.

/** What the controller does with a key after reconcile returns. */
export type Outcome =
  | { readonly outcome: 'done' }
  | { readonly outcome: 'requeueAfter'; readonly ms: number }
  | { readonly outcome: 'retry'; readonly error: Error }
  | { readonly outcome: 'terminal'; readonly error: Error };

const DONE: Outcome = Object.freeze({ outcome: 'done' });

/** The key is reconciled; forget its back-off. */
export function done(): Outcome {
  return DONE;
}

/** Reconciled for now; look again after `ms` milliseconds (a computed deadline, not polling). */
export function requeueAfter(ms: number): Outcome {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`requeueAfter: ms must be a finite number >= 0: current value is ${ms}`);
  return { outcome: 'requeueAfter', ms };
}

/** A transient failure: retry with per-key exponential back-off. */
export function retry(error: unknown): Outcome {
  return { outcome: 'retry', error: toError(error) };
}

/** A failure that retrying cannot fix: log it and stop until the next event. */
export function terminal(error: unknown): Outcome {
  return { outcome: 'terminal', error: toError(error) };
}

/** Wraps anything thrown into an Error (keeps Errors, including ApiError, as they are). */
export function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
