// When a metric is measured (analysis.go generateMetricTasks + calculateNextReconcileTime): the first measurement
// after `initialDelay`, the next one `interval` after the last finished (10 s after an Error), none once `count` is
// reached; an unfinished measurement is resumed at its `resumeAt`, or terminated when the run is terminating.
import type { Metric, MetricResult } from '../../api/rollouts-analysis.js';
import { isCompletedPhase } from '../../api/rollouts-constants.js';
import { parseTime } from '../../lib/clock.js';
import { isUnfinished, lastMeasurement } from './plan-measurements.js';
import { durationMs, effectiveCount } from './plan-metric-validate.js';
import { ERROR_RETRY_INTERVAL_MS, type MeasurementCall } from './plan-types.js';

/** What to do about one metric now. */
export type MetricStep =
  | { readonly next: 'idle' }
  | { readonly next: 'wait'; readonly untilMs: number }
  | { readonly next: 'call'; readonly call: MeasurementCall };

/** The facts scheduling looks at. */
export interface ScheduleInput {
  /** The metric with its args resolved. */
  readonly metric: Readonly<Metric>;
  readonly result: Readonly<MetricResult> | undefined;
  readonly terminating: boolean;
  /** A provider call for this metric is under way in this process. */
  readonly inFlight: boolean;
  readonly runStartedAtMs: number | undefined;
  readonly nowMs: number;
}

const IDLE: MetricStep = { next: 'idle' };

/**
 * The next step for one metric. Example: interval 15s, last measurement finished at 12:00:00 → at 12:00:10 wait until
 * 12:00:15; at 12:00:15 call `run`. After an Error finished at 12:00:00 the retry is at 12:00:10 whatever the interval.
 */
export function scheduleMetric(inp: ScheduleInput): MetricStep {
  const { metric, result, nowMs } = inp;
  if (result !== undefined && isCompletedPhase(result.phase)) return IDLE;
  if (inp.inFlight) return IDLE;
  const last = lastMeasurement(result);
  if (last !== undefined && isUnfinished(last)) {
    if (inp.terminating) return { next: 'call', call: 'terminate' };
    const resumeAtMs = parseTime(last.resumeAt);
    if (resumeAtMs > nowMs) return { next: 'wait', untilMs: resumeAtMs };
    return { next: 'call', call: 'resume' };
  }
  if (inp.terminating) return IDLE;
  if (last === undefined) return firstMeasurement(inp);
  const count = effectiveCount(metric);
  if (count !== undefined && (result?.count ?? 0) >= count) return IDLE;
  const intervalMs = last.phase === 'Error' ? ERROR_RETRY_INTERVAL_MS : (durationMs(metric.interval) ?? ERROR_RETRY_INTERVAL_MS);
  const dueMs = parseTime(last.finishedAt) + intervalMs;
  if (Number.isNaN(dueMs) || nowMs >= dueMs) return { next: 'call', call: 'run' };
  return { next: 'wait', untilMs: dueMs };
}

function firstMeasurement(inp: ScheduleInput): MetricStep {
  const delayMs = (inp.metric.initialDelay ?? '') === '' ? undefined : (durationMs(inp.metric.initialDelay) ?? 0);
  if (delayMs === undefined) return { next: 'call', call: 'run' };
  // Argo waits for the run's startedAt before counting the delay from it.
  if (inp.runStartedAtMs === undefined) return { next: 'wait', untilMs: inp.nowMs + delayMs };
  const dueMs = inp.runStartedAtMs + delayMs;
  return inp.nowMs >= dueMs ? { next: 'call', call: 'run' } : { next: 'wait', untilMs: dueMs };
}
