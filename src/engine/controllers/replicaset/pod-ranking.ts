// Which surplus pods a ReplicaSet deletes first: Kubernetes' ActivePodsWithRanks ordering (1.32, with the
// default-on PodDeletionCost and LogarithmicScaleDown features).
import type { Pod } from '../../../api/core-v1.js';
import { parseTime } from '../../../lib/clock.js';
import { isPodReady, maxContainerRestarts, readySinceMs } from './pod-state.js';

const PHASE_ORDER: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/** A pod with its rank: how many active pods of the same owner run on its node (more = deleted first). */
export interface RankedPod {
  readonly pod: Readonly<Pod>;
  readonly rank: number;
}

/**
 * Negative when `a` should be deleted before `b`. In order: unassigned before assigned; Pending before
 * Unknown before Running; not ready before ready; lower pod-deletion-cost first; higher rank first; ready
 * for less time first; more container restarts first; newer first. The two time rules compare
 * ⌊log2(age in ns)⌋ buckets, so pods of similar age tie and fall back to uid order (pseudo-random).
 */
export function comparePodsForDeletion(a: RankedPod, b: RankedPod, nowMs: number): number {
  return firstDifference([
    () => compareBool(isUnassigned(a.pod), isUnassigned(b.pod)),
    () => (PHASE_ORDER[a.pod.status?.phase ?? ''] ?? 0) - (PHASE_ORDER[b.pod.status?.phase ?? ''] ?? 0),
    () => compareBool(!isPodReady(a.pod), !isPodReady(b.pod)),
    () => deletionCost(a.pod) - deletionCost(b.pod),
    () => b.rank - a.rank,
    () => (isPodReady(a.pod) && isPodReady(b.pod) ? compareTimes(readySinceMs(a.pod), readySinceMs(b.pod), a, b, nowMs) : 0),
    () => maxContainerRestarts(b.pod) - maxContainerRestarts(a.pod),
    () => compareTimes(timeOrUndefined(a.pod.metadata.creationTimestamp), timeOrUndefined(b.pod.metadata.creationTimestamp), a, b, nowMs),
  ]);
}

/**
 * The `count` pods to delete out of `pods` (all active and owned), best victims first. Ranks count the
 * active pods per node among `pods`; on Sluice's single node they only separate unscheduled pods.
 */
export function podsToDelete(pods: readonly Readonly<Pod>[], count: number, nowMs: number): Readonly<Pod>[] {
  if (count >= pods.length) return [...pods];
  const perNode = new Map<string, number>();
  for (const p of pods) perNode.set(p.spec.nodeName ?? '', (perNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: perNode.get(pod.spec.nodeName ?? '') ?? 0 }));
  return ranked.sort((a, b) => comparePodsForDeletion(a, b, nowMs)).slice(0, count).map((r) => r.pod);
}

function firstDifference(rules: readonly (() => number)[]): number {
  for (const rule of rules) {
    const d = rule();
    if (d !== 0) return d;
  }
  return 0;
}

/** True sorts first. */
function compareBool(a: boolean, b: boolean): number {
  return a === b ? 0 : a ? -1 : 1;
}

function isUnassigned(pod: Readonly<Pod>): boolean {
  return (pod.spec.nodeName ?? '') === '';
}

function deletionCost(pod: Readonly<Pod>): number {
  const raw = pod.metadata.annotations?.[DELETION_COST];
  return raw !== undefined && /^-?\d+$/.test(raw) ? Number(raw) : 0;
}

function timeOrUndefined(t: string | undefined): number | undefined {
  const ms = parseTime(t);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Later (younger) first; an unknown time sorts first; same log2 bucket → uid order. */
function compareTimes(ta: number | undefined, tb: number | undefined, a: RankedPod, b: RankedPod, nowMs: number): number {
  if (ta === tb) return 0;
  if (ta === undefined || tb === undefined) return ta === undefined ? -1 : 1;
  const diff = logBucket(nowMs - ta) - logBucket(nowMs - tb);
  if (diff !== 0) return diff;
  const ua = a.pod.metadata.uid ?? '';
  const ub = b.pod.metadata.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/** ⌊log2(age in nanoseconds)⌋, or -1 for a non-positive age. 1 s → 29, 2 s → 30, 1 min → 35. */
function logBucket(ageMs: number): number {
  return ageMs > 0 ? Math.floor(Math.log2(ageMs * 1e6)) : -1;
}
