// What the Job controller reads (the snapshot) and what its plan asks apply to do (the actions).
import type { Pod } from '../../../api/core-v1.js';
import type { Job, JobStatus } from '../../../api/batch-v1.js';
import { isJsonObject } from '../../../api/meta.js';

/** The finalizer that keeps a finished pod around until the Job has counted it. */
export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

/** A read-only view of one Job and its pods, built by observe from informer caches. */
export interface JobSnapshot {
  readonly job: Readonly<Job>;
  /** Pods of the Job's namespace (at least those controlled by the Job), terminal and terminating ones included. */
  readonly pods: readonly Readonly<Pod>[];
  /** False while earlier creations or deletions have not been observed yet (control/expectations.ts). */
  readonly expectationsSatisfied: boolean;
}

/** Finished pods recorded in status but not yet added to the counters (their finalizer is being removed). */
export interface UncountedTerminatedPods {
  succeeded?: string[];
  failed?: string[];
}

/** batch/v1 JobStatus including `uncountedTerminatedPods`, which `api/batch-v1.ts` does not declare yet. */
export type TrackedJobStatus = JobStatus & { uncountedTerminatedPods: UncountedTerminatedPods };

/** Identifies a pod for a write; `uid` is the precondition, `resourceVersion` too when given. */
export interface PodRef {
  readonly name: string;
  readonly uid: string;
  readonly resourceVersion?: string;
}

/**
 * One write for apply, executed in order; apply stops at the first failure. Two `updateStatus` actions
 * may appear: the second is built on the first, so apply sends the resourceVersion the first returned.
 * Events are about the Job and follow the write they describe.
 */
export type JobAction =
  | { readonly op: 'createPod'; readonly pod: Pod }
  | { readonly op: 'deletePod'; readonly pod: PodRef }
  /**
   * Removes `finalizer` from the pod without a resourceVersion precondition (Kubernetes sends a strategic
   * merge patch with `$deleteFromPrimitiveList/finalizers`); a pod already gone counts as done.
   */
  | { readonly op: 'removePodFinalizer'; readonly pod: PodRef; readonly finalizer: string }
  | { readonly op: 'updateStatus'; readonly status: TrackedJobStatus }
  | { readonly op: 'event'; readonly type: 'Normal' | 'Warning'; readonly reason: string; readonly message: string };

/** The outcome of one plan: the writes, the status the Job ends with, and when to look again. */
export interface JobPlan {
  readonly actions: readonly JobAction[];
  readonly status: TrackedJobStatus;
  /** Set for activeDeadlineSeconds and for the back-off before replacing failed pods. */
  readonly requeueAfterMs?: number;
}

/** The most pods created or deleted, or uncounted pods recorded, in one reconcile. */
export const MAX_PODS_PER_SYNC = 500;

/** Reads status.uncountedTerminatedPods from a stored Job. */
export function readUncounted(job: Readonly<Job>): { succeeded: string[]; failed: string[] } {
  const status: unknown = job.status;
  const raw = isJsonObject(status) ? status['uncountedTerminatedPods'] : undefined;
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return isJsonObject(raw) ? { succeeded: list(raw['succeeded']), failed: list(raw['failed']) } : { succeeded: [], failed: [] };
}
