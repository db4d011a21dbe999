// planAnalysisRun: one reconcile of one AnalysisRun (analysis.go reconcileAnalysisRun), pure. Provider calls run
// asynchronously outside the plan; their outcomes come back in the snapshot and are recorded here, new calls are
// requested as actions, and each started measurement is recorded as Running at once so that a restarted controller
// resumes it from status.
import { isJsonObject } from '../../api/meta.js';
import type { AnalysisRun, AnalysisRunStatus, Metric, MetricResult } from '../../api/rollouts-analysis.js';
import { isCompletedPhase } from '../../api/rollouts-constants.js';
import { parseTime, rfc3339 } from '../../lib/clock.js';
import { newMetricResult, recordMeasurement, startedMeasurement, trimMeasurements } from './plan-measurements.js';
import { resolveMetricsWithoutSecrets } from './plan-metric-args.js';
import { scheduleMetric } from './plan-metric-schedule.js';
import { dryRunMetricNames, retentionLimits, validateMetrics } from './plan-metric-validate.js';
import { assessRun, isTerminating } from './plan-run-assess.js';
import { planRunTtl } from './plan-run-ttl.js';
import {
  DEFAULT_MEASUREMENT_RETENTION, type AnalysisAction, type AnalysisEvent, type AnalysisRunPlan, type AnalysisRunSnapshot,
} from './plan-types.js';

type Spec = { metrics: Metric[]; dryRun: Set<string>; retention: Map<string, number> };

function completion(phase: AnalysisRunStatus['phase']): AnalysisEvent {
  const type = phase === 'Error' || phase === 'Failed' ? 'Warning' : 'Normal';
  return { type, reason: `AnalysisRun${phase}`, message: `Analysis Completed. Result: ${phase}` };
}

/** The run ends in Error with `message` (bad args or spec), as Argo does: no startedAt/completedAt are added. */
function errorPlan(snap: AnalysisRunSnapshot, message: string): AnalysisRunPlan {
  const status: AnalysisRunStatus = { ...(snap.run.status ?? { phase: '' }), phase: 'Error', message };
  return { actions: [], status, events: [completion('Error')] };
}

function resolveSpec(snap: AnalysisRunSnapshot): { ok: true; spec: Spec } | { ok: false; message: string } {
  const resolved = resolveMetricsWithoutSecrets(snap.run.spec.metrics, snap.run.spec.args ?? []);
  if (!resolved.ok) return { ok: false, message: `Unable to resolve metric arguments: ${resolved.error}` };
  const invalid = validateMetrics(resolved.value);
  if (invalid !== undefined) return { ok: false, message: `Analysis spec invalid: ${invalid}` };
  const dryRun = dryRunMetricNames(snap.run.spec.dryRun, resolved.value);
  if (!dryRun.ok) return { ok: false, message: `Analysis spec invalid: ${dryRun.error}` };
  const retention = retentionLimits(snap.run.spec.measurementRetention, resolved.value, DEFAULT_MEASUREMENT_RETENTION);
  if (!retention.ok) return { ok: false, message: `Analysis spec invalid: ${retention.error}` };
  return { ok: true, spec: { metrics: resolved.value, dryRun: dryRun.value, retention: retention.value } };
}

/** Records finished provider calls in the metric results (creating a metric's result on its first measurement). */
function recordResults(snap: AnalysisRunSnapshot, spec: Spec): MetricResult[] {
  const results = [...(snap.run.status?.metricResults ?? [])];
  for (const metric of spec.metrics) {
    const outcome = snap.results.get(metric.name);
    if (outcome?.outcome !== 'measured') continue;
    const i = results.findIndex((r) => r.name === metric.name);
    const base = results[i] ?? newMetricResult(metric.name, spec.dryRun.has(metric.name));
    if (isCompletedPhase(base.phase)) continue;
    let next = recordMeasurement(base, outcome.measurement, outcome.call, snap.nowMs);
    if (next.metadata === undefined && outcome.metricMetadata !== undefined) next = { ...next, metadata: { ...outcome.metricMetadata } };
    if (i < 0) results.push(next);
    else results[i] = next;
  }
  return results;
}

