// progressDeadlineSeconds (argo-rollouts.md §2.11): when it is not counted, when it aborts, when to look again.
import type { RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, isAborted } from './pause-intent.js';
import { type RO } from './rollout-defaults.js';
import { currentCanaryStep } from './canary-step.js';
import { MESSAGE, REASON, conditionOf, isCompleted, isHealthy, isProgressing, isTimedOut, progressDeadlineMs } from './conditions.js';
import { hasScaleDownDeadline } from './replica-set-counts.js';

/** At an experiment, analysis or pause step, or paused (Paused condition True): time does not count. */
export function isIndefiniteStep(ro: RO): boolean {
  const { step } = currentCanaryStep(ro);
  if (step !== undefined && (step.experiment !== undefined || step.analysis !== undefined || step.pause !== undefined)) return true;
  return conditionOf(ro.status, 'Paused')?.status === 'True';
}

/** Some old RS still waits on its scale-down deadline: time does not count either. */
export function isWaitingForScaleDown(inp: PlanInput): boolean {
  return inp.otherRSs.some(hasScaleDownDeadline);
}

/**
 * The abort message when `progressDeadlineAbort` should abort an in-flight update now: the deadline passed without
 * progress in this reconcile, outside indefinite steps and scale-down waits, and the update is not complete.
 */
export function progressDeadlineAbortMessage(inp: PlanInput, pause: PauseIntent, newStatus: RolloutStatus): string | undefined {
  const { ro } = inp;
  if (ro.spec.progressDeadlineAbort !== true || isAborted(ro, pause) || isCompleted(newStatus)) return undefined;
  if (isProgressing(ro, newStatus) || isIndefiniteStep(ro) || isWaitingForScaleDown(inp)) return undefined;
  if (!isTimedOut(ro, ro.status ?? {}, inp.nowMs)) return undefined;
  return inp.newRS !== undefined ? MESSAGE.rsTimedOut(inp.newRS.metadata.name ?? '') : MESSAGE.rolloutTimedOut(ro.metadata.name ?? '');
}

/**
 * When to look again for a stuck rollout (requeueStuckRollout): at Progressing.lastUpdateTime +
 * progressDeadlineSeconds, unless healthy, already timed out, paused, aborted or at an indefinite step.
 */
export function stuckRolloutWakeMs(inp: PlanInput, newStatus: RolloutStatus): number | undefined {
  const { ro } = inp;
  const cond = conditionOf(ro.status, 'Progressing');
  if (cond === undefined) return undefined;
  const paused = (ro.status?.pauseConditions ?? []).length > 0 || ro.spec.paused === true;
  if (isHealthy(ro, newStatus) || cond.reason === REASON.timedOut || paused || ro.status?.abort === true || isIndefiniteStep(ro)) return undefined;
  const at = progressDeadlineMs(ro, ro.status ?? {});
  return Number.isNaN(at) ? undefined : Math.max(at, inp.nowMs);
}
