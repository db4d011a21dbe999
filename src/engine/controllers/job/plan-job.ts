// The Job controller's decision for one reconcile (Kubernetes 1.32's syncJob for NonIndexed Jobs): count
// finished pods, decide whether the Job failed (backoffLimit, activeDeadlineSeconds) or succeeded
// (completions), keep parallelism pods running or delete them all when it ends, then track status.
import type { Pod } from '../../../api/core-v1.js';
import type { Job } from '../../../api/batch-v1.js';
import { parseTime, rfc3339 } from '../../../lib/clock.js';
import { findJobCondition, isJobFinished, JobFinish } from './job-conditions.js';
import { countRestarts, hasTrackingFinalizer, isPodActive, isPodFailed, isPodReady, isPodTerminating } from './job-pods.js';
import { ownedPods, resolveJobSpec, type JobSpecValues } from './job-spec.js';
import { readUncounted, type JobAction, type JobPlan, type JobSnapshot, type TrackedJobStatus } from './job-types.js';
import { planJobTracking, uncounted, withCounters, type FinishedCondition } from './plan-job-tracking.js';
import { planManageJob, planPodDeletions } from './plan-manage-job.js';

/**
 * Plans one reconcile of `s.job`. `rand` ([0, 1), like Math.random) picks new pod names. Creations are
 * one `createPod` per pod, each followed by its `SuccessfulCreate` event (Kubernetes sends slow-start
 * batches; apply sends them in order and stops at the first failure).
 */
export function planJob(s: Readonly<JobSnapshot>, nowMs: number, rand: () => number): JobPlan {
  const job = s.job;
  if (isJobFinished(job)) return { actions: [], status: storedStatus(job) };
  const spec = resolveJobSpec(job);
  const pods = ownedPods(job, s.pods);
  const activePods = pods.filter(isPodActive);
  const counts = countFinished(job, pods);
  const startTime = job.status?.startTime ?? rfc3339(nowMs);
  const failure = decideFailure(job, spec, pods, counts.failed, parseTime(startTime), nowMs);
  let finished = failure.finished;
  let active = activePods.length;
  let terminating = pods.filter(isPodTerminating).length + (finished === undefined ? 0 : active);
  let ready = finished === undefined ? activePods.filter(isPodReady).length : 0;
  const actions: JobAction[] = [];
  let requeueAfterMs = failure.requeueAfterMs;
  if (finished !== undefined) {
    actions.push(...planPodDeletions(activePods, false));
    active = 0;
    // Pods not seen in the cache yet might still show up: finish on a later reconcile.
    if (!s.expectationsSatisfied) finished = undefined;
  } else {
    if (s.expectationsSatisfied && job.metadata.deletionTimestamp === undefined) {
      const m = planManageJob({ job, spec, pods, activePods, succeeded: counts.succeeded }, nowMs, rand);
      actions.push(...m.actions);
      active = m.active;
      terminating += m.deleted;
      ready -= m.deletedReady;
      requeueAfterMs = minDefined(requeueAfterMs, m.requeueAfterMs);
    }
    const done = spec.completions === undefined ? counts.succeeded > 0 : counts.succeeded >= spec.completions;
    if (done && active === 0) finished = { type: 'SuccessCriteriaMet', ...JobFinish.completionsReached };
  }
  const base: TrackedJobStatus = { ...storedStatus(job), startTime, ready, terminating };
  const status = active > 0 ? { ...base, active } : withoutActive(base);
  const tracked = planJobTracking({ job, pods, status, finished, terminating, completions: spec.completions, nowMs });
  const plan: JobPlan = { actions: [...actions, ...tracked.actions], status: tracked.status };
  return requeueAfterMs === undefined || isFailedOrComplete(tracked.status) ? plan : { ...plan, requeueAfterMs };
}

/** Succeeded and failed pods: counted ones, uncounted ones, and newly finished ones still carrying the finalizer. */
function countFinished(job: Readonly<Job>, pods: readonly Readonly<Pod>[]): { succeeded: number; failed: number } {
  const u = readUncounted(job);
  const fresh = pods.filter((p) => hasTrackingFinalizer(p));
  const newSucceeded = fresh.filter((p) => p.status?.phase === 'Succeeded' && !u.succeeded.includes(p.metadata.uid ?? '')).length;
  const newFailed = fresh.filter((p) => isPodFailed(p) && !u.failed.includes(p.metadata.uid ?? '')).length;
  return {
    succeeded: (job.status?.succeeded ?? 0) + newSucceeded + u.succeeded.length,
    failed: (job.status?.failed ?? 0) + newFailed + u.failed.length,
  };
}

/**
 * A success already recorded, a failure already recorded (FailureTarget → Failed), too many failures
 * (failed > backoffLimit; with restartPolicy OnFailure, container restarts ≥ backoffLimit, or any restart
 * for backoffLimit 0), or activeDeadlineSeconds passed since startTime (else: wake up then).
 */
function decideFailure(job: Readonly<Job>, spec: JobSpecValues, pods: readonly Readonly<Pod>[], failed: number, startMs: number, nowMs: number): { finished?: FinishedCondition; requeueAfterMs?: number } {
  const success = findJobCondition(job, 'SuccessCriteriaMet');
  if (success?.status === 'True') return { finished: { type: 'SuccessCriteriaMet', reason: success.reason ?? '', message: success.message ?? '' } };
  const target = findJobCondition(job, 'FailureTarget');
  if (target?.status === 'True') return { finished: { type: 'Failed', reason: target.reason ?? '', message: target.message ?? '' } };
  const restarts = spec.restartPolicy === 'OnFailure' ? pods.reduce((n, p) => n + countRestarts(p), 0) : 0;
  const restartsExceeded = spec.restartPolicy === 'OnFailure' && (spec.backoffLimit === 0 ? restarts > 0 : restarts >= spec.backoffLimit);
  if (failed > spec.backoffLimit || restartsExceeded) return { finished: { type: 'FailureTarget', ...JobFinish.backoffLimitExceeded } };
  if (spec.activeDeadlineSeconds === undefined) return {};
  const leftMs = spec.activeDeadlineSeconds * 1000 - (nowMs - startMs);
  return leftMs <= 0 ? { finished: { type: 'FailureTarget', ...JobFinish.deadlineExceeded } } : { requeueAfterMs: leftMs };
}

/** The stored status in the shape the plan writes (uncountedTerminatedPods always present). */
function storedStatus(job: Readonly<Job>): TrackedJobStatus {
  const u = readUncounted(job);
  const status = { ...(job.status ?? {}), uncountedTerminatedPods: uncounted(u.succeeded, u.failed) };
  return withCounters(status, job.status?.succeeded ?? 0, job.status?.failed ?? 0);
}

function withoutActive(status: TrackedJobStatus): TrackedJobStatus {
  const { active: _active, ...rest } = status;
  return rest;
}

function isFailedOrComplete(status: TrackedJobStatus): boolean {
  return status.conditions?.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') ?? false;
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}
