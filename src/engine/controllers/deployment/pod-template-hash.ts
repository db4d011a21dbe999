// The pod-template-hash label and template identity (Kubernetes' ComputeHash and EqualIgnoreHash).
import type { PodTemplateSpec } from '../../../api/core-v1.js';
import { deepEqual } from '../../../lib/deep-equal.js';
import { fnv32a, safeEncode } from '../../../lib/hash.js';
import { canonicalJson } from '../../../lib/json.js';

/** The label that ties a ReplicaSet and its pods to one template of a Deployment. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/**
 * The template as compared and hashed: without the pod-template-hash label, without nulls (kubectl
 * sends `creationTimestamp: null`) and without empty maps and lists, which Kubernetes' semantic
 * equality treats as absent.
 */
export function normalizeTemplate(t: Readonly<PodTemplateSpec>): unknown {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  return compact({ ...t, metadata: { ...(t.metadata ?? {}), labels } });
}

/**
 * FNV-32a over the canonical JSON of the normalized template, then (when set) the collision count as
 * 8 little-endian bytes, rendered in decimal and mapped into the safe alphabet, as Kubernetes renders it:
 * e.g. `5c5575fb88`. Kubernetes hashes Go's in-memory form, so the values differ from a real cluster's;
 * they are stable across key order and runs.
 */
export function podTemplateHash(template: Readonly<PodTemplateSpec>, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJson(normalizeTemplate(template))));
  if (collisionCount !== undefined) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(bytes, h);
  }
  return safeEncode(String(h));
}

/** True when the two templates are equal apart from the pod-template-hash label. */
export function isTemplateEqualIgnoringHash(a: Readonly<PodTemplateSpec>, b: Readonly<PodTemplateSpec>): boolean {
  return deepEqual(normalizeTemplate(a), normalizeTemplate(b));
}

function compact(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(compact);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const c = compact(x);
    if (c === null || c === undefined || (Array.isArray(c) && c.length === 0)) continue;
    if (typeof c === 'object' && !Array.isArray(c) && Object.keys(c).length === 0) continue;
    out[k] = c;
  }
  return out;
}
