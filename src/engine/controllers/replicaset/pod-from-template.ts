// Building a controller's pod from its template, and naming it as the API server names `generateName` pods.
import type { Pod, PodTemplateSpec } from '../../../api/core-v1.js';
import type { OwnerReference } from '../../../api/meta.js';
import { safeEncode } from '../../../lib/hash.js';

const SUFFIX_LENGTH = 5;
const SAFE_ALPHABET_SIZE = 27;
// The API server keeps generated names within 63 characters by cutting the prefix at 58.
const MAX_PREFIX_LENGTH = 58;

/** A pod from `template` (labels, annotations, finalizers and spec copied) controlled by `owner`. */
export function newPodFromTemplate(template: Readonly<PodTemplateSpec>, name: string, namespace: string | undefined, owner: OwnerReference): Pod {
  const meta = template.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      ...(namespace === undefined ? {} : { namespace }),
      labels: { ...(meta.labels ?? {}) },
      ...(meta.annotations === undefined ? {} : { annotations: { ...meta.annotations } }),
      ...(meta.finalizers === undefined ? {} : { finalizers: [...meta.finalizers] }),
      ownerReferences: [owner],
    },
    spec: structuredClone(template.spec),
  };
  return pod;
}

/**
 * `<prefix>-<5 characters>` from the safe alphabet (no vowels, no look-alikes), avoiding `taken` names.
 * `rand` returns numbers in [0, 1) like Math.random. With rand always 0: `demo-bbbbb`.
 */
export function generatePodName(prefix: string, rand: () => number, taken: ReadonlySet<string>): string {
  const base = `${prefix}-`.slice(0, MAX_PREFIX_LENGTH);
  for (let attempt = 0; attempt < 100; attempt++) {
    const name = base + randomSuffix(rand);
    if (!taken.has(name)) return name;
  }
  throw new RangeError(`Cannot name a pod with prefix "${base}": 100 random names were all taken`);
}

function randomSuffix(rand: () => number): string {
  // safeEncode maps a character code c to the alphabet's (c mod 27)-th letter.
  const codes = Array.from({ length: SUFFIX_LENGTH }, () => Math.min(SAFE_ALPHABET_SIZE - 1, Math.floor(rand() * SAFE_ALPHABET_SIZE)));
  return safeEncode(String.fromCharCode(...codes));
}
