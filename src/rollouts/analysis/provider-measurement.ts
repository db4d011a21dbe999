// Turning a provider's value into a measurement (the part every Argo provider repeats): evaluate the metric's
// conditions against the value; an evaluation error is an Error measurement with Argo's message. Opt-in
// (Sluice only, ignored by Argo): `noDataPolicy: Inconclusive | Failed` on a metric judges an empty result that
// the conditions cannot evaluate with that phase instead of an Error.
import type { Measurement, Metric } from '../../api/rollouts-analysis.js';
import type { AnalysisPhase } from '../../api/rollouts-constants.js';
import { rfc3339 } from '../../lib/clock.js';
import { evaluateResult, isNilOrEmpty } from './evaluate-condition.js';

/** The opt-in no-data policies; `Error` is Argo's behaviour and the default. */
export type NoDataPolicy = 'Error' | 'Inconclusive' | 'Failed';

/** A metric's `noDataPolicy` (a Sluice extension read off the metric object), `Error` when absent or unknown. */
export function noDataPolicyOf(metric: Readonly<Metric>): NoDataPolicy {
  const v = 'noDataPolicy' in metric ? metric.noDataPolicy : undefined;
  return v === 'Inconclusive' || v === 'Failed' ? v : 'Error';
}

/** A finished measurement in phase Error (metricutil.MarkMeasurementError). */
export function errorMeasurement(startedAtMs: number, nowMs: number, message: string, base: Readonly<Measurement> = { phase: 'Error' }): Measurement {
  const m: Measurement = { ...base, phase: 'Error', message, finishedAt: base.finishedAt ?? rfc3339(nowMs) };
  if (m.startedAt === undefined) m.startedAt = rfc3339(startedAtMs);
  return m;
}

/**
 * The measurement of `value` (shown in status as `valueText`): its phase from the metric's conditions. Example:
 * `successCondition: result[0] < 0.05` with value `[0.01]` → Successful, value "[0.01]".
 */
export function judgeValue(metric: Readonly<Metric>, value: unknown, valueText: string, startedAtMs: number, nowMs: number): Measurement {
  const judged = evaluateResult(value, metric, nowMs);
  const policy = noDataPolicyOf(metric);
  if (!judged.ok && policy !== 'Error' && isNilOrEmpty(value)) {
    return finished(policy, valueText, startedAtMs, nowMs, `no data (noDataPolicy ${policy}): ${judged.error}`);
  }
  if (!judged.ok) return errorMeasurement(startedAtMs, nowMs, judged.error);
  return finished(judged.phase, valueText, startedAtMs, nowMs);
}

function finished(phase: AnalysisPhase, valueText: string, startedAtMs: number, nowMs: number, message?: string): Measurement {
  return {
    phase, startedAt: rfc3339(startedAtMs), finishedAt: rfc3339(nowMs),
    ...(valueText !== '' ? { value: valueText } : {}), ...(message !== undefined ? { message } : {}),
  };
}
