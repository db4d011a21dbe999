// Blue-green pre- and post-promotion AnalysisRuns (rollout/analysis.go reconcilePre/PostPromotionAnalysisRun).
import type { RolloutAnalysis } from '../../api/rollouts-v1alpha1.js';
import { ROLLOUT_TYPE } from '../../api/rollouts-constants.js';
import { noEffects } from './actions.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, pauseConditionOf } from './pause-intent.js';
import { availableReplicas, podHashOf, specReplicas } from './replica-set-counts.js';
import { isSaturated } from './bluegreen-replicas.js';
import { needsNewAnalysisRun, reactToOutcome, startRun, terminateRuns } from './analysis-common.js';
import type { RunDecision } from './analysis-canary.js';

/**
 * Pre-promotion analysis is not (yet) run: already promoted, first deploy (no active selector), the new RS already
 * active, or — before it started — the preview not yet at its full (or previewReplicaCount) size.
 */
export function skipPrePromotion(inp: PlanInput): boolean {
  const hash = podHashOf(inp.newRS);
  const active = inp.ro.status?.blueGreen?.activeSelector ?? '';
  if (inp.ro.status?.stableRS === hash || active === '' || active === hash || hash === '') return true;
  if (inp.runs.prePromotion !== undefined) return false;
  const preview = inp.ro.spec.strategy.blueGreen?.previewReplicaCount;
  if (preview !== undefined) return specReplicas(inp.newRS) !== preview || availableReplicas(inp.newRS) !== preview;
  return !isSaturated(inp.ro, inp.newRS);
}

/** Post-promotion analysis is not (yet) run: promoted, active not switched yet, or not saturated before it started. */
export function skipPostPromotion(inp: PlanInput): boolean {
  const hash = podHashOf(inp.newRS);
  const active = inp.ro.status?.blueGreen?.activeSelector ?? '';
  if (inp.ro.status?.stableRS === hash || active !== hash || hash === '') return true;
  return inp.runs.postPromotion === undefined && !isSaturated(inp.ro, inp.newRS);
}

/** Pre-promotion run; Inconclusive pauses, Failed/Error aborts ("Blue/green pre-promotion analysis phase error/failed"). */
export function planPrePromotionRun(inp: PlanInput, pause: PauseIntent): RunDecision {
  const analysis = inp.ro.spec.strategy.blueGreen?.prePromotionAnalysis;
  return planPromotionRun(inp, pause, 'pre', analysis, skipPrePromotion(inp));
}

/** Post-promotion run; Failed/Error aborts, which switches the active Service back to the stable. */
export function planPostPromotionRun(inp: PlanInput, pause: PauseIntent): RunDecision {
  const analysis = inp.ro.spec.strategy.blueGreen?.postPromotionAnalysis;
  return planPromotionRun(inp, pause, 'post', analysis, skipPostPromotion(inp));
}

function planPromotionRun(inp: PlanInput, pause: PauseIntent, which: 'pre' | 'post', analysis: Readonly<RolloutAnalysis> | undefined, skip: boolean): RunDecision {
  const current = which === 'pre' ? inp.runs.prePromotion : inp.runs.postPromotion;
  const effects = noEffects();
  const prefix = `Blue/green ${which}-promotion analysis phase error/failed`;
  if (analysis === undefined || (analysis.templates ?? []).length === 0) {
    effects.actions.push(...terminateRuns([current]));
    return { run: undefined, effects, pause };
  }
  if (skip) {
    effects.actions.push(...terminateRuns([current]));
    return { run: current, effects, pause: reactToOutcome(pause, current, prefix) };
  }
  if (pauseConditionOf(inp.ro, 'InconclusiveAnalysisRun') !== undefined) return { run: current, effects, pause: reactToOutcome(pause, current, prefix) };
  if (needsNewAnalysisRun(current, inp)) {
    const type = which === 'pre' ? ROLLOUT_TYPE.prePromotion : ROLLOUT_TYPE.postPromotion;
    const started = startRun(inp, analysis, { type, infix: which });
    return { run: started.run, effects: started.effects, pause: reactToOutcome(pause, started.run, prefix) };
  }
  return { run: current, effects, pause: reactToOutcome(pause, current, prefix) };
}
