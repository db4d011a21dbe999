// The Rollout's AnalysisRuns for one reconcile (rollout/analysis.go reconcileAnalysisRuns; argo-rollouts.md §3.1, §3.9):
// which runs are current, which to start or terminate, and what their outcome does to the rollout.
import type { AnalysisRun, RolloutAnalysisRunStatus } from '../../api/rollouts-v1alpha1.js';
import { ROLLOUT_TYPE } from '../../api/rollouts-constants.js';
import { type Effects, addEffects, noEffects } from './actions.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, isAborted } from './pause-intent.js';
import { isFastRollback } from './promotion.js';
import { runStatusEvents, runStatusOf, runsToDelete, terminateRuns } from './analysis-common.js';
import { planBackgroundRun, planStepRun } from './analysis-canary.js';
import { planPostPromotionRun, planPrePromotionRun } from './analysis-bluegreen.js';

type Run = Readonly<AnalysisRun>;

/** The current run per role after this reconcile. */
export interface CurrentRunSet { step?: Run | undefined; background?: Run | undefined; pre?: Run | undefined; post?: Run | undefined }

/** This reconcile's analysis decisions. */
export interface AnalysisPlan {
  effects: Effects;
  pause: PauseIntent;
  /** Values for status.canary / status.blueGreen analysis-run fields (undefined = field absent). */
  statuses: { step?: RolloutAnalysisRunStatus; background?: RolloutAnalysisRunStatus; pre?: RolloutAnalysisRunStatus; post?: RolloutAnalysisRunStatus };
}

/**
 * Cancels every current run when fully promoted, aborted, promoting fully, fast-rolling back or on the first
 * deploy (blue-green keeps the pre/post runs as current); otherwise plans the strategy's runs. Then terminates the
 * non-current runs and deletes those beyond the history limits.
 */
export function planAnalysisRuns(inp: PlanInput, pause0: PauseIntent): AnalysisPlan {
  const { ro, runs } = inp;
  const st = ro.status ?? {};
  const effects = noEffects();
  let pause = pause0;
  const cancel = st.stableRS === st.currentPodHash || isAborted(ro, pause) || st.promoteFull === true || isFastRollback(inp) || (st.stableRS ?? '') === '';
  const current: CurrentRunSet = {};
  if (cancel) {
    effects.actions.push(...terminateRuns([runs.step, runs.background, runs.prePromotion, runs.postPromotion]));
    current.pre = runs.prePromotion;
    current.post = runs.postPromotion;
  } else if (ro.spec.strategy.canary !== undefined) {
    const step = planStepRun(inp, pause);
    const background = planBackgroundRun(inp, step.pause);
    addEffects(effects, step.effects);
    addEffects(effects, background.effects);
    pause = background.pause;
    current.step = step.run;
    current.background = background.run;
  } else {
    const pre = planPrePromotionRun(inp, pause);
    const post = planPostPromotionRun(inp, pre.pause);
    addEffects(effects, pre.effects);
    addEffects(effects, post.effects);
    pause = post.pause;
    current.pre = pre.run;
    current.post = post.run;
  }
  const names = new Set(Object.values(current).filter((r): r is Run => r !== undefined).map((r) => r.metadata.name));
  const others = runs.others.filter((r) => !names.has(r.metadata.name));
  effects.actions.push(...terminateRuns(others), ...runsToDelete(inp, others));
  effects.events.push(...statusChangeEvents(inp, current));
  return { effects, pause, statuses: statusesOf(inp, current) };
}

function statusesOf(inp: PlanInput, c: CurrentRunSet): AnalysisPlan['statuses'] {
  const pick = (run: Run | undefined) => runStatusOf(run);
  const out: AnalysisPlan['statuses'] = {};
  if (inp.ro.spec.strategy.canary !== undefined) {
    const step = pick(c.step);
    const background = pick(c.background);
    if (step !== undefined) out.step = step;
    if (background !== undefined) out.background = background;
  } else {
    const pre = pick(c.pre);
    const post = pick(c.post);
    if (pre !== undefined) out.pre = pre;
    if (post !== undefined) out.post = post;
  }
  return out;
}

function statusChangeEvents(inp: PlanInput, c: CurrentRunSet): Effects['events'] {
  const st = inp.ro.status ?? {};
  return [
    ...runStatusEvents(st.blueGreen?.postPromotionAnalysisRunStatus, c.post, ROLLOUT_TYPE.postPromotion),
    ...runStatusEvents(st.blueGreen?.prePromotionAnalysisRunStatus, c.pre, ROLLOUT_TYPE.prePromotion),
    ...runStatusEvents(st.canary?.currentStepAnalysisRunStatus, c.step, ROLLOUT_TYPE.step),
    ...runStatusEvents(st.canary?.currentBackgroundAnalysisRunStatus, c.background, ROLLOUT_TYPE.background),
  ];
}
