// The canary's scaling phase (rollout/canary.go reconcileCanaryReplicaSets): stable first, then the new RS, then
// the others; the first that changes size ends the phase for this reconcile.
import type { TrafficWeights } from '../../api/rollouts-v1alpha1.js';
import { type Effects, addEffects, noEffects } from './actions.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, haltReason } from './pause-intent.js';
import { stableDiffersFromNew } from './basic-canary-replicas.js';
import { desiredCanaryCounts } from './canary-availability.js';
import { type ScaleResult, NOT_SCALED, planScale, removeDeadline, shouldDelayScaleDownOnAbort } from './rs-scaling.js';
import { planNewReplicaSetScale } from './new-rs-scaling.js';
import { planOldReplicaSetsCanary } from './old-replica-sets.js';

/**
 * Plans the canary scaling phase. `weights` is this reconcile's new status.canary.weights (the new RS is sized
 * with them; the stable with the previous ones, so it shrinks one reconcile after traffic moved).
 */
export function planCanaryScaling(inp: PlanInput, pause: PauseIntent, weights: TrafficWeights | undefined): { effects: Effects; scaled: boolean } {
  const effects = noEffects();
  if (haltReason(inp.ro) !== '') return { effects, scaled: false };
  const delayOnAbort = shouldDelayScaleDownOnAbort(inp, pause);
  if (!delayOnAbort) effects.actions.push(...removeDeadline(inp.newRS));
  if (inp.stableRS !== undefined && inp.stableRS.metadata.name !== inp.newRS?.metadata.name) effects.actions.push(...removeDeadline(inp.stableRS));
  const stable = planStable(inp, pause);
  addEffects(effects, stable);
  if (stable.scaled) return { effects, scaled: true };
  const count = inp.newRS === undefined ? 0 : desiredCanaryCounts(inp.ro, inp.newRS, inp.stableRS, inp.otherRSs, weights).canary;
  const fresh = planNewReplicaSetScale(inp, pause, count, delayOnAbort);
  addEffects(effects, fresh);
  if (fresh.scaled) return { effects, scaled: true };
  const old = planOldReplicaSetsCanary(inp, pause);
  addEffects(effects, old.effects);
  return { effects, scaled: old.scaled };
}

function planStable(inp: PlanInput, pause: PauseIntent): ScaleResult {
  const { stableRS, newRS, ro } = inp;
  if (!stableDiffersFromNew(newRS, stableRS)) return NOT_SCALED;
  const want = desiredCanaryCounts(ro, newRS, stableRS, inp.otherRSs, ro.status?.canary?.weights);
  return planScale(inp, pause, stableRS, want.stable);
}
