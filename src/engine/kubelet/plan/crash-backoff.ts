// Restart back-off of crashing containers (CrashLoopBackOff) and of failed starts (ImagePullBackOff).
import { backoffDelayMs } from '../../../lib/backoff.js';
import type { BackoffPolicy } from './types.js';

/**
 * Delay before restarting a container that exited `crashes` times in a row: the first restart is
 * immediate, then base doubling up to max. With 10 s / 300 s: crashes 1 → 0, 2 → 10 s, 3 → 20 s,
 * 4 → 40 s, 5 → 80 s, 6 → 160 s, 7 → 300 s (capped).
 */
export function computeRestartDelayMs(crashes: number, policy: BackoffPolicy): number {
  return crashes <= 1 ? 0 : backoffDelayMs(crashes - 2, policy.baseMs, policy.maxMs);
}

/** Delay before the next attempt after `count` failed starts: 1 → 10 s, 2 → 20 s … capped at max. */
export function computeRetryDelayMs(count: number, policy: BackoffPolicy): number {
  return backoffDelayMs(Math.max(0, count - 1), policy.baseMs, policy.maxMs);
}

/** The crash count after an exit: a run of at least `resetAfterMs` starts counting anew. 3 and a 1-minute run → 4. */
export function computeCrashCount(previous: number, ranMs: number, policy: BackoffPolicy): number {
  return ranMs >= policy.resetAfterMs ? 1 : previous + 1;
}

/** A duration as Go prints it (the kubelet's messages): 150 ms → `150ms`, 80 s → `1m20s`, 300 s → `5m0s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = Number(((ms % 60_000) / 1000).toFixed(3));
  const h = hours > 0 ? `${hours}h` : '';
  const m = hours > 0 || minutes > 0 ? `${minutes}m` : '';
  return `${h}${m}${seconds}s`;
}
