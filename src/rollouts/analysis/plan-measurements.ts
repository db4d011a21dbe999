// Recording measurements in a metric's result (analysis.go runMeasurements): the newest measurement replaces the
// in-flight one (or is appended), and a finished one moves the counters:
//   Successful   → successful+1, count+1, consecutiveSuccess+1, consecutiveError=0
//   Failed       → failed+1,     count+1, consecutiveSuccess=0,  consecutiveError=0
//   Inconclusive → inconclusive+1, count+1, consecutiveSuccess=0, consecutiveError=0
//   Error        → error+1, consecutiveError+1, consecutiveSuccess=0 (an Error does not count toward `count`)
import type { Measurement, MetricResult } from '../../api/rollouts-analysis.js';
import { isCompletedPhase } from '../../api/rollouts-constants.js';
import { parseTime, rfc3339 } from '../../lib/clock.js';
import type { MeasurementCall } from './plan-types.js';

/** The last measurement of a result, if any. */
export function lastMeasurement(r: Readonly<MetricResult> | undefined): Measurement | undefined {
  const ms = r?.measurements ?? [];
  return ms[ms.length - 1];
}

/** True when the measurement has not finished (it is in flight or waiting to be resumed). */
export function isUnfinished(m: Readonly<Measurement> | undefined): boolean {
  return m !== undefined && (m.finishedAt === undefined || m.finishedAt === '');
}

/** A fresh result for a metric's first measurement (phase Running, as Argo creates it). */
export function newMetricResult(name: string, dryRun: boolean): MetricResult {
  return { name, phase: 'Running', ...(dryRun ? { dryRun: true } : {}) };
}

const COUNTERS = ['count', 'successful', 'failed', 'inconclusive', 'error', 'consecutiveError', 'consecutiveSuccess'] as const;

/** Counters after one finished measurement (see the table above). Zero counters are left out, as Go omits them. */
export function countMeasurement(r: Readonly<MetricResult>, phase: Measurement['phase']): MetricResult {
  const n = (x: number | undefined): number => x ?? 0;
  const c = {
    count: n(r.count), successful: n(r.successful), failed: n(r.failed), inconclusive: n(r.inconclusive), error: n(r.error),
    consecutiveError: n(r.consecutiveError), consecutiveSuccess: n(r.consecutiveSuccess),
  };
  switch (phase) {
    case 'Successful': c.successful++; c.count++; c.consecutiveError = 0; c.consecutiveSuccess++; break;
    case 'Failed': c.failed++; c.count++; c.consecutiveError = 0; c.consecutiveSuccess = 0; break;
    case 'Inconclusive': c.inconclusive++; c.count++; c.consecutiveError = 0; c.consecutiveSuccess = 0; break;
    case 'Error': c.error++; c.consecutiveError++; c.consecutiveSuccess = 0; break;
    default: return { ...r };
  }
  const out: MetricResult = { ...r };
  for (const k of COUNTERS) {
    if (c[k] === 0) delete out[k];
    else out[k] = c[k];
  }
  return out;
}

/**
 * Records a provider's measurement: it replaces the unfinished last measurement, else it is appended; one identical
 * to the finished last measurement (a result delivered twice) is ignored. A terminated measurement that ends
 * Successful or Inconclusive says "Metric Terminated".
 */
export function recordMeasurement(r: Readonly<MetricResult>, incoming: Readonly<Measurement>, call: MeasurementCall, nowMs: number): MetricResult {
  let m: Measurement = { ...incoming };
  if (isCompletedPhase(m.phase) && (m.finishedAt === undefined || m.finishedAt === '')) m = { ...m, finishedAt: rfc3339(nowMs) };
  if (call === 'terminate' && (m.phase === 'Successful' || m.phase === 'Inconclusive')) m = { ...m, message: 'Metric Terminated' };
  // A resumed measurement still running is looked at again no sooner than a second later (no resume loop).
  if (call === 'resume' && isUnfinished(m) && !(parseTime(m.resumeAt) > nowMs)) m = { ...m, resumeAt: rfc3339(nowMs + 1000) };
  const list = [...(r.measurements ?? [])];
  const last = list[list.length - 1];
  const duplicate = last !== undefined && !isUnfinished(last) && last.startedAt !== undefined && last.startedAt === m.startedAt
    && last.finishedAt === m.finishedAt && last.phase === m.phase && last.value === m.value;
  if (duplicate) return r;
  if (last !== undefined && isUnfinished(last)) list[list.length - 1] = m;
  else list.push(m);
  const withList: MetricResult = { ...r, measurements: list };
  return isCompletedPhase(m.phase) ? countMeasurement(withList, m.phase) : withList;
}

/** The placeholder recorded when a measurement starts, so a restarted controller knows one was under way. */
export function startedMeasurement(nowMs: number): Measurement {
  return { phase: 'Running', startedAt: rfc3339(nowMs) };
}

/**
 * Keeps the newest `limit` measurements (garbageCollectMeasurements). `trimMeasurements(r with 12, 10)` keeps the
 * last 10 and reports that trimming happened.
 */
export function trimMeasurements(r: Readonly<MetricResult>, limit: number): { result: MetricResult; trimmed: boolean } {
  const list = r.measurements ?? [];
  if (list.length <= limit) return { result: { ...r }, trimmed: false };
  return { result: { ...r, measurements: list.slice(list.length - limit) }, trimmed: true };
}
