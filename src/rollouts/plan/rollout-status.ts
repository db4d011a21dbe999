// The status fields common to both strategies, and the final pass before writing it
// (rollout/sync.go calculateBaseStatus / persistRolloutStatus / resetRolloutStatus).
import type { RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import { formatSelector } from '../../api/label-selector.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, applyPauseIntent, clearingPauses, withAbort, withoutAbort } from './pause-intent.js';
import { podHashOf, sumActual, sumReady } from './replica-set-counts.js';
import { currentPodHashOf } from './pod-template-hash.js';
import { withoutCondition } from './conditions.js';
import { computeConditions } from './rollout-conditions.js';
import { computeRolloutPhase } from './rollout-phase.js';
import { progressDeadlineAbortMessage, stuckRolloutWakeMs } from './progress-deadline.js';
import { type Effects, noEffects, warning } from './actions.js';
import { stepsOf } from './rollout-defaults.js';

/**
 * Fields every status starts from: current hash, replica counts over all RSs, collisionCount, conditions
 * (InvalidSpec dropped: the spec is valid here), promoteFull carried, restartedAt and the untouched extras.
 */
export function baseStatus(inp: PlanInput): RolloutStatus {
  const prev = inp.ro.status ?? {};
  const currentPodHash = inp.newRS !== undefined ? podHashOf(inp.newRS) : currentPodHashOf(inp.ro);
  const withoutInvalid = withoutCondition({ conditions: prev.conditions ?? [] }, 'InvalidSpec');
  return {
    ...(prev.restartedAt !== undefined ? { restartedAt: prev.restartedAt } : {}),
    ...(prev.alb !== undefined ? { alb: prev.alb } : {}),
    ...(prev.albs !== undefined ? { albs: prev.albs } : {}),
    ...(prev.duration !== undefined ? { duration: prev.duration } : {}),
    ...(prev.workloadObservedGeneration !== undefined ? { workloadObservedGeneration: prev.workloadObservedGeneration } : {}),
    canary: {}, blueGreen: {},
    currentPodHash,
    replicas: sumActual(inp.allRSs),
    updatedReplicas: sumActual([inp.newRS]),
    readyReplicas: sumReady(inp.allRSs),
    ...(prev.collisionCount !== undefined ? { collisionCount: prev.collisionCount } : {}),
    ...(withoutInvalid.conditions !== undefined ? { conditions: withoutInvalid.conditions } : {}),
    ...(prev.promoteFull === true && currentPodHash !== '' ? { promoteFull: true } : {}),
  };
}

/** The selector string of the Rollout (`app=demo`). */
export function rolloutSelectorString(inp: PlanInput): string {
  return formatSelector(inp.ro.spec.selector ?? {});
}

/**
 * A new update starts (resetRolloutStatus): pauses and abort cleared, restartedAt = spec.restartAt, promoteFull
 * off, analysis statuses and the preview checkpoint dropped, step index back to 0 (absent without steps).
 */
export function resetForNewUpdate(inp: PlanInput, s: RolloutStatus, pause: PauseIntent): { status: RolloutStatus; pause: PauseIntent } {
  const { promoteFull: _p, currentStepIndex: _i, restartedAt: _r, ...rest } = s;
  const canary = { ...(s.canary ?? {}) };
  delete canary.currentStepAnalysisRunStatus;
  delete canary.currentBackgroundAnalysisRunStatus;
  delete canary.stepPluginStatuses;
  const restartAt = inp.ro.spec.restartAt;
  const status: RolloutStatus = {
    ...rest, canary, blueGreen: {},
    ...(restartAt !== undefined ? { restartedAt: restartAt } : {}),
    ...(inp.ro.spec.strategy.canary !== undefined && stepsOf(inp.ro).length > 0 ? { currentStepIndex: 0 } : {}),
  };
  return { status, pause: withoutAbort(clearingPauses(pause)) };
}

/**
 * The last steps before writing (persistRolloutStatus): observedGeneration, a progress-deadline abort, pause/abort
 * fields, conditions, phase and message; plus the pause/resume events and the stuck-rollout wake-up.
 */
export function finalizeStatus(inp: PlanInput, pause0: PauseIntent, s0: RolloutStatus): { status: RolloutStatus; effects: Effects } {
  const effects = noEffects();
  let pause = pause0;
  let s: RolloutStatus = { ...s0, observedGeneration: String(inp.ro.metadata.generation ?? 0) };
  const deadlineAbort = progressDeadlineAbortMessage(inp, pause, s);
  if (deadlineAbort !== undefined) {
    pause = withAbort(pause, deadlineAbort);
    effects.events.push(warning('RolloutAborted', deadlineAbort));
  }
  s = applyPauseIntent(inp.ro, pause, s, inp.nowMs);
  const withConds = computeConditions(inp, pause, s);
  s = withConds.status;
  effects.events.push(...withConds.events, ...pauseEvents(inp, s));
  const { phase, message } = computeRolloutPhase(inp.ro.spec, s);
  s = { ...s, phase, message };
  const stuck = stuckRolloutWakeMs(inp, s);
  if (stuck !== undefined) effects.wakeAtMs.push(stuck);
  return { status: s, effects };
}

function pauseEvents(inp: PlanInput, s: RolloutStatus): Effects['events'] {
  const before = (inp.ro.status?.pauseConditions ?? []).length > 0;
  const first = s.pauseConditions?.[0];
  if (!before && first !== undefined) return [{ type: 'Normal', reason: 'RolloutPaused', message: `Rollout is paused (${first.reason})` }];
  if (before && first === undefined && s.abortedAt === undefined) return [{ type: 'Normal', reason: 'RolloutResumed', message: 'Rollout is resumed' }];
  return [];
}
