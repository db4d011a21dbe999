// Replica counts for a canary WITH traffic routing (argo-rollouts.md §2.5; CalculateReplicaCountsForTrafficRoutedCanary).
// The router splits traffic, so pods do not have to approximate the weight: the canary is sized for its weight and
// the stable stays fully scaled (unless dynamicStableScale), ready for an instant abort.
import type { TrafficWeights } from '../../api/rollouts-v1alpha1.js';
import type { RS } from './replica-set-counts.js';
import { type RO, maxTrafficWeightOf, replicasOf } from './rollout-defaults.js';
import { canaryReplicasOrWeight, trafficWeightToReplicas } from './canary-step.js';
import type { CanaryCounts } from './basic-canary-replicas.js';

/**
 * Raises a non-zero count to `minPodsPerReplicaSet` (capped at R); only with trafficRouting.
 * R=10, min 2: 1 → 2, 0 → 0, 5 → 5. R=1, min 2: 1 → 1.
 */
export function withMinPodsPerReplicaSet(ro: RO, count: number): number {
  const min = ro.spec.strategy.canary?.minPodsPerReplicaSet;
  if (count === 0 || min === undefined || ro.spec.strategy.canary?.trafficRouting === undefined) return count;
  return Math.max(count, Math.min(min, replicasOf(ro)));
}

/**
 * Canary = setCanaryScale.replicas, or ceil(w·R/MW) raised to minPodsPerReplicaSet; stable = R. With
 * dynamicStableScale: stable = max(ceil((MW−w)·R/MW), ceil(stableWeight·R/MW)) and, while aborting, the canary keeps
 * enough pods for the traffic it still has. R=10, w=10 → 1/10; dynamic, actual weights 10/90, w=10 → 1/9.
 * `weights` is the status the controller last wrote (status.canary.weights), never this pass's new one.
 */
export function computeTrafficRoutedReplicaCounts(ro: RO, newRS: RS | undefined, stableRS: RS | undefined, weights: TrafficWeights | undefined): CanaryCounts {
  const r = replicasOf(ro);
  const mw = maxTrafficWeightOf(ro);
  const want = canaryReplicasOrWeight(ro, newRS, stableRS);
  let canary = want.replicas ?? withMinPodsPerReplicaSet(ro, trafficWeightToReplicas(r, want.weight, mw));
  if (ro.spec.strategy.canary?.dynamicStableScale !== true) return { canary, stable: r };
  let stable = trafficWeightToReplicas(r, mw - want.weight, mw);
  if (weights !== undefined) {
    stable = Math.max(stable, trafficWeightToReplicas(r, weights.stable.weight, mw));
    if (ro.status?.abort === true) canary = Math.max(canary, trafficWeightToReplicas(r, weights.canary.weight, mw));
  }
  return { canary: withMinPodsPerReplicaSet(ro, canary), stable: withMinPodsPerReplicaSet(ro, stable) };
}
