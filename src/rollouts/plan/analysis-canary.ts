// A canary's step and background AnalysisRuns (rollout/analysis.go reconcileStepBasedAnalysisRun /
// reconcileBackgroundAnalysisRun).
import type { AnalysisRun, Rollout, RolloutAnalysisBackground } from '../../api/rollouts-v1alpha1.js';
import { ROLLOUT_TYPE, STEP_INDEX_LABEL } from '../../api/rollouts-constants.js';
import { type Effects, noEffects } from './actions.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, pauseConditionOf } from './pause-intent.js';
import { beforeStartingStep, currentCanaryStep } from './canary-step.js';
import { needsNewAnalysisRun, reactToOutcome, startRun, terminateRuns } from './analysis-common.js';

type Run = Readonly<AnalysisRun>;

/** The current run of a role after this reconcile, with effects and the pause/abort it caused. */
export interface RunDecision { run: Run | undefined; effects: Effects; pause: PauseIntent }

/**
 * The run of an analysis step: started when the step is reached (not while paused or aborted), terminated when
 * the rollout moves on; Inconclusive pauses, Failed/Error aborts with "Step-based analysis phase error/failed".
 */
export function planStepRun(inp: PlanInput, pause: PauseIntent): RunDecision {
  const { ro } = inp;
  const current = inp.runs.step;
  const effects = noEffects();
  if ((ro.status?.pauseConditions ?? []).length > 0 || ro.status?.abort === true) return { run: current, effects, pause };
  const { step, index } = currentCanaryStep(ro);
  const analysis = step?.analysis;
  const fromPreviousStep = analysis !== undefined && current !== undefined && current.metadata.labels?.[STEP_INDEX_LABEL] !== String(index);
  if (analysis === undefined || (analysis.templates ?? []).length === 0 || index === undefined || fromPreviousStep) {
    effects.actions.push(...terminateRuns([current]));
    return { run: undefined, effects, pause };
  }
  if (needsNewAnalysisRun(current, inp)) {
    const started = startRun(inp, analysis, { type: ROLLOUT_TYPE.step, infix: String(index), stepIndex: index });
    return { run: started.run, effects: started.effects, pause };
  }
  return { run: current, effects, pause: reactToOutcome(pause, current, 'Step-based analysis phase error/failed') };
}

/**
 * The canary's background analysis with the v0.x shorthand `templateName` folded into `templates` (the chapter's
 * listing 5.14 writes `analysis: {templateName: pass}`).
 */
export function backgroundAnalysisOf(ro: Readonly<Rollout>): RolloutAnalysisBackground | undefined {
  const analysis = ro.spec.strategy.canary?.analysis;
  if (analysis?.templateName === undefined) return analysis;
  const { templateName, ...rest } = analysis;
  return { ...rest, templates: [...(rest.templates ?? []), { templateName }] };
}

/**
 * The background run: from the start of the update (or `startingStep`) until promotion; never on the first deploy.
 * Inconclusive pauses, Failed/Error aborts with "Background analysis phase error/failed".
 */
export function planBackgroundRun(inp: PlanInput, pause: PauseIntent): RunDecision {
  const { ro } = inp;
  const current = inp.runs.background;
  const effects = noEffects();
  const analysis = backgroundAnalysisOf(ro);
  if (analysis === undefined || (analysis.templates ?? []).length === 0) {
    effects.actions.push(...terminateRuns([current]));
    return { run: undefined, effects, pause };
  }
  const st = ro.status ?? {};
  if (st.stableRS === st.currentPodHash || (st.stableRS ?? '') === '' || (st.currentPodHash ?? '') === '' || beforeStartingStep(ro)) {
    return { run: undefined, effects, pause };
  }
  if (pauseConditionOf(ro, 'InconclusiveAnalysisRun') !== undefined) return { run: current, effects, pause };
  if (needsNewAnalysisRun(current, inp)) {
    const started = startRun(inp, analysis, { type: ROLLOUT_TYPE.background, infix: '' });
    return { run: started.run, effects: started.effects, pause };
  }
  return { run: current, effects, pause: reactToOutcome(pause, current, 'Background analysis phase error/failed') };
}
