// Whether a canary's ReplicaSets have reached the counts a step asks for (AtDesiredReplicaCountsForCanary).
import type { CanaryStrategy, TrafficWeights } from '../../api/rollouts-v1alpha1.js';
import { type RS, actualReplicas, availableReplicas, specReplicas, sumAvailable } from './replica-set-counts.js';
import { type RO, isTrafficRouted } from './rollout-defaults.js';
import { type CanaryCounts, computeBasicCanaryReplicaCounts } from './basic-canary-replicas.js';
import { computeTrafficRoutedReplicaCounts } from './traffic-routed-replicas.js';

/**
 * True when `rs` has enough available pods for `desired`: all of them by default, or `replicaProgressThreshold`
 * (Percent of desired, or a Pods count). Desired 10, threshold 70% → 7 available suffice.
 */
export function replicaProgressThresholdMet(threshold: CanaryStrategy['replicaProgressThreshold'], rs: RS | undefined, desired: number): boolean {
  if (threshold === undefined || rs === undefined || threshold.value < 0) {
    return rs !== undefined && desired === specReplicas(rs) && desired === availableReplicas(rs);
  }
  if (threshold.type === 'Percent') {
    if (desired === 0) return true;
    const pct = (availableReplicas(rs) / desired) * 100;
    return pct >= threshold.value || Math.abs(pct - threshold.value) <= 1e-10;
  }
  return availableReplicas(rs) >= threshold.value;
}

/** The canary/stable sizes the strategy wants now (basic or traffic-routed). */
export function desiredCanaryCounts(ro: RO, newRS: RS | undefined, stableRS: RS | undefined, otherRSs: readonly RS[], weights: TrafficWeights | undefined): CanaryCounts {
  return isTrafficRouted(ro)
    ? computeTrafficRoutedReplicaCounts(ro, newRS, stableRS, weights)
    : computeBasicCanaryReplicaCounts(ro, newRS, stableRS, otherRSs);
}

/**
 * True when the canary has its desired available pods (or threshold), the stable has exactly its desired pods
 * (spec = status, skipped with dynamicStableScale), and — basic canary only — no other RS has available pods.
 */
export function atDesiredReplicaCountsForCanary(ro: RO, newRS: RS | undefined, stableRS: RS | undefined, otherRSs: readonly RS[], weights: TrafficWeights | undefined): boolean {
  const want = desiredCanaryCounts(ro, newRS, stableRS, otherRSs, weights);
  const canary = ro.spec.strategy.canary;
  if (!replicaProgressThresholdMet(canary?.replicaProgressThreshold, newRS, want.canary)) return false;
  if (!isTrafficRouted(ro) || canary?.dynamicStableScale !== true) {
    if (stableRS === undefined || specReplicas(stableRS) !== want.stable || actualReplicas(stableRS) !== want.stable) return false;
  }
  return isTrafficRouted(ro) || sumAvailable(otherRSs) === 0;
}
