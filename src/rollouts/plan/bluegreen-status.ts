// A blue-green status before the final pass (rollout/bluegreen.go syncRolloutStatusBlueGreen): selectors read back
// from the Services, promotion, the preview checkpoint, and HPA counts/selector from the active RS.
import type { RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import { formatSelector } from '../../api/label-selector.js';
import type { RolloutAction, RolloutEvent } from './actions.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, clearingPauses, withoutAbort } from './pause-intent.js';
import { actualReplicas, availableReplicas, readyReplicas, sumActual, sumAvailable } from './replica-set-counts.js';
import { rsByHash, selectorAfter } from './service-selectors.js';
import { fullPromotionReason, isRollbackWithinWindow, promoteStable } from './promotion.js';
import { baseStatus, resetForNewUpdate, rolloutSelectorString } from './rollout-status.js';
import { scaleUpPreviewCheckPoint } from './bluegreen-pause.js';
import { podTemplateChanged } from './canary-status.js';
import type { AnalysisPlan } from './plan-analysis.js';

/** Inputs from the earlier phases of a blue-green reconcile. */
export interface BlueGreenPhases {
  actions: readonly RolloutAction[];
  analysis: AnalysisPlan['statuses'];
  prePhase: string | undefined;
  restartedAt?: string | undefined;
}

/** The blue-green status of this reconcile plus the pause intent and events it implies. */
export function computeBlueGreenStatus(inp: PlanInput, pause0: PauseIntent, p: BlueGreenPhases): { status: RolloutStatus; pause: PauseIntent; events: RolloutEvent[] } {
  const { ro } = inp;
  const bg = ro.spec.strategy.blueGreen;
  let pause = pause0;
  let s: RolloutStatus = { ...baseStatus(inp), ...(p.restartedAt !== undefined ? { restartedAt: p.restartedAt } : {}), ...(ro.status?.stableRS !== undefined ? { stableRS: ro.status.stableRS } : {}) };
  s = { ...s, blueGreen: analysisFields(p.analysis) };
  if (podTemplateChanged(inp)) {
    const reset = resetForNewUpdate(inp, s, pause);
    s = reset.status;
    pause = reset.pause;
  }
  if (ro.status?.promoteFull === true || isRollbackWithinWindow(inp)) pause = withoutAbort(clearingPauses(pause));
  const previewSelector = selectorAfter(inp, bg?.previewService, p.actions);
  const activeSelector = selectorAfter(inp, bg?.activeService, p.actions);
  s = { ...s, blueGreen: { ...(s.blueGreen ?? {}), ...(previewSelector !== '' ? { previewSelector } : {}), ...(activeSelector !== '' ? { activeSelector } : {}) } };
  const events: RolloutEvent[] = [];
  const reason = fullPromotionReason(inp, pause, s);
  if (reason !== '') {
    const promoted = promoteStable(inp, pause, s, reason);
    s = promoted.status;
    pause = promoted.pause;
    events.push(...promoted.events);
  } else if (scaleUpPreviewCheckPoint(inp, pause, p.prePhase)) {
    s = { ...s, blueGreen: { ...(s.blueGreen ?? {}), scaleUpPreviewCheckPoint: true } };
  }
  return { status: { ...s, ...activeCounts(inp, activeSelector) }, pause, events };
}

function analysisFields(a: AnalysisPlan['statuses']): NonNullable<RolloutStatus['blueGreen']> {
  return {
    ...(a.pre !== undefined ? { prePromotionAnalysisRunStatus: a.pre } : {}),
    ...(a.post !== undefined ? { postPromotionAnalysisRunStatus: a.post } : {}),
  };
}

// HPA (scale subresource) and availability follow the active RS; without one, all RSs and the Rollout's selector.
function activeCounts(inp: PlanInput, activeSelector: string): Partial<RolloutStatus> {
  const activeRS = rsByHash(inp.allRSs, activeSelector);
  if (activeRS === undefined) {
    return { HPAReplicas: sumActual(inp.allRSs), selector: rolloutSelectorString(inp), availableReplicas: sumAvailable(inp.allRSs) };
  }
  return {
    HPAReplicas: actualReplicas(activeRS), selector: formatSelector(activeRS.spec.selector),
    availableReplicas: availableReplicas(activeRS), readyReplicas: readyReplicas(activeRS),
  };
}
