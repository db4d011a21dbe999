// Canary step progression (rollout/canary.go reconcileCanaryPause / completedCurrentCanaryStep; argo-rollouts.md §1.5).
import type { TrafficWeights } from '../../api/rollouts-v1alpha1.js';
import { parseTime } from '../../lib/clock.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, pauseConditionOf, withPause } from './pause-intent.js';
import { stepsOf } from './rollout-defaults.js';
import { currentCanaryStep, stepPauseSeconds } from './canary-step.js';
import { atDesiredReplicaCountsForCanary } from './canary-availability.js';
import type { CurrentRunSet } from './plan-analysis.js';

/**
 * At a pause step: adds `CanaryPauseStep` (start time now) unless the controller already paused and the user
 * resumed; with a duration, wakes up exactly when it expires. Example: pause 60 s started 12:00:00 → wake 12:01:00.
 */
export function planCanaryPause(inp: PlanInput, pause: PauseIntent): { pause: PauseIntent; wakeAtMs: number[] } {
  const { ro } = inp;
  const none = { pause, wakeAtMs: [] };
  if (ro.spec.paused === true || ro.status?.promoteFull === true || stepsOf(ro).length === 0) return none;
  const { step } = currentCanaryStep(ro);
  if (step?.pause === undefined) return none;
  const cond = pauseConditionOf(ro, 'CanaryPauseStep');
  if (cond === undefined) {
    if (ro.status?.controllerPause === true) return none;
    // The condition starts now (whole seconds, as written); with a duration, wake exactly at its expiry.
    const expiry = Math.floor(inp.nowMs / 1000) * 1000 + stepPauseSeconds(step) * 1000;
    return { pause: withPause(pause, 'CanaryPauseStep'), wakeAtMs: step.pause.duration === undefined ? [] : [expiry] };
  }
  if (step.pause.duration === undefined) return none;
  const expiry = parseTime(cond.startTime) + stepPauseSeconds(step) * 1000;
  return { pause, wakeAtMs: expiry > inp.nowMs ? [expiry] : [] };
}

/**
 * The pause step is done: the user resumed (controllerPause set, condition gone), or the duration has elapsed.
 * Sluice counts the expiry instant itself as elapsed (Argo: strictly after), so the wake-up at expiry advances.
 */
export function isPauseStepCompleted(inp: PlanInput): boolean {
  const { ro } = inp;
  const { step } = currentCanaryStep(ro);
  const cond = pauseConditionOf(ro, 'CanaryPauseStep');
  if (ro.status?.controllerPause === true && cond === undefined) return true;
  if (step?.pause?.duration === undefined || cond === undefined) return false;
  return inp.nowMs >= parseTime(cond.startTime) + stepPauseSeconds(step) * 1000;
}

/**
 * Whether the current step is complete (completedCurrentCanaryStep): pause per above; setWeight/setCanaryScale when
 * the RSs are at the step's counts (and, for setWeight, the weight is not reported unverified); analysis when its run
 * is Successful; header/mirror routes at once. Never while spec.paused.
 */
export function isCurrentStepCompleted(inp: PlanInput, weights: TrafficWeights | undefined, runs: CurrentRunSet): boolean {
  const { ro } = inp;
  if (ro.spec.paused === true) return false;
  const { step } = currentCanaryStep(ro);
  if (step === undefined) return false;
  const atCounts = (): boolean => atDesiredReplicaCountsForCanary(ro, inp.newRS, inp.stableRS, inp.otherRSs, weights);
  if (step.pause !== undefined) return isPauseStepCompleted(inp);
  if (step.setCanaryScale !== undefined) return atCounts();
  if (step.setWeight !== undefined) return atCounts() && weights?.verified !== false;
  if (step.analysis !== undefined) return runs.step?.status?.phase === 'Successful';
  return step.setHeaderRoute !== undefined || step.setMirrorRoute !== undefined;
}
