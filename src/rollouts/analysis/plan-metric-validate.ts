// Metric fields as numbers and rules (utils/analysis ValidateMetrics, GetDryRunMetrics, GetMeasurementRetentionMetrics,
// Metric.EffectiveCount): invalid specs end the run in Error before anything is measured.
import type { IntOrPercent } from '../../api/int-or-percent.js';
import type { DryRun, MeasurementRetention, Metric } from '../../api/rollouts-analysis.js';
import { parseGoDurationMs } from '../plan/pause-duration.js';
import { goRegexMatches } from './go-regex.js';
import type { Resolved } from './plan-metric-args.js';
import { DEFAULT_CONSECUTIVE_ERROR_LIMIT } from './plan-types.js';

/** Go's IntOrString.IntValue(): an int as is, a string through Atoi (0 when it is not an integer). `"3"` → 3, `"50%"` → 0. */
export function intValue(v: IntOrPercent | undefined): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return Math.trunc(v);
  return /^[+-]?\d+$/.test(v) ? Number(v) : 0;
}

/** `failureLimit` (default 0; -1 disables). */
export const failureLimitOf = (m: Readonly<Metric>): number => intValue(m.failureLimit);
/** `inconclusiveLimit` (default 0). */
export const inconclusiveLimitOf = (m: Readonly<Metric>): number => intValue(m.inconclusiveLimit);
/** `consecutiveErrorLimit` (default 4). */
export const consecutiveErrorLimitOf = (m: Readonly<Metric>): number =>
  (m.consecutiveErrorLimit === undefined ? DEFAULT_CONSECUTIVE_ERROR_LIMIT : intValue(m.consecutiveErrorLimit));
/** `consecutiveSuccessLimit` (default 0 = disabled). */
export const consecutiveSuccessLimitOf = (m: Readonly<Metric>): number => intValue(m.consecutiveSuccessLimit);

/**
 * Measurements to take: `count` when > 0; with neither count nor interval, 1; with only an interval, unlimited
 * (undefined: the metric runs until the run is terminated).
 */
export function effectiveCount(m: Readonly<Metric>): number | undefined {
  const count = intValue(m.count);
  if (count === 0) return (m.interval ?? '') === '' ? 1 : undefined;
  return count;
}

/** Milliseconds of a Go duration field, undefined when absent or empty. */
export function durationMs(d: string | undefined): number | undefined {
  return d === undefined || d === '' ? undefined : parseGoDurationMs(d);
}

const PROVIDER_KEYS = ['prometheus', 'job', 'web', 'wavefront', 'kayenta', 'datadog', 'newRelic', 'cloudWatch', 'graphite', 'influxdb', 'skywalking'] as const;

/** The first problem of one metric, in Argo's words, or undefined. */
export function validateMetric(m: Readonly<Metric>): string | undefined {
  const count = intValue(m.count);
  const failureLimit = failureLimitOf(m);
  const successLimit = consecutiveSuccessLimitOf(m);
  const inconclusiveLimit = inconclusiveLimitOf(m);
  if (successLimit < 0) return 'consecutiveSuccessLimit must be >= 0';
  if (failureLimit < -1) return 'failureLimit must be >= 0, or -1 to be disabled';
  if (successLimit === 0 && failureLimit === -1) return 'failureLimit and consecutiveSuccessLimit cannot both be disabled';
  if (inconclusiveLimit < 0) return 'inconclusiveLimit must be >= 0';
  if (m.consecutiveErrorLimit !== undefined && intValue(m.consecutiveErrorLimit) < 0) return 'consecutiveErrorLimit must be >= 0';
  if (count > 0) {
    if (successLimit >= 0 && failureLimit >= 0 && count < failureLimit + successLimit) {
      return `count (${count}) must be >= failureLimit + consecutiveSuccessLimit (${failureLimit} + ${successLimit}) if both >= 0`;
    }
    if (successLimit >= 0 && failureLimit < 0 && count < successLimit) return 'count must be >= consecutiveSuccessLimit';
    if (count < inconclusiveLimit) return 'count must be >= inconclusiveLimit';
  }
  const interval = m.interval ?? '';
  if (count > 1 && interval === '') return 'interval must be specified when count > 1';
  if (interval !== '' && parseGoDurationMs(interval) === undefined) return `invalid interval string: time: invalid duration ${JSON.stringify(interval)}`;
  const delay = m.initialDelay ?? '';
  if (delay !== '' && parseGoDurationMs(delay) === undefined) return `invalid startDelay string: time: invalid duration ${JSON.stringify(delay)}`;
  const p = m.provider;
  const providers = PROVIDER_KEYS.filter((k) => p[k] !== undefined && p[k] !== null).length + Object.keys(p.plugin ?? {}).length;
  if (providers === 0) return 'no provider specified';
  if (providers > 1) return 'multiple providers specified';
  return undefined;
}

/** ValidateMetrics: at least one metric, unique names, each valid (`metrics[1]: interval must be …`). */
export function validateMetrics(metrics: readonly Metric[]): string | undefined {
  if (metrics.length === 0) return 'no metrics specified';
  const seen = new Set<string>();
  for (const [i, m] of metrics.entries()) {
    if (seen.has(m.name)) return `metrics[${i}]: duplicate name '${m.name}'`;
    seen.add(m.name);
    const err = validateMetric(m);
    if (err !== undefined) return `metrics[${i}]: ${err}`;
  }
  return undefined;
}

/** Names of the dry-run metrics (rules are unanchored Go regexes); a rule matching no metric is an error. */
export function dryRunMetricNames(rules: readonly DryRun[] | undefined, metrics: readonly Metric[]): Resolved<Set<string>> {
  const names = new Set<string>();
  for (const [i, rule] of (rules ?? []).entries()) {
    const matched = metrics.filter((m) => goRegexMatches(rule.metricName, m.name));
    if (matched.length === 0) return { ok: false, error: `dryRun[${i}]: Rule didn't match any metric name(s)` };
    for (const m of matched) names.add(m.name);
  }
  return { ok: true, value: names };
}

/** Measurements kept per metric: the limit of the last matching rule when > 0, else 10. */
export function retentionLimits(rules: readonly MeasurementRetention[] | undefined, metrics: readonly Metric[], fallback: number): Resolved<Map<string, number>> {
  const limits = new Map(metrics.map((m) => [m.name, fallback]));
  for (const [i, rule] of (rules ?? []).entries()) {
    const matched = metrics.filter((m) => goRegexMatches(rule.metricName, m.name));
    if (matched.length === 0) return { ok: false, error: `measurementRetention[${i}]: Rule didn't match any metric name(s)` };
    for (const m of matched) limits.set(m.name, rule.limit > 0 ? rule.limit : fallback);
  }
  return { ok: true, value: limits };
}
