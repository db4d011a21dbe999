// One blue-green reconcile (rollout/bluegreen.go rolloutBlueGreen): preview Service → (new template: status only) →
// restart → RS scaling → pause → active Service → analysis → status.
import { type Effects, addEffects, noEffects } from './actions.js';
import type { PlanInput } from './plan-input.js';
import type { PauseIntent } from './pause-intent.js';
import { planPreviewService, planActiveService } from './bluegreen-services.js';
import { planBlueGreenScaling } from './bluegreen-scaling.js';
import { planBlueGreenPause } from './bluegreen-pause.js';
import { planAnalysisRuns } from './plan-analysis.js';
import { computeBlueGreenStatus } from './bluegreen-status.js';
import { podTemplateChanged } from './canary-status.js';
import { planRestart } from './restart.js';
import type { RolloutStatus } from '../../api/rollouts-v1alpha1.js';

/** The strategy part of a blue-green reconcile: effects, the pre-final status and the pause intent. */
export function planBlueGreen(inp: PlanInput, pause0: PauseIntent): { effects: Effects; status: RolloutStatus; pause: PauseIntent } {
  const effects = noEffects();
  effects.actions.push(...planPreviewService(inp));
  const noAnalysis = { analysis: {}, prePhase: undefined };
  if (podTemplateChanged(inp)) {
    const s = computeBlueGreenStatus(inp, pause0, { actions: effects.actions, ...noAnalysis });
    effects.events.push(...s.events);
    return { effects, status: s.status, pause: s.pause };
  }
  const restart = planRestart(inp);
  addEffects(effects, restart);
  addEffects(effects, planBlueGreenScaling(inp, pause0));
  const prePhase = inp.runs.prePromotion?.status?.phase;
  const paused = planBlueGreenPause(inp, pause0, prePhase);
  addEffects(effects, paused);
  effects.actions.push(...planActiveService(inp, paused.pause, prePhase));
  const analysis = planAnalysisRuns(inp, paused.pause);
  addEffects(effects, analysis.effects);
  const s = computeBlueGreenStatus(inp, analysis.pause, {
    actions: effects.actions, analysis: analysis.statuses, prePhase, restartedAt: restart.restartedAt,
  });
  effects.events.push(...s.events);
  return { effects, status: s.status, pause: s.pause };
}
