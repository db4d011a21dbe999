// A metric's phase from its counters (analysis.go assessMetricStatus, assessMetricFailureInconclusiveOrError).
import type { Metric, MetricResult } from '../../api/rollouts-analysis.js';
import { isCompletedPhase, type AnalysisPhase } from '../../api/rollouts-constants.js';
import { isUnfinished, lastMeasurement } from './plan-measurements.js';
import { consecutiveErrorLimitOf, consecutiveSuccessLimitOf, effectiveCount, failureLimitOf, inconclusiveLimitOf } from './plan-metric-validate.js';

/** A limit the metric broke, with Argo's explanation (`failed (2) > failureLimit (1)`). */
export interface BrokenLimit {
  readonly phase: 'Failed' | 'Inconclusive' | 'Error';
  readonly message: string;
}

/**
 * The limit a metric broke, later checks winning: failed > failureLimit (when >= 0) → Failed; inconclusive >
 * inconclusiveLimit → Inconclusive; consecutiveError > consecutiveErrorLimit → Error. With the defaults (0, 0, 4),
 * one Failed measurement fails the metric and five Errors in a row error it.
 */
export function brokenLimit(metric: Readonly<Metric>, r: Readonly<MetricResult>): BrokenLimit | undefined {
  let out: BrokenLimit | undefined;
  const failed = r.failed ?? 0;
  const failureLimit = failureLimitOf(metric);
  if (failureLimit >= 0 && failed > failureLimit) out = { phase: 'Failed', message: `failed (${failed}) > failureLimit (${failureLimit})` };
  const inconclusive = r.inconclusive ?? 0;
  const inconclusiveLimit = inconclusiveLimitOf(metric);
  if (inconclusive > inconclusiveLimit) out = { phase: 'Inconclusive', message: `inconclusive (${inconclusive}) > inconclusiveLimit (${inconclusiveLimit})` };
  const errors = r.consecutiveError ?? 0;
  const errorLimit = consecutiveErrorLimitOf(metric);
  if (errors > errorLimit) out = { phase: 'Error', message: `consecutiveErrors (${errors}) > consecutiveErrorLimit (${errorLimit})` };
  return out;
}

/**
 * The metric's phase: completed phases stick; no measurement yet → Pending (Successful when terminating); one in
 * flight → Running; a broken limit → its phase; consecutiveSuccessLimit reached → Successful; count reached →
 * Successful, or with consecutiveSuccessLimit set Failed (failureLimit -1) or Inconclusive (both limits in force);
 * an unlimited metric → Running, or Successful once the run is terminating.
 */
export function assessMetricStatus(metric: Readonly<Metric>, r: Readonly<MetricResult>, terminating: boolean): AnalysisPhase {
  if (isCompletedPhase(r.phase)) return r.phase;
  if ((r.measurements ?? []).length === 0) return terminating ? 'Successful' : 'Pending';
  const last = lastMeasurement(r);
  if (last === undefined || isUnfinished(last) || !isCompletedPhase(last.phase)) return 'Running';
  const broken = brokenLimit(metric, r);
  if (broken !== undefined) return broken.phase;
  const successLimit = consecutiveSuccessLimitOf(metric);
  if (successLimit > 0 && (r.consecutiveSuccess ?? 0) >= successLimit) return 'Successful';
  const count = effectiveCount(metric);
  if (count !== undefined && (r.count ?? 0) >= count) {
    const failureApplicable = failureLimitOf(metric) >= 0;
    const successApplicable = successLimit > 0;
    if (failureApplicable && successApplicable) return 'Inconclusive';
    if (successApplicable) return 'Failed';
    return 'Successful';
  }
  return terminating ? 'Successful' : 'Running';
}

const ORDER: readonly AnalysisPhase[] = ['Successful', 'Running', 'Pending', 'Inconclusive', 'Error', 'Failed'];

/** True when `next` is worse than `current` (Successful < Running < Pending < Inconclusive < Error < Failed). */
export function isWorse(current: AnalysisPhase, next: AnalysisPhase): boolean {
  return Math.max(0, ORDER.indexOf(next)) > Math.max(0, ORDER.indexOf(current));
}
