// How far the new ReplicaSet may grow now (Kubernetes' NewRSNewReplicas).
import type { ReplicaSet } from '../../../api/apps-v1.js';
import { resolveIntOrPercent } from '../../../api/int-or-percent.js';
import type { DeploymentSpecValues } from './deployment-spec.js';
import { specReplicas, sumSpecReplicas } from './replicaset-sets.js';

/**
 * RollingUpdate: grow by what the surge allows, never past spec.replicas. 3 replicas, maxSurge 25%
 * (rounds up to 1), old 3 + new 0 → new 1; old 2 + new 1 → new 2; old 3 + new 1 → stays 1.
 * Recreate: spec.replicas at once.
 */
export function computeNewRSReplicas(spec: DeploymentSpecValues, allRSs: readonly Readonly<ReplicaSet>[], newRS: Readonly<ReplicaSet>): number {
  if (spec.strategy === 'Recreate') return spec.replicas;
  const maxTotal = spec.replicas + resolveIntOrPercent(spec.maxSurge, spec.replicas, true);
  const current = sumSpecReplicas(allRSs);
  if (current >= maxTotal) return specReplicas(newRS);
  return specReplicas(newRS) + Math.min(maxTotal - current, spec.replicas - specReplicas(newRS));
}
