// The canary traffic weight a traffic-routed canary should have now (rollout/trafficrouting.go, the weight part).
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, isAborted } from './pause-intent.js';
import { type RS, availableReplicas, podHashOf } from './replica-set-counts.js';
import { maxTrafficWeightOf, replicasOf, stepsOf } from './rollout-defaults.js';
import { currentCanaryStep, currentSetWeight, desiredCanaryWeight, previousSetWeight } from './canary-step.js';
import { atDesiredReplicaCountsForCanary, replicaProgressThresholdMet } from './canary-availability.js';

/** Which situation decided the weight (for tests and logs). */
export type WeightReason = 'rollingBackToStable' | 'promoted' | 'aborted' | 'noCanaryPods' | 'promoteFull' | 'previousStep' | 'currentStep' | 'afterLastStep' | 'noSteps';

/** The desired canary weight and the canary hash it applies to. */
export interface DesiredWeight { weight: number; canaryHash: string; reason: WeightReason }

/**
 * Promoted while a dynamic-stable-scale update was interrupted and the stable is not back at full size: traffic is
 * balanced between the previous canary (remembered in status weights) and the stable (IsDynamicallyRollingBackToStable).
 */
export function previousCanaryWhileRollingBack(inp: PlanInput): string | undefined {
  const { ro, newRS } = inp;
  const st = ro.status ?? {};
  if (st.stableRS !== st.currentPodHash || ro.spec.strategy.canary?.trafficRouting === undefined || ro.spec.strategy.canary.dynamicStableScale !== true) return undefined;
  const prev = st.canary?.weights?.canary.podTemplateHash;
  if (prev === undefined || newRS === undefined || prev === podHashOf(newRS) || availableReplicas(newRS) >= replicasOf(ro)) return undefined;
  return prev;
}

/**
 * The weight while aborting or rolling back to stable: 0 at once without dynamicStableScale; with it, the weight
 * follows stable availability down through the setWeight values, never rising again. R=10, weights 60, stable 4
 * available, next step down 20 → stays 60 until 8 stable pods are available.
 */
export function weightOnAbortOrRollback(inp: PlanInput): number {
  const { ro, newRS, stableRS } = inp;
  const r = ro.spec.replicas ?? 0;
  if (ro.spec.strategy.canary?.dynamicStableScale !== true || stableRS === undefined || newRS === undefined || r === 0) return 0;
  const mw = maxTrafficWeightOf(ro);
  const desired = desiredCanaryWeight(ro, newRS, stableRS);
  const stableShare = Math.trunc((mw * availableReplicas(stableRS)) / r);
  const expected = Math.max(0, mw - stableShare);
  const current = ro.status?.canary?.weights?.canary.weight;
  if (current === undefined) return Math.max(expected, desired);
  if (desired <= 0) return Math.min(expected, current);
  if (stableShare < mw - desired) return current;
  return Math.min(desired, current);
}

/** The stable RS has the pods to carry `weight` (threshold-aware); no stable → false (routers untouched). */
export function stableCanCarry(inp: PlanInput, stableRS: RS | undefined, weight: number): boolean {
  if (stableRS === undefined) return false;
  const needed = Math.trunc((weight * (inp.ro.spec.replicas ?? 1)) / maxTrafficWeightOf(inp.ro));
  return availableReplicas(stableRS) >= needed || replicaProgressThresholdMet(inp.ro.spec.strategy.canary?.replicaProgressThreshold, stableRS, needed);
}

/**
 * The weight sequencing of §2.5: 0 when promoted, aborted (or stepping down dynamically) or when the canary has no
 * available pod; on promoteFull the current weight is kept; at a step, the previous setWeight until the step's pods
 * are in place, then the step's; MW after the last step.
 */
export function desiredTrafficWeight(inp: PlanInput, pause: PauseIntent): DesiredWeight {
  const { ro, newRS } = inp;
  const canaryHash = podHashOf(newRS);
  const rollingBackFrom = previousCanaryWhileRollingBack(inp);
  if (rollingBackFrom !== undefined) return { weight: weightOnAbortOrRollback(inp), canaryHash: rollingBackFrom, reason: 'rollingBackToStable' };
  const st = ro.status ?? {};
  if (st.stableRS === st.currentPodHash) return { weight: 0, canaryHash, reason: 'promoted' };
  if (isAborted(ro, pause)) return { weight: weightOnAbortOrRollback(inp), canaryHash, reason: 'aborted' };
  if (newRS === undefined || availableReplicas(newRS) === 0) return { weight: 0, canaryHash, reason: 'noCanaryPods' };
  if (st.promoteFull === true) {
    const weight = ro.spec.strategy.canary?.dynamicStableScale === true
      ? Math.trunc((maxTrafficWeightOf(ro) * availableReplicas(newRS)) / (ro.spec.replicas ?? 1))
      : st.canary?.weights?.canary.weight ?? 0;
    return { weight, canaryHash, reason: 'promoteFull' };
  }
  const { index } = currentCanaryStep(ro);
  if (index === undefined) return { weight: 0, canaryHash, reason: 'noSteps' };
  if (!atDesiredReplicaCountsForCanary(ro, newRS, inp.stableRS, inp.otherRSs, undefined)) {
    return { weight: previousSetWeight(ro, index), canaryHash, reason: 'previousStep' };
  }
  if (index !== stepsOf(ro).length) return { weight: currentSetWeight(ro), canaryHash, reason: 'currentStep' };
  return { weight: maxTrafficWeightOf(ro), canaryHash, reason: 'afterLastStep' };
}
