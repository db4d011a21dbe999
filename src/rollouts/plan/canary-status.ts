// A canary's status before the final pass (rollout/canary.go syncRolloutStatusCanary): promotion, abort, step
// advance, and the template-change / rollback-to-stable resets.
import type { RolloutStatus, TrafficWeights } from '../../api/rollouts-v1alpha1.js';
import { type RolloutEvent, normal } from './actions.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, clearingPauses, isAborted, withoutAbort, withoutPause } from './pause-intent.js';
import { isActive, podHashOf, sumActual, sumAvailable } from './replica-set-counts.js';
import { stepsOf } from './rollout-defaults.js';
import { canaryStepString, currentCanaryStep } from './canary-step.js';
import { computeStepHash } from './step-hash.js';
import { isCurrentStepCompleted } from './canary-progress.js';
import { fullPromotionReason, isRollbackWithinWindow, promoteStable } from './promotion.js';
import { baseStatus, resetForNewUpdate, rolloutSelectorString } from './rollout-status.js';
import type { AnalysisPlan, CurrentRunSet } from './plan-analysis.js';
import { currentPodHashOf } from './pod-template-hash.js';

/** The pod template or the steps changed since the last status (PodTemplateOrStepsChanged). */
export function templateOrStepsChanged(inp: PlanInput): boolean {
  const st = inp.ro.status ?? {};
  if ((st.currentStepHash ?? '') === '' || st.currentStepHash !== computeStepHash(inp.ro)) return true;
  return podTemplateChanged(inp);
}

/** The new RS differs from status.currentPodHash (CheckPodSpecChange); never on the very first reconcile. */
export function podTemplateChanged(inp: PlanInput): boolean {
  const prev = inp.ro.status?.currentPodHash ?? '';
  if (prev === '') return false;
  return prev !== (inp.newRS !== undefined ? podHashOf(inp.newRS) : currentPodHashOf(inp.ro));
}

/** Inputs from the earlier phases of a canary reconcile. */
export interface CanaryPhases {
  weights: TrafficWeights | undefined;
  analysis: AnalysisPlan['statuses'];
  runs: CurrentRunSet;
  restartedAt?: string | undefined;
}

/** The canary status of this reconcile plus the pause intent and events it implies. */
export function computeCanaryStatus(inp: PlanInput, pause0: PauseIntent, phases: CanaryPhases): { status: RolloutStatus; pause: PauseIntent; events: RolloutEvent[] } {
  const { ro } = inp;
  const events: RolloutEvent[] = [];
  let pause = pause0;
  let s = canaryFields(inp, phases);
  const stepCount = stepsOf(ro).length;
  if (templateOrStepsChanged(inp)) {
    const reset = resetForNewUpdate(inp, s, pause);
    let status = reset.status;
    if (inp.newRS !== undefined && stepCount > 0) {
      if (ro.status?.stableRS === podHashOf(inp.newRS)) {
        events.push(normal('SkipSteps', 'Rollback to stable ReplicaSets'));
        status = { ...status, currentStepIndex: stepCount };
      } else if (isRollbackWithinWindow(inp) && isActive(inp.newRS)) {
        events.push(normal('SkipSteps', 'Rollback to active ReplicaSets within RollbackWindow'));
        status = { ...status, currentStepIndex: stepCount };
      }
    }
    return { status, pause: reset.pause, events };
  }
  let { index } = currentCanaryStep(ro);
  if (ro.status?.promoteFull === true || isRollbackWithinWindow(inp)) {
    pause = withoutAbort(clearingPauses(pause));
    if (stepCount > 0) index = stepCount;
  }
  const reason = fullPromotionReason(inp, pause, s);
  if (reason !== '') {
    const promoted = promoteStable(inp, pause, s, reason);
    return { status: promoted.status, pause: promoted.pause, events: [...events, ...promoted.events] };
  }
  if (isAborted(ro, pause)) {
    const st = stepCount > 0 ? { currentStepIndex: s.stableRS === s.currentPodHash ? stepCount : 0 } : {};
    return { status: { ...s, ...st }, pause, events };
  }
  const { step } = currentCanaryStep(ro);
  if (step !== undefined && index !== undefined && isCurrentStepCompleted(inp, phases.weights, phases.runs)) {
    index++;
    s = { ...s, canary: withoutStepRun(s.canary) };
    events.push(normal('RolloutStepCompleted', `Rollout step ${index}/${stepCount} completed (${canaryStepString(step)})`));
    pause = withoutPause(pause, 'CanaryPauseStep');
  }
  return { status: { ...s, ...(index !== undefined ? { currentStepIndex: index } : {}) }, pause, events };
}

function withoutStepRun(c: RolloutStatus['canary']): NonNullable<RolloutStatus['canary']> {
  const { currentStepAnalysisRunStatus: _s, ...rest } = c ?? {};
  return rest;
}

function canaryFields(inp: PlanInput, p: CanaryPhases): RolloutStatus {
  const base = baseStatus(inp);
  const prev = inp.ro.status ?? {};
  const canary: NonNullable<RolloutStatus['canary']> = {
    ...(p.analysis.step !== undefined ? { currentStepAnalysisRunStatus: p.analysis.step } : {}),
    ...(p.analysis.background !== undefined ? { currentBackgroundAnalysisRunStatus: p.analysis.background } : {}),
    ...(p.weights !== undefined ? { weights: p.weights } : {}),
    ...(prev.canary?.stablePingPong !== undefined ? { stablePingPong: prev.canary.stablePingPong } : {}),
    ...(prev.canary?.stepPluginStatuses !== undefined ? { stepPluginStatuses: prev.canary.stepPluginStatuses } : {}),
  };
  const restart = p.restartedAt !== undefined ? { restartedAt: p.restartedAt } : {};
  return {
    ...base, ...restart, canary,
    availableReplicas: sumAvailable(inp.allRSs), HPAReplicas: sumActual(inp.allRSs), selector: rolloutSelectorString(inp),
    ...(prev.stableRS !== undefined ? { stableRS: prev.stableRS } : {}),
    currentStepHash: computeStepHash(inp.ro),
  };
}
