// Pod-template hashes for Rollout RSs, and finding the RS that runs the Rollout's current template.
// Argo hashes Go's json.Marshal of the PodTemplateSpec, which we cannot reproduce byte-for-byte for every field, so
// we hash a canonical JSON (sorted keys, nulls and empty maps/lists dropped) with the same FNV-32a + collisionCount +
// safe-encode recipe, and recognise RSs made by Argo (or by an earlier Sluice) through a deep-equal fallback.
import type { PodTemplateSpec } from '../../api/core-v1.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import { EPHEMERAL_METADATA_ANNOTATION, POD_TEMPLATE_HASH_LABEL } from '../../api/rollouts-constants.js';
import { isJsonObject } from '../../api/meta.js';
import { canonicalJson } from '../../lib/json.js';
import { deepEqual } from '../../lib/deep-equal.js';
import { fnv32a, safeEncode } from '../../lib/hash.js';
import { type RS, byCreation, podHashOf } from './replica-set-counts.js';
import { normalizePodTemplate } from './pod-template-normalize.js';

/**
 * The `rollouts-pod-template-hash` of a template: FNV-32a over its canonical JSON, then (when set) the
 * collisionCount as 8 little-endian bytes, printed in decimal and safe-encoded.
 */
export function computePodTemplateHash(template: Readonly<PodTemplateSpec> | undefined, collisionCount?: number): string {
  const bytes = new TextEncoder().encode(canonicalJson(normalizePodTemplate(template ?? { spec: { containers: [] } })));
  let h = fnv32a(bytes);
  if (collisionCount !== undefined) {
    const extra = new Uint8Array(8);
    new DataView(extra.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(extra, h);
  }
  return safeEncode(String(h));
}

/** The hash the Rollout's current template gets (its collisionCount included). */
export function currentPodHashOf(ro: Readonly<Rollout>): string {
  return computePodTemplateHash(ro.spec.template, ro.status?.collisionCount);
}

/** True when two templates are equal once the hash label and server-side defaults are ignored. */
export function podTemplateEqualIgnoreHash(live: Readonly<PodTemplateSpec>, desired: Readonly<PodTemplateSpec>): boolean {
  return deepEqual(normalizePodTemplate(withoutHashLabel(live)), normalizePodTemplate(withoutHashLabel(desired)));
}

function withoutHashLabel(t: Readonly<PodTemplateSpec>): PodTemplateSpec {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

/** The RS template with the ephemeral canary/stable metadata and the injected anti-affinity rule taken out. */
export function strippedTemplate(rs: RS): PodTemplateSpec {
  const t = rs.spec.template;
  const injected = parseEphemeral(rs.metadata.annotations?.[EPHEMERAL_METADATA_ANNOTATION]);
  const labels = { ...(t.metadata?.labels ?? {}) };
  const annotations = { ...(t.metadata?.annotations ?? {}) };
  for (const k of Object.keys(injected.labels)) delete labels[k];
  for (const k of Object.keys(injected.annotations)) delete annotations[k];
  const metadata = { ...(t.metadata ?? {}), labels, annotations };
  return { ...t, metadata, spec: { ...t.spec, ...affinityWithoutInjectedRule(t.spec.affinity) } };
}

function parseEphemeral(text: string | undefined): { labels: Record<string, unknown>; annotations: Record<string, unknown> } {
  let v: unknown;
  try { v = text === undefined ? undefined : JSON.parse(text); } catch { v = undefined; }
  const labels = isJsonObject(v) && isJsonObject(v['labels']) ? v['labels'] : {};
  const annotations = isJsonObject(v) && isJsonObject(v['annotations']) ? v['annotations'] : {};
  return { labels, annotations };
}

// Argo injects one podAntiAffinity term selecting `rollouts-pod-template-hash In [stable]`; drop such terms.
function affinityWithoutInjectedRule(affinity: Record<string, unknown> | undefined): { affinity?: Record<string, unknown> } {
  if (affinity === undefined) return {};
  const anti = affinity['podAntiAffinity'];
  if (!isJsonObject(anti)) return { affinity };
  const keep = (terms: unknown, nested: boolean): unknown[] =>
    (Array.isArray(terms) ? terms : []).filter((term) => !selectsHash(nested && isJsonObject(term) ? term['podAffinityTerm'] : term));
  const preferred = keep(anti['preferredDuringSchedulingIgnoredDuringExecution'], true);
  const required = keep(anti['requiredDuringSchedulingIgnoredDuringExecution'], false);
  const newAnti = { ...anti, preferredDuringSchedulingIgnoredDuringExecution: preferred, requiredDuringSchedulingIgnoredDuringExecution: required };
  return { affinity: { ...affinity, podAntiAffinity: newAnti } };
}

function selectsHash(term: unknown): boolean {
  if (!isJsonObject(term) || !isJsonObject(term['labelSelector'])) return false;
  const exprs = term['labelSelector']['matchExpressions'];
  return Array.isArray(exprs) && exprs.some((e) => isJsonObject(e) && e['key'] === POD_TEMPLATE_HASH_LABEL);
}

/**
 * The Rollout's new RS among `rsList` (FindNewReplicaSet): the one labelled with the current hash, else (oldest
 * first) one whose template equals the Rollout's once injected metadata, the hash label and defaults are ignored.
 */
export function findNewReplicaSet(ro: Readonly<Rollout>, rsList: readonly RS[]): RS | undefined {
  const sorted = [...rsList].sort(byCreation);
  const hash = currentPodHashOf(ro);
  const byHash = sorted.find((rs) => podHashOf(rs) === hash);
  if (byHash !== undefined || ro.spec.template === undefined) return byHash;
  const desired = ro.spec.template;
  return sorted.find((rs) => podTemplateEqualIgnoreHash(strippedTemplate(rs), desired));
}

/**
 * Splits the Rollout's RSs into new, stable (the one whose hash is `status.stableRS`) and the others, as observe
 * hands them to the plan.
 */
export function classifyReplicaSets(ro: Readonly<Rollout>, rsList: readonly RS[]): { newRS?: RS; stableRS?: RS; otherRSs: RS[] } {
  const newRS = findNewReplicaSet(ro, rsList);
  const stableHash = ro.status?.stableRS ?? '';
  const stableRS = stableHash === '' ? undefined
    : newRS !== undefined && podHashOf(newRS) === stableHash ? newRS : rsList.find((rs) => podHashOf(rs) === stableHash);
  const otherRSs = rsList.filter((rs) => rs.metadata.name !== newRS?.metadata.name && rs.metadata.name !== stableRS?.metadata.name);
  return { ...(newRS !== undefined ? { newRS } : {}), ...(stableRS !== undefined ? { stableRS } : {}), otherRSs };
}
