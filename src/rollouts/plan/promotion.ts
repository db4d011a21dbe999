// When the new RS becomes stable (rollout/sync.go shouldFullPromote / promoteStable) and rollback detection (§2.6, §2.10).
import type { RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import { EXPERIMENT_NAME_ANNOTATION } from '../../api/rollouts-constants.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, clearingPauses, isAborted, withoutAbort } from './pause-intent.js';
import { availableReplicas, createdMs, podHashOf, revisionOf } from './replica-set-counts.js';
import { replicasOf, stepsOf } from './rollout-defaults.js';
import { currentCanaryStep } from './canary-step.js';
import { replicaProgressThresholdMet } from './canary-availability.js';
import { type RolloutEvent, normal } from './actions.js';

/** The desired template is the stable one, or an RS older than stable (a state check: also true once promoted). */
export function isRollback(inp: PlanInput): boolean {
  const { newRS, stableRS, ro } = inp;
  if (newRS === undefined || stableRS === undefined) return false;
  return ro.status?.stableRS === podHashOf(newRS) || createdMs(newRS) < createdMs(stableRS);
}

/**
 * Moving back to an RS older than stable with fewer than `rollbackWindow.revisions` non-experiment RSs created
 * between them: steps and analysis are skipped.
 */
export function isRollbackWithinWindow(inp: PlanInput): boolean {
  const { newRS, stableRS, ro } = inp;
  if (newRS === undefined || stableRS === undefined) return false;
  const newAt = createdMs(newRS);
  const stableAt = createdMs(stableRS);
  const revisions = ro.spec.rollbackWindow?.revisions ?? 0;
  if (!(newAt < stableAt) || revisions <= 0) return false;
  const between = inp.allRSs.filter((rs) => (rs.metadata.annotations?.[EXPERIMENT_NAME_ANNOTATION] ?? '') === ''
    && createdMs(rs) < stableAt && newAt < createdMs(rs)).length;
  return between < revisions;
}

/** A rollback that may skip steps: to stable, within the window, or (blue-green) to an RS still within its delay. */
export function isFastRollback(inp: PlanInput): boolean {
  if (!isRollback(inp)) return false;
  const withinDelay = inp.newRSWithinDelay && inp.ro.spec.strategy.blueGreen !== undefined;
  return isRollbackWithinWindow(inp) || withinDelay || inp.ro.status?.stableRS === podHashOf(inp.newRS);
}

/** Why the new RS should become stable now, or '' (shouldFullPromote; the order of checks matters). */
export function fullPromotionReason(inp: PlanInput, pause: PauseIntent, newStatus: RolloutStatus): string {
  const { ro, newRS } = inp;
  if (inp.stableRS === undefined) return 'Initial deploy';
  if (ro.spec.strategy.canary !== undefined) {
    if (isAborted(ro, pause) || newRS === undefined) return '';
    const r = replicasOf(ro);
    if (availableReplicas(newRS) < r && !replicaProgressThresholdMet(ro.spec.strategy.canary.replicaProgressThreshold, newRS, r)) return '';
    if (ro.status?.promoteFull === true) return 'Full promotion requested';
    if (isFastRollback(inp)) return isRollbackWithinWindow(inp) ? 'Rollback within window' : 'Fast rollback';
    const stepCount = stepsOf(ro).length;
    const { index } = currentCanaryStep(ro);
    return stepCount === 0 || index === stepCount ? `Completed all ${stepCount} canary steps` : '';
  }
  const active = newStatus.blueGreen?.activeSelector ?? '';
  if (active === '') return 'Initial deploy';
  if (active !== newStatus.currentPodHash) return '';
  if (ro.status?.promoteFull === true) return 'Full promotion requested';
  if (isFastRollback(inp)) return isRollbackWithinWindow(inp) ? 'Rollback within window' : 'Fast rollback';
  if (isAborted(ro, pause)) return '';
  if (ro.spec.strategy.blueGreen?.postPromotionAnalysis !== undefined && inp.runs.postPromotion?.status?.phase !== 'Successful') return '';
  return 'Completed blue-green update';
}

/**
 * Marks the new RS stable (promoteStable): clears pauses and abort, promoteFull and the preview checkpoint, sets the
 * step index to the end, and emits `RolloutCompleted` when the stable hash changes.
 */
export function promoteStable(inp: PlanInput, pause: PauseIntent, status: RolloutStatus, reason: string): { status: RolloutStatus; pause: PauseIntent; events: RolloutEvent[] } {
  const steps = stepsOf(inp.ro).length;
  const { currentStepIndex: _i, promoteFull: _p, ...rest } = status;
  let next: RolloutStatus = {
    ...rest,
    blueGreen: { ...(status.blueGreen ?? {}), scaleUpPreviewCheckPoint: false },
    ...(inp.ro.spec.strategy.canary !== undefined && steps > 0 ? { currentStepIndex: steps } : {}),
    ...(inp.ro.spec.strategy.canary === undefined && status.currentStepIndex !== undefined ? { currentStepIndex: status.currentStepIndex } : {}),
  };
  const events: RolloutEvent[] = [];
  if (status.stableRS !== status.currentPodHash) {
    next = { ...next, stableRS: status.currentPodHash ?? '' };
    const revision = revisionOf(inp.ro);
    events.push(normal('RolloutCompleted', `Rollout completed update to revision ${revision} (${status.currentPodHash ?? ''}): ${reason}`));
  }
  return { status: next, pause: withoutAbort(clearingPauses(pause)), events };
}
