// Pure readings of a Job's pods (Kubernetes' IsPodActive, IsPodTerminating, isPodFailed, getFinishedTime,
// controller.ActivePods ordering).
import type { Pod } from '../../../api/core-v1.js';
import { parseTime } from '../../../lib/clock.js';
import { TRACKING_FINALIZER } from './job-types.js';

type P = Readonly<Pod>;

/** Neither Succeeded nor Failed, and not being deleted. */
export function isPodActive(p: P): boolean {
  return !isPodTerminal(p) && p.metadata.deletionTimestamp === undefined;
}

/** Succeeded or Failed. */
export function isPodTerminal(p: P): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

/** Being deleted but not finished yet. */
export function isPodTerminating(p: P): boolean {
  return !isPodTerminal(p) && p.metadata.deletionTimestamp !== undefined;
}

/** Failed, or deleted before it succeeded (an orphan never reaches Failed). */
export function isPodFailed(p: P): boolean {
  return p.status?.phase === 'Failed' || (p.metadata.deletionTimestamp !== undefined && p.status?.phase !== 'Succeeded');
}

/** The `Ready` condition is `True`. */
export function isPodReady(p: P): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Still carries the Job's tracking finalizer, so it is not counted yet. */
export function hasTrackingFinalizer(p: P): boolean {
  return p.metadata.finalizers?.includes(TRACKING_FINALIZER) ?? false;
}

/**
 * When the pod finished (ms): the last container's finishedAt when all terminated, else when Ready went
 * False, else its deletion time minus the grace period, else its creation time.
 */
export function finishedAtMs(p: P): number {
  const states = p.status?.containerStatuses ?? [];
  const ends = states.map((c) => parseTime(c.state.terminated?.finishedAt));
  if (states.length > 0 && ends.every((t) => !Number.isNaN(t))) return Math.max(...ends);
  const notReady = p.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'False');
  const readyFalse = parseTime(notReady?.lastTransitionTime);
  if (!Number.isNaN(readyFalse)) return readyFalse;
  const deleted = parseTime(p.metadata.deletionTimestamp);
  if (!Number.isNaN(deleted)) return deleted - (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return parseTime(p.metadata.creationTimestamp);
}

/** Container restarts of a Pending or Running pod, init containers included (OnFailure back-off). */
export function countRestarts(p: P): number {
  if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') return 0;
  return [...(p.status.initContainerStatuses ?? []), ...(p.status.containerStatuses ?? [])].reduce((n, c) => n + c.restartCount, 0);
}

const PHASE_ORDER: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * Which active pods a Job removes first (controller.ActivePods): unassigned, then Pending before Unknown
 * before Running, not ready, ready for less time, more restarts, newer.
 */
export function compareActivePods(a: P, b: P): number {
  const rules = [
    () => flag((a.spec.nodeName ?? '') === '') - flag((b.spec.nodeName ?? '') === ''),
    () => (PHASE_ORDER[a.status?.phase ?? ''] ?? 0) - (PHASE_ORDER[b.status?.phase ?? ''] ?? 0),
    () => flag(!isPodReady(a)) - flag(!isPodReady(b)),
    () => (isPodReady(a) && isPodReady(b) ? laterFirst(readySince(a), readySince(b)) : 0),
    () => maxRestarts(b) - maxRestarts(a),
    () => laterFirst(parseTime(a.metadata.creationTimestamp), parseTime(b.metadata.creationTimestamp)),
  ];
  for (const rule of rules) {
    const d = rule();
    if (d !== 0) return d;
  }
  return 0;
}

/** -1 for true so that true sorts first. */
function flag(x: boolean): number {
  return x ? -1 : 0;
}

function readySince(p: P): number {
  return parseTime(p.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime);
}

function maxRestarts(p: P): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));
}

/** An unknown time sorts first, then the later time. */
function laterFirst(ta: number, tb: number): number {
  if (ta === tb || (Number.isNaN(ta) && Number.isNaN(tb))) return 0;
  if (Number.isNaN(ta) || Number.isNaN(tb)) return Number.isNaN(ta) ? -1 : 1;
  return tb - ta;
}
