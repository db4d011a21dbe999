// Polls a condition with a deadline (tests never sleep a fixed time to synchronise).

/** Resolves once `condition()` is true; rejects after `timeoutMs` with `what` in the message. */
export async function waitFor(condition: () => boolean, what = 'condition', timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
  }
}
