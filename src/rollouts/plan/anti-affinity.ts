// The anti-affinity rule injected into a new RS so its pods avoid the stable's nodes
// (utils/replicaset GenerateReplicaSetAffinity; argo-rollouts.md §1.4 antiAffinity).
import type { PodSpec } from '../../api/core-v1.js';
import { isJsonObject } from '../../api/meta.js';
import { POD_TEMPLATE_HASH_LABEL } from '../../api/rollouts-constants.js';
import type { RO } from './rollout-defaults.js';

/**
 * The pod spec with a podAntiAffinity term `rollouts-pod-template-hash In [status.stableRS]` (topology
 * kubernetes.io/hostname, the Rollout's namespace) — preferred with the configured weight, or required — while a
 * different stable exists. Unchanged otherwise.
 */
export function withInjectedAntiAffinity(ro: RO, currentHash: string, spec: Readonly<PodSpec>): PodSpec {
  const aa = ro.spec.strategy.canary?.antiAffinity ?? ro.spec.strategy.blueGreen?.antiAffinity;
  const stable = ro.status?.stableRS ?? '';
  if (aa === undefined || stable === '' || stable === currentHash) return { ...spec };
  const preferred = aa.preferredDuringSchedulingIgnoredDuringExecution;
  if (preferred === undefined && aa.requiredDuringSchedulingIgnoredDuringExecution === undefined) return { ...spec };
  const term = {
    labelSelector: { matchExpressions: [{ key: POD_TEMPLATE_HASH_LABEL, operator: 'In', values: [stable] }] },
    namespaces: [ro.metadata.namespace ?? ''],
    topologyKey: 'kubernetes.io/hostname',
  };
  const affinity = spec.affinity ?? {};
  const anti = isJsonObject(affinity['podAntiAffinity']) ? affinity['podAntiAffinity'] : {};
  const list = (key: string): unknown[] => (Array.isArray(anti[key]) ? [...anti[key]] : []);
  const podAntiAffinity = preferred !== undefined
    ? { ...anti, preferredDuringSchedulingIgnoredDuringExecution: [...list('preferredDuringSchedulingIgnoredDuringExecution'), { weight: preferred.weight, podAffinityTerm: term }] }
    : { ...anti, requiredDuringSchedulingIgnoredDuringExecution: [...list('requiredDuringSchedulingIgnoredDuringExecution'), term] };
  return { ...spec, affinity: { ...affinity, podAntiAffinity } };
}
