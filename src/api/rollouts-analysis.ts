// argoproj.io/v1alpha1 AnalysisTemplate, ClusterAnalysisTemplate and AnalysisRun (argo-rollouts.md §3).
import type { KubeObject, Time } from './meta.js';
import type { IntOrPercent } from './int-or-percent.js';
import type { AnalysisPhase } from './rollouts-constants.js';

/** A Go duration string such as `30s`, `5m`, `1h30m`. */
export type DurationString = string;

/** A reference from a Rollout (or a nesting template) to an (Cluster)AnalysisTemplate. */
export interface AnalysisTemplateRef {
  templateName: string;
  clusterScope?: boolean;
}

/** An argument of a template or run: `value`, or resolved from a Secret / field at measurement time. */
export interface Argument {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; fieldRef?: { fieldPath: string } };
}

export interface DryRun { metricName: string }
export interface MeasurementRetention { metricName: string; limit: number }

export interface WebMetricHeader { key: string; value: string }

export interface MetricAuthentication {
  sigv4?: { region?: string; profile?: string; roleArn?: string };
  oauth2?: { tokenUrl?: string; clientId?: string; clientSecret?: string; scopes?: string[] };
  basicAuth?: { username?: string; password?: string };
}

export interface PrometheusMetric {
  address?: string;
  query?: string;
  authentication?: MetricAuthentication;
  timeout?: number;
  insecure?: boolean;
  headers?: WebMetricHeader[];
  rangeQuery?: { start?: string; end?: string; step?: DurationString };
}

export interface WebMetric {
  method?: 'GET' | 'POST' | 'PUT';
  url: string;
  headers?: WebMetricHeader[];
  body?: string;
  timeoutSeconds?: number;
  jsonPath?: string;
  insecure?: boolean;
  /** A JSON object (the CRD types it as an object); sent as the body for POST/PUT. */
  jsonBody?: Record<string, unknown>;
  authentication?: MetricAuthentication;
}

export interface JobMetric {
  /** Labels and annotations for the Job (the CRD keeps only these two of ObjectMeta). */
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  /** A batch/v1 JobSpec. */
  spec: Record<string, unknown>;
}

/** Exactly one provider key (or exactly one plugin). Providers Sluice does not model stay schemaless. */
export interface MetricProvider {
  prometheus?: PrometheusMetric;
  web?: WebMetric;
  job?: JobMetric;
  kayenta?: Record<string, unknown>;
  datadog?: Record<string, unknown>;
  wavefront?: { address?: string; query?: string };
  newRelic?: { profile?: string; query: string; timeout?: number };
  cloudWatch?: Record<string, unknown>;
  graphite?: { address?: string; query?: string };
  influxdb?: { profile?: string; query?: string };
  skywalking?: { address?: string; query?: string; interval?: DurationString };
  plugin?: Record<string, unknown>;
}

/** One metric: how often to measure and how to judge the result. */
export interface Metric {
  name: string;
  interval?: DurationString;
  initialDelay?: DurationString;
  count?: IntOrPercent;
  successCondition?: string;
  failureCondition?: string;
  /** Default 0; -1 disables. */
  failureLimit?: IntOrPercent;
  /** Default 0. */
  inconclusiveLimit?: IntOrPercent;
  /** Default 4. */
  consecutiveErrorLimit?: IntOrPercent;
  /** Default 0 (disabled). */
  consecutiveSuccessLimit?: IntOrPercent;
  provider: MetricProvider;
}

/** Spec shared by AnalysisTemplate and ClusterAnalysisTemplate. */
export interface AnalysisTemplateSpec {
  metrics?: Metric[];
  args?: Argument[];
  dryRun?: DryRun[];
  measurementRetention?: MeasurementRetention[];
  /** Nested templates, merged in. */
  templates?: AnalysisTemplateRef[];
}

export interface AnalysisTemplate extends KubeObject {
  kind: 'AnalysisTemplate';
  spec: AnalysisTemplateSpec;
}

export interface ClusterAnalysisTemplate extends KubeObject {
  kind: 'ClusterAnalysisTemplate';
  spec: AnalysisTemplateSpec;
}

export interface TTLStrategy {
  secondsAfterCompletion?: number;
  secondsAfterFailure?: number;
  secondsAfterSuccess?: number;
}

export interface AnalysisRunSpec {
  metrics: Metric[];
  args?: Argument[];
  terminate?: boolean;
  dryRun?: DryRun[];
  measurementRetention?: MeasurementRetention[];
  ttlStrategy?: TTLStrategy;
}

export interface Measurement {
  phase: AnalysisPhase;
  message?: string;
  startedAt?: Time;
  finishedAt?: Time;
  value?: string;
  metadata?: Record<string, string>;
  resumeAt?: Time;
}

export interface MetricResult {
  name: string;
  phase: AnalysisPhase;
  measurements?: Measurement[];
  message?: string;
  count?: number;
  successful?: number;
  failed?: number;
  inconclusive?: number;
  error?: number;
  consecutiveError?: number;
  consecutiveSuccess?: number;
  dryRun?: boolean;
  metadata?: Record<string, string>;
}

export interface RunSummary {
  count?: number;
  successful?: number;
  failed?: number;
  inconclusive?: number;
  error?: number;
}

export interface AnalysisRunStatus {
  phase: AnalysisPhase | '';
  message?: string;
  metricResults?: MetricResult[];
  startedAt?: Time;
  completedAt?: Time;
  runSummary?: RunSummary;
  dryRunSummary?: RunSummary;
}

export interface AnalysisRun extends KubeObject {
  kind: 'AnalysisRun';
  spec: AnalysisRunSpec;
  status?: AnalysisRunStatus;
}
