// The contract between the pure AnalysisRun planner and the controller that applies its plans.
import type { AnalysisRun, AnalysisRunStatus, Measurement } from '../../api/rollouts-analysis.js';

/** Which provider entry point a measurement call uses. */
export type MeasurementCall = 'run' | 'resume' | 'terminate';

/**
 * What a finished provider call produced, waiting to be written into the run's status: a measurement (which may
 * still be Running, e.g. a Job that was just created, with `resumeAt`), or a failure to resolve the metric's
 * arguments (secrets), which ends the whole run in Error as Argo does.
 */
export type ProviderOutcome =
  | {
    readonly outcome: 'measured';
    readonly call: MeasurementCall;
    readonly measurement: Measurement;
    /** Metadata the provider reports for the metric (e.g. Prometheus' `ResolvedPrometheusQuery`). */
    readonly metricMetadata?: Readonly<Record<string, string>>;
  }
  | { readonly outcome: 'argsError'; readonly message: string };

/** Everything one reconcile of one AnalysisRun decides from. */
export interface AnalysisRunSnapshot {
  readonly run: Readonly<AnalysisRun>;
  /** Finished provider calls not yet recorded in status, by metric name. */
  readonly results: ReadonlyMap<string, ProviderOutcome>;
  /** Metrics with a provider call under way in this process. */
  readonly inFlight: ReadonlySet<string>;
  readonly nowMs: number;
}

/** A step the controller carries out. Measurement calls run asynchronously; their outcomes come back as results. */
export type AnalysisAction =
  /** Start a provider call for the metric (the spec's metric; the controller resolves its args, secrets included). */
  | { readonly op: 'measure'; readonly metricName: string; readonly call: MeasurementCall; readonly measurement?: Measurement }
  /** Let the provider clean up after measurements beyond `limit` (the job provider deletes old Jobs). */
  | { readonly op: 'garbageCollect'; readonly metricName: string; readonly limit: number }
  /** The run outlived its `ttlStrategy`. */
  | { readonly op: 'deleteRun' };

/** An Event to record on the AnalysisRun. */
export interface AnalysisEvent {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
}

/** The planner's decision: actions in order, the status to write (when it differs), events, and when to look again. */
export interface AnalysisRunPlan {
  readonly actions: readonly AnalysisAction[];
  readonly status: AnalysisRunStatus;
  readonly events: readonly AnalysisEvent[];
  readonly requeueAfterMs?: number;
}

/** Measurements kept per metric unless `measurementRetention` says otherwise (analysis.go). */
export const DEFAULT_MEASUREMENT_RETENTION = 10;
/** Retry delay after an Error measurement (DefaultErrorRetryInterval). */
export const ERROR_RETRY_INTERVAL_MS = 10_000;
/** Default `consecutiveErrorLimit`. */
export const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;
