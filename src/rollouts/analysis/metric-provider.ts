// The port every metric provider implements (metricproviders/provider.go, made asynchronous): `run` takes a
// measurement; a provider whose measurements outlive one call (the Job provider) returns a Running measurement
// with `resumeAt` and finishes it in `resume`, or stops it in `terminate`.
import type { AnalysisRun, Measurement, Metric } from '../../api/rollouts-analysis.js';

/** A metric provider. No method rejects: failures are measurements in phase Error with a message. */
export interface MetricProvider {
  /** Argo's provider type name (`Job`, `Web`, `Prometheus`). */
  readonly type: string;
  /** Takes a measurement of `metric` (its args already resolved) for `run`. */
  run(metric: Readonly<Metric>, run: Readonly<AnalysisRun>, signal: AbortSignal): Promise<Measurement>;
  /** Checks on a Running measurement; absent when measurements always finish within `run`. */
  resume?(metric: Readonly<Metric>, run: Readonly<AnalysisRun>, measurement: Readonly<Measurement>, signal: AbortSignal): Promise<Measurement>;
  /** Stops a Running measurement; absent when there is nothing to stop. */
  terminate?(metric: Readonly<Metric>, run: Readonly<AnalysisRun>, measurement: Readonly<Measurement>, signal: AbortSignal): Promise<Measurement>;
  /** Cleans up after measurements beyond the newest `limit` (the Job provider deletes old Jobs). */
  garbageCollect?(metric: Readonly<Metric>, run: Readonly<AnalysisRun>, limit: number, signal: AbortSignal): Promise<void>;
  /** Metadata recorded on the metric's result (Prometheus: `ResolvedPrometheusQuery`). */
  metadata?(metric: Readonly<Metric>): Record<string, string> | undefined;
}
