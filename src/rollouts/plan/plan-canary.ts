// One canary reconcile (rollout/canary.go rolloutCanary): (new template or steps: status only) → restart →
// history clean-up → Services → traffic weight → analysis → RS scaling (one RS) → pause step → status/step advance.
import type { RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import { type Effects, addEffects, noEffects } from './actions.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, addsPause, isAborted } from './pause-intent.js';
import { planRestart } from './restart.js';
import { planRevisionHistory } from './revision-history.js';
import { ensureServiceTargets } from './service-selectors.js';
import { planTrafficRouting } from './plan-traffic-routing.js';
import { planAnalysisRuns } from './plan-analysis.js';
import { planCanaryScaling } from './canary-scaling.js';
import { planCanaryPause } from './canary-progress.js';
import { computeCanaryStatus, templateOrStepsChanged } from './canary-status.js';
import { desiredTrafficWeight, previousCanaryWhileRollingBack } from './traffic-weight.js';

type Result = { effects: Effects; status: RolloutStatus; pause: PauseIntent; settled?: true };

/** The strategy part of a canary reconcile: effects, the pre-final status and the pause intent. */
export function planCanary(inp: PlanInput, pause0: PauseIntent): Result {
  const effects = noEffects();
  const prevWeights = inp.ro.status?.canary?.weights;
  if (templateOrStepsChanged(inp)) return finish(inp, effects, pause0, { weights: prevWeights, analysis: {}, runs: {} });
  const restart = planRestart(inp);
  addEffects(effects, restart);
  // Evicted pods make the availability counts stale: stop here and let the next reconcile see the truth.
  if (restart.evicted > 0) return { effects, status: inp.ro.status ?? {}, pause: pause0, settled: true };
  effects.actions.push(...planRevisionHistory(inp, inp.otherRSs));
  effects.actions.push(...planCanaryServices(inp, pause0));
  let traffic = planTrafficRouting(inp, pause0);
  const analysis = planAnalysisRuns(inp, pause0);
  // Sluice: an abort decided by analysis moves traffic back in this same reconcile (Argo: the next one).
  if (!isAborted(inp.ro, pause0) && isAborted(inp.ro, analysis.pause)) traffic = planTrafficRouting(inp, analysis.pause);
  addEffects(effects, traffic.effects);
  addEffects(effects, analysis.effects);
  const runs = { step: currentOrNew(analysis, 'step', inp), background: currentOrNew(analysis, 'background', inp) };
  const phases = { weights: traffic.weights, analysis: analysis.statuses, runs, restartedAt: restart.restartedAt };
  if (addsPause(analysis.pause)) return finish(inp, effects, analysis.pause, phases);
  const scaling = planCanaryScaling(inp, analysis.pause, traffic.weights);
  addEffects(effects, scaling.effects);
  if (scaling.scaled) return finish(inp, effects, analysis.pause, phases);
  const paused = planCanaryPause(inp, analysis.pause);
  addEffects(effects, paused);
  return finish(inp, effects, paused.pause, phases);
}

function finish(inp: PlanInput, effects: Effects, pause: PauseIntent, phases: Parameters<typeof computeCanaryStatus>[2]): Result {
  const s = computeCanaryStatus(inp, pause, phases);
  effects.events.push(...s.events);
  return { effects, status: s.status, pause: s.pause };
}

// The current runs after the analysis phase, looked up by the names it recorded (a run just created is current too).
function currentOrNew(a: ReturnType<typeof planAnalysisRuns>, key: 'step' | 'background', inp: PlanInput) {
  const name = a.statuses[key]?.name;
  if (name === undefined) return undefined;
  const created = a.effects.actions.find((x) => x.op === 'createAnalysisRun' && x.run.metadata.name === name);
  if (created !== undefined && created.op === 'createAnalysisRun') return created.run;
  return inp.snap.analysisRuns.find((r) => r.metadata.name === name);
}

/**
 * stableService → stable RS, canaryService → new RS; a basic canary that is aborted points the canary Service at the
 * stable too; while a dynamic rollback to stable is under way the canary Service is left alone.
 * Traffic-routed and aborted: traffic routing decides (Argo points it at the new RS here and back at the stable in
 * traffic routing, in the same reconcile; we write only the final selector).
 */
function planCanaryServices(inp: PlanInput, pause: PauseIntent) {
  const canary = inp.ro.spec.strategy.canary;
  const out = ensureServiceTargets(inp, canary?.stableService, inp.stableRS, true);
  const aborted = isAborted(inp.ro, pause);
  if (aborted && canary?.trafficRouting === undefined) return [...out, ...ensureServiceTargets(inp, canary?.canaryService, inp.stableRS, true)];
  if (aborted && (canary?.dynamicStableScale !== true || desiredTrafficWeight(inp, pause).weight === 0)) return out;
  if (previousCanaryWhileRollingBack(inp) !== undefined) return out;
  return [...out, ...ensureServiceTargets(inp, canary?.canaryService, inp.newRS, true)];
}
