// Public surface of the AnalysisRun controller (src/rollouts/analysis).
export { analysisControllerExtra, startAnalysisController, type AnalysisController, type AnalysisControllerOptions } from './analysis-controller.js';
export type { MetricProvider } from './metric-provider.js';
export type { ProviderSet } from './provider-registry.js';
export { JobProvider, type JobLookup } from './provider-job.js';
export { WebProvider } from './provider-web.js';
export { PrometheusProvider, PROMETHEUS_ADDRESS_ENV, type PrometheusProviderOptions } from './provider-prometheus.js';
export { planAnalysisRun } from './plan-analysis-run.js';
export type { AnalysisAction, AnalysisEvent, AnalysisRunPlan, AnalysisRunSnapshot, MeasurementCall, ProviderOutcome } from './plan-types.js';
export { evalCondition, evalTime, evaluateResult } from './evaluate-condition.js';
