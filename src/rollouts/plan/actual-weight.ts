// SetWeight and ActualWeight as `kubectl argo rollouts get rollout` shows them (pkg/kubectl-argo-rollouts/info).
import type { RO } from './rollout-defaults.js';
import { maxTrafficWeightOf } from './rollout-defaults.js';
import { type RS, availableReplicas, podHashOf } from './replica-set-counts.js';
import { currentCanaryStep, currentSetWeight } from './canary-step.js';

/** The canary weights the CLI prints: SetWeight (desired) and ActualWeight (what pods or the router carry). */
export interface CanaryWeights { setWeight: number; actualWeight: number }

/**
 * For a canary: SetWeight = the current setWeight; ActualWeight = MW past the last step, else the canary RS's
 * share of available pods (basic canary: R=4, canary 1 of 4 available → 25) or the weight last set on the router
 * (falling back to SetWeight). 0 while nothing is available. Undefined for blue-green.
 */
export function computeCanaryWeights(ro: RO, replicaSets: readonly RS[]): CanaryWeights | undefined {
  const canary = ro.spec.strategy.canary;
  if (canary === undefined) return undefined;
  const setWeight = currentSetWeight(ro);
  const mw = maxTrafficWeightOf(ro);
  if (currentCanaryStep(ro).step === undefined) return { setWeight, actualWeight: mw };
  const available = ro.status?.availableReplicas ?? 0;
  if (available <= 0) return { setWeight, actualWeight: 0 };
  if (canary.trafficRouting !== undefined) return { setWeight, actualWeight: ro.status?.canary?.weights?.canary.weight ?? setWeight };
  const st = ro.status ?? {};
  const canaryRS = st.currentPodHash !== st.stableRS ? replicaSets.find((rs) => podHashOf(rs) === st.currentPodHash) : undefined;
  return { setWeight, actualWeight: canaryRS === undefined ? 0 : Math.trunc((availableReplicas(canaryRS) * mw) / available) };
}
