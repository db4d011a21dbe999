// Keeping the right number of pods running (Kubernetes' manageJob): delete extras, or create the missing
// ones once the failure back-off has passed. Deletion and creation never happen in the same reconcile.
import type { Pod } from '../../../api/core-v1.js';
import type { Job } from '../../../api/batch-v1.js';
import { computeBackoffRemainingMs } from './job-backoff.js';
import { compareActivePods, hasTrackingFinalizer, isPodReady } from './job-pods.js';
import { generatePodName, newJobPod } from './job-pod-template.js';
import type { JobSpecValues } from './job-spec.js';
import { MAX_PODS_PER_SYNC, TRACKING_FINALIZER, type JobAction, type PodRef } from './job-types.js';

/** What managing the pods decided. */
export interface ManageStep {
  readonly actions: readonly JobAction[];
  /** Active pods once the actions are done. */
  readonly active: number;
  readonly deleted: number;
  readonly deletedReady: number;
  readonly requeueAfterMs?: number;
}

/** The inputs of `planManageJob`. */
export interface ManageInput {
  readonly job: Readonly<Job>;
  readonly spec: JobSpecValues;
  /** Every pod of the Job (terminal ones included), for names and the back-off. */
  readonly pods: readonly Readonly<Pod>[];
  readonly activePods: readonly Readonly<Pod>[];
  readonly succeeded: number;
}

/**
 * Wanted active pods: min(parallelism, completions − succeeded), or parallelism for a work queue until
 * a pod succeeds. completions 5, parallelism 2, 4 succeeded, 0 active → 1 pod created.
 */
export function planManageJob(m: ManageInput, nowMs: number, rand: () => number): ManageStep {
  const active = m.activePods.length;
  const want = computeWantActive(m, active);
  if (active > want) return planDeletions(m.activePods, Math.min(active - want, MAX_PODS_PER_SYNC));
  const diff = want - active;
  if (diff <= 0) return { actions: [], active, deleted: 0, deletedReady: 0 };
  const waitMs = computeBackoffRemainingMs(m.pods, nowMs);
  if (waitMs > 0) return { actions: [], active, deleted: 0, deletedReady: 0, requeueAfterMs: waitMs };
  const count = Math.min(diff, MAX_PODS_PER_SYNC);
  const taken = new Set(m.pods.map((p) => p.metadata.name ?? ''));
  const actions: JobAction[] = [];
  for (let i = 0; i < count; i++) {
    const name = generatePodName(m.job.metadata.name ?? '', rand, taken);
    taken.add(name);
    actions.push({ op: 'createPod', pod: newJobPod(m.job, name) }, { op: 'event', type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}` });
  }
  return { actions, active: active + count, deleted: 0, deletedReady: 0 };
}

/** Deletes `pods` (finalizer first, so the removal is not counted as a failure), each with its event. */
export function planPodDeletions(pods: readonly Readonly<Pod>[], removeFinalizer: boolean): JobAction[] {
  return pods.flatMap((p): JobAction[] => [
    ...(removeFinalizer && hasTrackingFinalizer(p) ? [removeTrackingFinalizer(p)] : []),
    { op: 'deletePod', pod: podRef(p) },
    { op: 'event', type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${p.metadata.name ?? ''}` },
  ]);
}

/** A write target for `pod`, with uid and resourceVersion as preconditions. */
export function podRef(p: Readonly<Pod>): PodRef {
  const ref: PodRef = { name: p.metadata.name ?? '', uid: p.metadata.uid ?? '' };
  return p.metadata.resourceVersion === undefined ? ref : { ...ref, resourceVersion: p.metadata.resourceVersion };
}

/** The action removing the tracking finalizer from `p` (uid precondition only: the pod may have moved on). */
export function removeTrackingFinalizer(p: Readonly<Pod>): JobAction {
  return { op: 'removePodFinalizer', pod: { name: p.metadata.name ?? '', uid: p.metadata.uid ?? '' }, finalizer: TRACKING_FINALIZER };
}

function computeWantActive(m: ManageInput, active: number): number {
  if (m.spec.completions === undefined) return m.succeeded > 0 ? active : m.spec.parallelism;
  return Math.max(0, Math.min(m.spec.parallelism, m.spec.completions - m.succeeded));
}

function planDeletions(activePods: readonly Readonly<Pod>[], count: number): ManageStep {
  const victims = [...activePods].sort(compareActivePods).slice(0, count);
  return {
    actions: planPodDeletions(victims, true),
    active: activePods.length - victims.length,
    deleted: victims.length,
    deletedReady: victims.filter(isPodReady).length,
  };
}
