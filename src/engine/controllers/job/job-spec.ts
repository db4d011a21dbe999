// The Job spec with batch/v1 defaults filled in.
import type { Job } from '../../../api/batch-v1.js';
import { matchesSelector } from '../../../api/label-selector.js';
import type { Pod } from '../../../api/core-v1.js';
import { controllerRef } from '../../../api/meta.js';

/** A Job spec after defaulting. */
export interface JobSpecValues {
  /** Undefined: a work queue, done when any pod succeeds and none runs. */
  readonly completions: number | undefined;
  readonly parallelism: number;
  readonly backoffLimit: number;
  readonly activeDeadlineSeconds: number | undefined;
  readonly restartPolicy: 'Never' | 'OnFailure' | 'Always';
}

/** batch/v1 defaults: completions and parallelism 1 when both are unset, parallelism 1, backoffLimit 6. */
export function resolveJobSpec(job: Readonly<Job>): JobSpecValues {
  const s = job.spec;
  return {
    completions: s.completions ?? (s.parallelism === undefined ? 1 : undefined),
    parallelism: s.parallelism ?? 1,
    backoffLimit: s.backoffLimit ?? 6,
    activeDeadlineSeconds: s.activeDeadlineSeconds,
    restartPolicy: s.template.spec.restartPolicy ?? 'Never',
  };
}

/** The Job's pods: controlled by it and matching its selector (by default its controller-uid label). */
export function ownedPods(job: Readonly<Job>, pods: readonly Readonly<Pod>[]): Readonly<Pod>[] {
  const uid = job.metadata.uid;
  const selector = job.spec.selector ?? { matchLabels: { 'batch.kubernetes.io/controller-uid': uid ?? '' } };
  return pods.filter((p) => controllerRef(p.metadata)?.uid === uid && matchesSelector(selector, p.metadata.labels));
}
