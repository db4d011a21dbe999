// Pure readings of a pod's state, as Kubernetes' podutil and controller helpers define them.
import type { Pod } from '../../../api/core-v1.js';
import type { Condition } from '../../../api/meta.js';
import { parseTime } from '../../../lib/clock.js';

/** Active = neither Succeeded nor Failed, and not being deleted (controller.IsPodActive). */
export function isPodActive(pod: Readonly<Pod>): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && pod.metadata.deletionTimestamp === undefined;
}

/** The pod's `Ready` condition, if it has one. */
export function readyCondition(pod: Readonly<Pod>): Readonly<Condition> | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** True when the `Ready` condition is `True`. */
export function isPodReady(pod: Readonly<Pod>): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** When the pod became ready (ms), or undefined when it is not ready or the time is unknown. */
export function readySinceMs(pod: Readonly<Pod>): number | undefined {
  const c = readyCondition(pod);
  if (c?.status !== 'True') return undefined;
  const t = parseTime(c.lastTransitionTime);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * Available = ready, and ready for longer than minReadySeconds (strictly, as Kubernetes compares).
 * Ready since 00:00:00 with minReadySeconds 10: not available at 00:00:10, available at 00:00:10.001.
 */
export function isPodAvailable(pod: Readonly<Pod>, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = readySinceMs(pod);
  return since !== undefined && since + minReadySeconds * 1000 < nowMs;
}

/** The first millisecond at which a ready pod counts as available, or undefined when it never will as is. */
export function availableAtMs(pod: Readonly<Pod>, minReadySeconds: number): number | undefined {
  const since = readySinceMs(pod);
  return since === undefined ? undefined : since + minReadySeconds * 1000 + 1;
}

/** The highest restart count among the pod's containers. */
export function maxContainerRestarts(pod: Readonly<Pod>): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount));
}
