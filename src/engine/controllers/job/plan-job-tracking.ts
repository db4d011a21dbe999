// Counting finished pods through the tracking finalizer (Kubernetes' trackJobStatusAndRemoveFinalizers):
// a finished pod is first recorded in status.uncountedTerminatedPods, then its finalizer is removed, then
// it moves into the succeeded/failed counters. The terminal condition waits until nothing is uncounted
// and no pod is still terminating, behind the interim SuccessCriteriaMet or FailureTarget condition.
import type { Pod } from '../../../api/core-v1.js';
import type { Job } from '../../../api/batch-v1.js';
import { rfc3339 } from '../../../lib/clock.js';
import { deepEqual } from '../../../lib/deep-equal.js';
import { ensureJobCondition, newJobCondition } from './job-conditions.js';
import { hasTrackingFinalizer, isPodFailed } from './job-pods.js';
import { MAX_PODS_PER_SYNC, type JobAction, type TrackedJobStatus } from './job-types.js';
import { removeTrackingFinalizer } from './plan-manage-job.js';

/** How the Job ends, when it does: an interim type (SuccessCriteriaMet, FailureTarget) or a terminal one. */
export interface FinishedCondition {
  readonly type: 'SuccessCriteriaMet' | 'FailureTarget' | 'Complete' | 'Failed';
  readonly reason: string;
  readonly message: string;
}

/** The inputs of `planJobTracking`. */
export interface TrackingInput {
  readonly job: Readonly<Job>;
  readonly pods: readonly Readonly<Pod>[];
  /** The status so far: counters as stored, active/ready/terminating/startTime as this reconcile leaves them. */
  readonly status: TrackedJobStatus;
  readonly finished: FinishedCondition | undefined;
  readonly terminating: number;
  readonly completions: number | undefined;
  readonly nowMs: number;
}

/**
 * The status writes, finalizer removals and finishing events. The first `updateStatus` records newly
 * finished pods (and an interim condition) before their finalizers go; the second, after the removals,
 * counts them and adds Complete (with completionTime) or Failed when nothing is left in flight.
 */
export function planJobTracking(t: TrackingInput): { actions: JobAction[]; status: TrackedJobStatus } {
  const withFinalizer = t.pods.filter(hasTrackingFinalizer);
  const folded = foldUncounted(t.status, new Set(withFinalizer.map(uidOf)));
  const succeeded = new Set(folded.uncountedTerminatedPods.succeeded ?? []);
  const failed = new Set(folded.uncountedTerminatedPods.failed ?? []);
  const removals: Readonly<Pod>[] = [];
  let reachedMax = false;
  for (const p of withFinalizer) {
    const podFailed = isPodFailed(p);
    if (t.job.metadata.deletionTimestamp === undefined && t.finished === undefined && p.status?.phase !== 'Succeeded' && !podFailed) continue;
    removals.push(p);
    if (p.status?.phase === 'Succeeded' && !failed.has(uidOf(p))) succeeded.add(uidOf(p));
    else if (podFailed || (t.finished !== undefined && t.finished.type !== 'SuccessCriteriaMet')) failed.add(uidOf(p));
    if (succeeded.size + failed.size >= MAX_PODS_PER_SYNC) {
      reachedMax = true;
      break;
    }
  }
  const interim = withInterimCondition({ ...folded, uncountedTerminatedPods: uncounted([...succeeded], [...failed]) }, t);
  const actions: JobAction[] = deepEqual(t.job.status ?? {}, interim.status) ? [] : [{ op: 'updateStatus', status: interim.status }];
  actions.push(...removals.map(removeTrackingFinalizer));
  const removed = new Set(removals.map(uidOf));
  let status = foldUncounted(interim.status, new Set(withFinalizer.map(uidOf).filter((u) => !removed.has(u))));
  const final = interim.final !== undefined && !reachedMax && isEmpty(status) && t.terminating === 0 ? interim.final : undefined;
  if (final !== undefined) status = withTerminalCondition(status, final, t.nowMs);
  if (!deepEqual(interim.status, status)) actions.push({ op: 'updateStatus', status });
  if (final !== undefined) actions.push(...finishingEvents(final, status, t.completions));
  return { actions, status };
}

