// The delay before a Job replaces failed pods (Kubernetes' pod failure back-off): 10 s after the first
// failure since the last success, doubling per further failure, at most 10 minutes.
import type { Pod } from '../../../api/core-v1.js';
import { finishedAtMs, isPodFailed } from './job-pods.js';

const BASE_MS = 10_000;
const MAX_MS = 600_000;

/** 1 failure → 10 s, 2 → 20 s, 3 → 40 s … 7 and more → 600 s. */
export function computeBackoffMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(MAX_MS, BASE_MS * 2 ** Math.min(failures - 1, 30));
}

/**
 * Milliseconds until a new pod may be created, from the failed pods that finished after the last
 * succeeded one. Two such failures, the last at 00:00:30, now 00:00:40: 20 s − 10 s = 10 000 ms.
 * Kubernetes keeps this record in memory; reading it from the pods gives the same answer while the
 * failed pods exist, and survives a restart.
 */
export function computeBackoffRemainingMs(pods: readonly Readonly<Pod>[], nowMs: number): number {
  const lastSuccess = Math.max(-Infinity, ...pods.filter((p) => p.status?.phase === 'Succeeded').map(finishedAtMs));
  const failures = pods.filter(isPodFailed).map(finishedAtMs).filter((t) => t > lastSuccess);
  if (failures.length === 0) return 0;
  return Math.max(0, computeBackoffMs(failures.length) - (nowMs - Math.max(...failures)));
}
