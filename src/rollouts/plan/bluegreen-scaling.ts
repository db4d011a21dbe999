// Blue-green ReplicaSet scaling (rollout/bluegreen.go reconcileBlueGreenReplicaSets): the stable stays at R, the new
// RS goes to R (or previewReplicaCount), old RSs wait out their scale-down deadline; old history is deleted.
import { type Effects, addEffects, noEffects } from './actions.js';
import type { PlanInput } from './plan-input.js';
import type { PauseIntent } from './pause-intent.js';
import { replicasOf } from './rollout-defaults.js';
import { planScale, removeDeadline, shouldDelayScaleDownOnAbort } from './rs-scaling.js';
import { planNewReplicaSetScale } from './new-rs-scaling.js';
import { planOldReplicaSetsBlueGreen } from './old-replica-sets.js';
import { planRevisionHistory } from './revision-history.js';
import { blueGreenNewRSReplicas } from './bluegreen-replicas.js';
import { skipPostPromotion } from './analysis-bluegreen.js';

/** Plans every blue-green scale of this reconcile (blue-green does not stop after the first). */
export function planBlueGreenScaling(inp: PlanInput, pause: PauseIntent): Effects {
  const effects = noEffects();
  const { newRS, stableRS } = inp;
  const delayOnAbort = shouldDelayScaleDownOnAbort(inp, pause);
  if (!delayOnAbort) effects.actions.push(...removeDeadline(newRS));
  if (stableRS !== undefined && stableRS.metadata.name !== newRS?.metadata.name) effects.actions.push(...removeDeadline(stableRS));
  if (stableRS !== undefined) addEffects(effects, planScale(inp, pause, stableRS, replicasOf(inp.ro)));
  // Once promoted the new RS is the stable, already held at R above.
  if (newRS !== undefined && stableRS?.metadata.name !== newRS.metadata.name) {
    addEffects(effects, planNewReplicaSetScale(inp, pause, blueGreenNewRSReplicas(inp.ro, inp.allRSs, newRS), delayOnAbort));
  }
  addEffects(effects, planOldReplicaSetsBlueGreen(inp, pause, skipPostPromotion(inp)).effects);
  effects.actions.push(...planRevisionHistory(inp, inp.otherRSs));
  return effects;
}