/** Moves uncounted pods that no longer carry the finalizer (or are gone) into the counters. */
export function foldUncounted(status: TrackedJobStatus, uidsWithFinalizer: ReadonlySet<string>): TrackedJobStatus {
  const s = status.uncountedTerminatedPods.succeeded ?? [];
  const f = status.uncountedTerminatedPods.failed ?? [];
  const keepS = s.filter((u) => uidsWithFinalizer.has(u));
  const keepF = f.filter((u) => uidsWithFinalizer.has(u));
  if (keepS.length === s.length && keepF.length === f.length) return status;
  return withCounters({ ...status, uncountedTerminatedPods: uncounted(keepS, keepF) },
    (status.succeeded ?? 0) + s.length - keepS.length, (status.failed ?? 0) + f.length - keepF.length);
}

/** `status` with the succeeded and failed counters set (zero counters omitted, as on the wire). */
export function withCounters(status: TrackedJobStatus, succeeded: number, failed: number): TrackedJobStatus {
  const { succeeded: _s, failed: _f, ...rest } = status;
  return { ...rest, ...(succeeded > 0 ? { succeeded } : {}), ...(failed > 0 ? { failed } : {}) };
}

/** The uncountedTerminatedPods value: `{}` when empty, as Kubernetes writes it. */
export function uncounted(succeeded: readonly string[], failed: readonly string[]): TrackedJobStatus['uncountedTerminatedPods'] {
  return { ...(succeeded.length > 0 ? { succeeded: [...succeeded] } : {}), ...(failed.length > 0 ? { failed: [...failed] } : {}) };
}

function withInterimCondition(status: TrackedJobStatus, t: TrackingInput): { status: TrackedJobStatus; final: FinishedCondition | undefined } {
  const f = t.finished;
  if (f === undefined || (f.type !== 'FailureTarget' && f.type !== 'SuccessCriteriaMet')) return { status, final: f };
  const conditions = status.conditions ?? [];
  const present = conditions.some((c) => c.type === f.type && c.status === 'True');
  const next = f.type === 'FailureTarget' || !present ? [...conditions, newJobCondition(f.type, f.reason, f.message, t.nowMs)] : conditions;
  return { status: { ...status, conditions: next }, final: { ...f, type: f.type === 'FailureTarget' ? 'Failed' : 'Complete' } };
}

function withTerminalCondition(status: TrackedJobStatus, final: FinishedCondition, nowMs: number): TrackedJobStatus {
  const conditions = ensureJobCondition(status.conditions ?? [], newJobCondition(final.type, final.reason, final.message, nowMs));
  return { ...status, conditions, ...(final.type === 'Complete' ? { completionTime: rfc3339(nowMs) } : {}) };
}

function finishingEvents(final: FinishedCondition, status: TrackedJobStatus, completions: number | undefined): JobAction[] {
  if (final.type !== 'Complete') return [{ op: 'event', type: 'Warning', reason: final.reason, message: final.message }];
  const tooMany = completions !== undefined && (status.succeeded ?? 0) > completions;
  return [
    ...(tooMany ? [{ op: 'event' as const, type: 'Warning' as const, reason: 'TooManySucceededPods', message: 'Too many succeeded pods running after completion count reached' }] : []),
    { op: 'event', type: 'Normal', reason: 'Completed', message: 'Job completed' },
  ];
}

function isEmpty(status: TrackedJobStatus): boolean {
  return (status.uncountedTerminatedPods.succeeded ?? []).length === 0 && (status.uncountedTerminatedPods.failed ?? []).length === 0;
}

function uidOf(p: Readonly<Pod>): string {
  return p.metadata.uid ?? '';
}
