// Blue-green pausing before promotion (rollout/bluegreen.go reconcileBlueGreenPause, pause.go CompletedBlueGreenPause,
// calculateScaleUpPreviewCheckPoint; argo-rollouts.md §2.8 steps 3–4).
import { parseTime } from '../../lib/clock.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, addsPause, haltReason, pauseConditionOf, withPause, withoutPause } from './pause-intent.js';
import { autoPromotionEnabledOf } from './rollout-defaults.js';
import { availableReplicas, podHashOf } from './replica-set-counts.js';
import { isReadyForPause } from './bluegreen-replicas.js';
import { isFastRollback } from './promotion.js';
import { selectorHashOf } from './service-selectors.js';

/** Pre-promotion analysis is absent or its current run is Successful. */
export function prePromotionDone(inp: PlanInput, runPhase: string | undefined): boolean {
  return inp.ro.spec.strategy.blueGreen?.prePromotionAnalysis === undefined || runPhase === 'Successful';
}

/**
 * The automated pause is over: resumed by a user, past the preview checkpoint, auto-promotion without delay, or
 * autoPromotionSeconds elapsed since the pause started (the instant of expiry counts).
 */
export function isBlueGreenPauseCompleted(inp: PlanInput, pause: PauseIntent): boolean {
  const { ro } = inp;
  const cond = pauseConditionOf(ro, 'BlueGreenPause');
  if (addsPause(pause)) return false;
  if (ro.status?.blueGreen?.scaleUpPreviewCheckPoint === true) return true;
  if (autoPromotionEnabledOf(ro)) {
    const seconds = ro.spec.strategy.blueGreen?.autoPromotionSeconds ?? 0;
    if (seconds === 0) return true;
    return cond !== undefined && inp.nowMs >= parseTime(cond.startTime) + seconds * 1000;
  }
  return ro.status?.controllerPause === true && cond === undefined;
}

/** The controller manages a pause: auto-promotion disabled, or an auto-promotion delay. */
function needsControllerPause(inp: PlanInput): boolean {
  return !autoPromotionEnabledOf(inp.ro) || (inp.ro.spec.strategy.blueGreen?.autoPromotionSeconds ?? 0) > 0;
}

/** Fast-tracked updates skip the pause: fast rollback, promoteFull, or an active Service not yet/already on the new hash. */
export function isFastTracked(inp: PlanInput): boolean {
  if (isFastRollback(inp) || inp.ro.status?.promoteFull === true) return true;
  const active = inp.snap.services[inp.ro.spec.strategy.blueGreen?.activeService ?? ''];
  const hash = selectorHashOf(active);
  return hash === '' || hash === podHashOf(inp.newRS);
}

/**
 * Adds `BlueGreenPause` once the preview is ready (and pre-promotion analysis succeeded) when the controller manages
 * the pause; removes it when done; wakes up when autoPromotionSeconds expires.
 */
export function planBlueGreenPause(inp: PlanInput, pause: PauseIntent, prePhase: string | undefined): { pause: PauseIntent; wakeAtMs: number[] } {
  const { ro } = inp;
  const none = { pause, wakeAtMs: [] };
  if (ro.status?.abort === true || !isReadyForPause(ro, inp.allRSs, inp.newRS) || haltReason(ro) !== '') return none;
  const remove = { pause: withoutPause(pause, 'BlueGreenPause'), wakeAtMs: [] };
  if (isFastTracked(inp) || ro.status?.blueGreen?.scaleUpPreviewCheckPoint === true || !needsControllerPause(inp)) return remove;
  if (!prePromotionDone(inp, prePhase)) return none;
  const cond = pauseConditionOf(ro, 'BlueGreenPause');
  if (cond === undefined) return ro.status?.controllerPause === true ? none : { pause: withPause(pause, 'BlueGreenPause'), wakeAtMs: [] };
  if (isBlueGreenPauseCompleted(inp, pause)) return remove;
  const seconds = ro.spec.strategy.blueGreen?.autoPromotionSeconds ?? 0;
  const at = parseTime(cond.startTime) + seconds * 1000;
  return { pause, wakeAtMs: seconds > 0 && at > inp.nowMs ? [at] : [] };
}

/**
 * The one-way `scaleUpPreviewCheckPoint` latch for previewReplicaCount: set once pre-promotion analysis and the
 * pause are done and exactly previewReplicaCount pods are available; kept until promotion or a new template.
 */
export function scaleUpPreviewCheckPoint(inp: PlanInput, pause: PauseIntent, prePhase: string | undefined): boolean {
  const preview = inp.ro.spec.strategy.blueGreen?.previewReplicaCount;
  if (preview === undefined) return false;
  if (inp.ro.status?.blueGreen?.scaleUpPreviewCheckPoint === true) return true;
  if (!prePromotionDone(inp, prePhase) || !isBlueGreenPauseCompleted(inp, pause)) return false;
  return availableReplicas(inp.newRS) === preview;
}
