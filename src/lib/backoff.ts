// Exponential back-off with a cap, as client-go's rate limiters and the kubelet's CrashLoopBackOff use.

/** Delay for the n-th failure (0-based): base · 2^n, capped at maxMs. 5 ms base, 1000 s cap → 5, 10, 20 … */
export function backoffDelayMs(failures: number, baseMs: number, maxMs: number): number {
  if (failures <= 0) return baseMs;
  const d = baseMs * 2 ** Math.min(failures, 40);
  return Math.min(d, maxMs);
}