/** Provider calls due now (each new measurement recorded as Running), and the earliest later wake-up. */
function scheduleCalls(snap: AnalysisRunSnapshot, spec: Spec, results: MetricResult[]): { actions: AnalysisAction[]; wakeMs: number[] } {
  const actions: AnalysisAction[] = [];
  const wakeMs: number[] = [];
  const terminating = isTerminating(snap.run.spec.terminate === true, results);
  const startedAtMs = parseTime(snap.run.status?.startedAt);
  for (const metric of spec.metrics) {
    const i = results.findIndex((r) => r.name === metric.name);
    const result = results[i];
    const step = scheduleMetric({
      metric, result, terminating, inFlight: snap.inFlight.has(metric.name),
      runStartedAtMs: Number.isNaN(startedAtMs) ? undefined : startedAtMs, nowMs: snap.nowMs,
    });
    if (step.next === 'wait') wakeMs.push(step.untilMs);
    if (step.next !== 'call') continue;
    if (step.call !== 'run') {
      const last = result?.measurements?.[result.measurements.length - 1];
      actions.push({ op: 'measure', metricName: metric.name, call: step.call, ...(last !== undefined ? { measurement: last } : {}) });
      continue;
    }
    actions.push({ op: 'measure', metricName: metric.name, call: 'run' });
    const base = result ?? newMetricResult(metric.name, spec.dryRun.has(metric.name));
    const next = { ...base, measurements: [...(base.measurements ?? []), startedMeasurement(snap.nowMs)] };
    if (i < 0) results.push(next);
    else results[i] = next;
  }
  return { actions, wakeMs };
}

/** Trims measurement histories to their retention limits; the provider garbage-collects what was dropped. */
function retain(results: MetricResult[], spec: Spec): AnalysisAction[] {
  const actions: AnalysisAction[] = [];
  results.forEach((r, i) => {
    const limit = spec.retention.get(r.name) ?? DEFAULT_MEASUREMENT_RETENTION;
    const t = trimMeasurements(r, limit);
    if (!t.trimmed) return;
    results[i] = t.result;
    actions.push({ op: 'garbageCollect', metricName: r.name, limit });
  });
  return actions;
}

/** The run with a usable spec: stored objects are not validated, so `spec` or `metrics` may be missing. */
function withSpec(run: Readonly<AnalysisRun>): Readonly<AnalysisRun> {
  const spec: Partial<AnalysisRun['spec']> = isJsonObject(run.spec) ? run.spec : {};
  const metrics = Array.isArray(spec.metrics) ? spec.metrics.filter((m) => isJsonObject(m)) : [];
  return { ...run, spec: { ...spec, metrics: metrics.map((m) => ({ ...m, provider: isJsonObject(m.provider) ? m.provider : {} })) } };
}

/**
 * One reconcile of an AnalysisRun: record provider outcomes, start due measurements, assess metric and run phases,
 * trim histories, and compute when to look again. Completed runs only wait for their `ttlStrategy`.
 */
export function planAnalysisRun(input: AnalysisRunSnapshot): AnalysisRunPlan {
  const snap = { ...input, run: withSpec(input.run) };
  const prev: AnalysisRunStatus = snap.run.status ?? { phase: '' };
  if (snap.run.metadata.deletionTimestamp !== undefined) return { actions: [], status: prev, events: [] };
  if (isCompletedPhase(prev.phase)) return planRunTtl(snap.run, snap.nowMs);
  const resolved = resolveSpec(snap);
  if (!resolved.ok) return errorPlan(snap, resolved.message);
  const argsError = [...snap.results.values()].find((o) => o.outcome === 'argsError');
  if (argsError?.outcome === 'argsError') return errorPlan(snap, `Unable to resolve metric arguments: ${argsError.message}`);
  const { spec } = resolved;
  const results = recordResults(snap, spec);
  const scheduled = scheduleCalls(snap, spec, results);
  const assessed = assessRun({ metrics: spec.metrics, results, dryRun: spec.dryRun, terminate: snap.run.spec.terminate === true });
  const status: AnalysisRunStatus = {
    ...prev, startedAt: prev.startedAt ?? rfc3339(snap.nowMs), metricResults: assessed.results,
    runSummary: assessed.runSummary, dryRunSummary: assessed.dryRunSummary,
  };
  const events = [...assessed.events];
  if (assessed.phase !== prev.phase) {
    status.phase = assessed.phase;
    if (assessed.message !== '') status.message = assessed.message;
    else delete status.message;
    if (isCompletedPhase(assessed.phase)) {
      events.push(completion(assessed.phase));
      status.completedAt ??= rfc3339(snap.nowMs);
    } else if (assessed.phase === 'Running') events.push({ type: 'Normal', reason: 'AnalysisRunRunning', message: 'Analysis Running' });
  }
  const actions = [...scheduled.actions, ...retain(assessed.results, spec)];
  if (isCompletedPhase(assessed.phase)) {
    const ttl = planRunTtl({ ...snap.run, status }, snap.nowMs);
    return { actions: [...actions, ...ttl.actions], status, events, ...(ttl.requeueAfterMs !== undefined ? { requeueAfterMs: ttl.requeueAfterMs } : {}) };
  }
  const wake = Math.min(...scheduled.wakeMs);
  return { actions, status, events, ...(Number.isFinite(wake) ? { requeueAfterMs: Math.max(0, wake - snap.nowMs) } : {}) };
}
