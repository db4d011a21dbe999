// A Job's pod: its template plus the Job's labels, the tracking finalizer and the controller reference,
// named `<job>-<5 characters>` as the API server names `generateName` pods.
import type { Pod } from '../../../api/core-v1.js';
import type { Job } from '../../../api/batch-v1.js';
import type { OwnerReference } from '../../../api/meta.js';
import { safeEncode } from '../../../lib/hash.js';
import { TRACKING_FINALIZER } from './job-types.js';

const SUFFIX_LENGTH = 5;
const SAFE_ALPHABET_SIZE = 27;
const MAX_PREFIX_LENGTH = 58;

/** The controller reference a Job puts on its pods. */
export function jobOwnerRef(job: Readonly<Job>): OwnerReference {
  return { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name ?? '', uid: job.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/**
 * A pod from the Job's template. The API server normally stores the four Job labels
 * (`batch.kubernetes.io/controller-uid`, `batch.kubernetes.io/job-name`, `controller-uid`, `job-name`)
 * in the template already; they are set here too so the pods always carry them.
 */
export function newJobPod(job: Readonly<Job>, name: string): Pod {
  const meta = job.spec.template.metadata ?? {};
  const uid = job.metadata.uid ?? '';
  const jobName = job.metadata.name ?? '';
  const finalizers = meta.finalizers?.includes(TRACKING_FINALIZER) === true ? [...meta.finalizers] : [...(meta.finalizers ?? []), TRACKING_FINALIZER];
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name,
      ...(job.metadata.namespace === undefined ? {} : { namespace: job.metadata.namespace }),
      labels: { ...(meta.labels ?? {}), 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': jobName, 'controller-uid': uid, 'job-name': jobName },
      ...(meta.annotations === undefined ? {} : { annotations: { ...meta.annotations } }),
      finalizers,
      ownerReferences: [jobOwnerRef(job)],
    },
    spec: structuredClone(job.spec.template.spec),
  };
}

/** `<prefix>-<5 safe characters>` not in `taken`; `rand` returns numbers in [0, 1). Rand always 0: `pi-bbbbb`. */
export function generatePodName(prefix: string, rand: () => number, taken: ReadonlySet<string>): string {
  const base = `${prefix}-`.slice(0, MAX_PREFIX_LENGTH);
  for (let attempt = 0; attempt < 100; attempt++) {
    // safeEncode maps a character code c to the safe alphabet's (c mod 27)-th letter.
    const codes = Array.from({ length: SUFFIX_LENGTH }, () => Math.min(SAFE_ALPHABET_SIZE - 1, Math.floor(rand() * SAFE_ALPHABET_SIZE)));
    const name = base + safeEncode(String.fromCharCode(...codes));
    if (!taken.has(name)) return name;
  }
  throw new RangeError(`Cannot name a pod with prefix "${base}": 100 random names were all taken`);
}
