// Shared pieces of the Rollout's analysis handling (rollout/analysis.go): when a new run is needed, creating one
// under a free name, terminating, status-change events and history-limit clean-up.
import type { AnalysisRun, RolloutAnalysis, RolloutAnalysisRunStatus } from '../../api/rollouts-v1alpha1.js';
import { POD_TEMPLATE_HASH_LABEL, isCompletedPhase } from '../../api/rollouts-constants.js';
import { deepEqual } from '../../lib/deep-equal.js';
import { type Effects, type RolloutAction, noEffects, normal, warning } from './actions.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, pauseConditionOf, withAbort, withPause } from './pause-intent.js';
import { type RunRole, buildAnalysisRun } from './analysis-run-build.js';
import { podHashOf } from './replica-set-counts.js';
import { runHistoryLimitsOf } from './rollout-defaults.js';

type Run = Readonly<AnalysisRun>;

/**
 * A new run is needed when there is none; while paused by the controller on something other than a pause step,
 * only after the current run came back Inconclusive (the user resumed); else only right after an abort was lifted.
 */
export function needsNewAnalysisRun(current: Run | undefined, inp: PlanInput): boolean {
  if (current === undefined) return true;
  const st = inp.ro.status ?? {};
  if (st.controllerPause === true && pauseConditionOf(inp.ro, 'CanaryPauseStep') === undefined && pauseConditionOf(inp.ro, 'BlueGreenPause') === undefined) {
    return current.status?.phase === 'Inconclusive';
  }
  return st.abortedAt !== undefined;
}

/** `spec.terminate: true` for runs that are neither terminated nor finished (cancelAnalysisRuns). */
export function terminateRuns(runs: readonly (Run | undefined)[]): RolloutAction[] {
  return runs.filter((r): r is Run => r !== undefined && r.spec.terminate !== true && !isCompletedPhase(r.status?.phase))
    .map((r) => ({ op: 'terminateAnalysisRun', name: r.metadata.name ?? '' }));
}

/**
 * Creates the run for `analysis` (or adopts an equal, unfinished run of ours already holding the name; otherwise the
 * name gets a `.1`, `.2` … suffix, like CreateWithCollisionCounter). Returns the run that is now current.
 */
export function startRun(inp: PlanInput, analysis: Readonly<RolloutAnalysis>, role: RunRole): { run: Run | undefined; effects: Effects } {
  const effects = noEffects();
  const built = buildAnalysisRun(inp.snap, inp.ro, analysis, role, inp.stableRS, inp.newRS);
  if (!built.ok) {
    effects.events.push(warning('AnalysisRunCreateError', `Failed to create ${role.type} AnalysisRun: ${built.error}`));
    return { run: undefined, effects };
  }
  const base = built.value.metadata.name ?? '';
  for (let n = 0; ; n++) {
    const name = n === 0 ? base : `${base}.${n}`;
    const existing = inp.snap.analysisRuns.find((r) => r.metadata.name === name);
    if (existing === undefined) {
      const run: AnalysisRun = { ...built.value, metadata: { ...built.value.metadata, name } };
      effects.actions.push({ op: 'createAnalysisRun', run });
      return { run, effects };
    }
    if (!isCompletedPhase(existing.status?.phase) && deepEqual(existing.spec, built.value.spec)) return { run: existing, effects };
  }
}

/** The `{name, status, message}` recorded in status for a current run. */
export function runStatusOf(run: Run | undefined): RolloutAnalysisRunStatus | undefined {
  if (run === undefined) return undefined;
  const message = run.status?.message;
  return { name: run.metadata.name ?? '', status: run.status?.phase ?? '', ...(message !== undefined && message !== '' ? { message } : {}) };
}

/** `AnalysisRun<Phase>` when a current run's phase changed ("Step Analysis Run 'x' Status New: 'Failed' Previous: 'Running'"). */
export function runStatusEvents(prev: RolloutAnalysisRunStatus | undefined, run: Run | undefined, label: string): Effects['events'] {
  const phase = run?.status?.phase ?? '';
  if (run === undefined || phase === '') return [];
  if (prev !== undefined && !(prev.name === run.metadata.name && prev.status !== phase)) return [];
  const msg = `${label} Analysis Run '${run.metadata.name ?? ''}' Status New: '${phase}' Previous: '${prev?.status ?? 'NoPreviousStatus'}'`;
  return [phase === 'Failed' || phase === 'Error' ? warning(`AnalysisRun${phase}`, msg) : normal(`AnalysisRun${phase}`, msg)];
}

/**
 * Non-current runs to delete (FilterAnalysisRunsToDelete): runs without a hash label or whose RS is gone, and,
 * newest first, finished runs beyond the successful/unsuccessful history limits (5/5 by default).
 */
export function runsToDelete(inp: PlanInput, others: readonly Run[]): RolloutAction[] {
  const hashes = new Map(inp.allRSs.map((rs) => [podHashOf(rs), rs.metadata.deletionTimestamp !== undefined]));
  const limits = runHistoryLimitsOf(inp.ro);
  let successful = 0;
  let unsuccessful = 0;
  const out: RolloutAction[] = [];
  const sorted = [...others].sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''));
  for (const run of sorted) {
    const hash = run.metadata.labels?.[POD_TEMPLATE_HASH_LABEL];
    const phase = run.status?.phase;
    let remove = hash === undefined || !hashes.has(hash) || hashes.get(hash) === true;
    if (!remove && phase === 'Successful') remove = ++successful > limits.successful;
    else if (!remove && (phase === 'Failed' || phase === 'Error' || phase === 'Inconclusive')) remove = ++unsuccessful > limits.unsuccessful;
    if (remove && run.metadata.deletionTimestamp === undefined) out.push({ op: 'deleteAnalysisRun', name: run.metadata.name ?? '' });
  }
  return out;
}

/**
 * The rollout's reaction to a run's outcome (§3.9): Inconclusive pauses (InconclusiveAnalysisRun), Failed or Error
 * aborts with `<prefix>` (+ ": <run message>").
 */
export function reactToOutcome(pause: PauseIntent, run: Run | undefined, prefix: string): PauseIntent {
  const phase = run?.status?.phase;
  if (phase === 'Inconclusive') return withPause(pause, 'InconclusiveAnalysisRun');
  if (phase === 'Failed' || phase === 'Error') {
    const msg = run?.status?.message ?? '';
    return withAbort(pause, msg !== '' ? `${prefix}: ${msg}` : prefix);
  }
  return pause;
}
