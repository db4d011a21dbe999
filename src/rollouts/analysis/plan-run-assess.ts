// The run's phase from its metrics (analysis.go assessRunStatus): metric phases are brought up to date, the worst
// completed non-dry-run metric decides, any incomplete metric keeps the run Running unless the run is terminating
// (and then only a measurement still being taken or terminated does), and run / dry-run summaries are counted.
import type { Metric, MetricResult, RunSummary } from '../../api/rollouts-analysis.js';
import { isCompletedPhase, type AnalysisPhase } from '../../api/rollouts-constants.js';
import { assessMetricStatus, brokenLimit, isWorse } from './plan-metric-assess.js';
import { lastMeasurement } from './plan-measurements.js';
import type { AnalysisEvent } from './plan-types.js';

/** Inputs of one assessment. */
export interface RunAssessmentInput {
  readonly metrics: readonly Metric[];
  readonly results: readonly MetricResult[];
  readonly dryRun: ReadonlySet<string>;
  readonly terminate: boolean;
}

/** The assessment: updated metric results, run phase and message, summaries and `Metric<Phase>` events. */
export interface RunAssessment {
  readonly results: MetricResult[];
  readonly phase: AnalysisPhase;
  readonly message: string;
  readonly runSummary: RunSummary;
  readonly dryRunSummary: RunSummary;
  readonly events: AnalysisEvent[];
}

/** Terminating: `spec.terminate`, or a non-dry-run metric already Failed, Error or Inconclusive. */
export function isTerminating(terminate: boolean, results: readonly MetricResult[]): boolean {
  return terminate || results.some((r) => r.dryRun !== true && (r.phase === 'Failed' || r.phase === 'Error' || r.phase === 'Inconclusive'));
}

type Counts = { count: number; successful: number; failed: number; inconclusive: number; error: number };

function tally(c: Counts, phase: AnalysisPhase | undefined): void {
  if (phase === 'Error') c.error++;
  else if (phase === 'Failed') c.failed++;
  else if (phase === 'Inconclusive') c.inconclusive++;
  else c.successful++;
}

/** A summary without its zero counters (Go omits them). */
function summary(c: Counts): RunSummary {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== 0));
}

/** Updates one metric's phase (and message, on a change); records `Metric<Phase>` when it completes. */
function updateMetric(metric: Readonly<Metric>, r: MetricResult, terminating: boolean, events: AnalysisEvent[]): MetricResult {
  const phase = assessMetricStatus(metric, r, terminating);
  if (phase === r.phase) return r;
  if (isCompletedPhase(phase)) {
    const type = phase === 'Error' || phase === 'Failed' ? 'Warning' : 'Normal';
    events.push({ type, reason: `Metric${phase}`, message: `Metric '${metric.name}' Completed. Result: ${phase}` });
  }
  const next: MetricResult = { ...r, phase };
  const last = lastMeasurement(r);
  if (last !== undefined) {
    if (last.message !== undefined && last.message !== '') next.message = last.message;
    else delete next.message;
  }
  return next;
}

/**
 * Argo's assessRunStatus. Example: metrics a (Successful) and b (Failed, failed 1 > failureLimit 0) → phase Failed,
 * message `Metric "b" assessed Failed due to failed (1) > failureLimit (0)`, runSummary {count 2, successful 1, failed 1}.
 */
export function assessRun(inp: RunAssessmentInput): RunAssessment {
  const terminating = isTerminating(inp.terminate, inp.results);
  const results = inp.results.map((r) => ({ ...r }));
  const events: AnalysisEvent[] = [];
  const run: Counts = { count: 0, successful: 0, failed: 0, inconclusive: 0, error: 0 };
  const dry: Counts = { count: 0, successful: 0, failed: 0, inconclusive: 0, error: 0 };
  let worst: AnalysisPhase | undefined;
  let message = inp.terminate ? 'Run Terminated' : '';
  let everythingCompleted = true;
  // A metric whose measurement is still being taken or terminated (Argo's calls are synchronous, ours are not).
  let awaiting = false;
  for (const metric of inp.metrics) {
    const isDry = inp.dryRun.has(metric.name);
    (isDry ? dry : run).count++;
    const i = results.findIndex((r) => r.name === metric.name);
    const current = results[i];
    if (current === undefined) { everythingCompleted = false; continue; }
    const r = updateMetric(metric, current, terminating, events);
    results[i] = r;
    if (!isCompletedPhase(r.phase)) { everythingCompleted = false; awaiting = true; continue; }
    const broken = brokenLimit(metric, r);
    if (isDry) {
      worst ??= 'Successful';
      if (broken !== undefined) results[i] = { ...r, message: `Metric assessed ${r.phase} due to ${broken.message}` };
      tally(dry, broken?.phase);
      continue;
    }
    if (worst === undefined || isWorse(worst, r.phase)) {
      worst = r.phase;
      if (broken !== undefined) {
        const detail = r.message !== undefined && r.message !== '' ? `: "Error Message: ${r.message}"` : '';
        message = `Metric "${metric.name}" assessed ${r.phase} due to ${broken.message}${detail}`;
      }
    }
    tally(run, broken?.phase);
  }
  const base = { results, runSummary: summary(run), dryRunSummary: summary(dry), events };
  if (terminating && !awaiting) return { ...base, phase: worst ?? 'Successful', message: message.trim() };
  if (!everythingCompleted || worst === undefined) return { ...base, phase: 'Running', message: '' };
  return { ...base, phase: worst, message: message.trim() };
}
