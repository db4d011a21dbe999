// Schemas of AnalysisTemplate / ClusterAnalysisTemplate spec and AnalysisRun spec and status (argo-rollouts.md §3.2,
// src/api/rollouts-analysis.ts), plus the pieces Rollouts and Experiments share with them.
import type { AnalysisPhase } from '../rollouts-constants.js';
import { metricProvider } from './metric-providers.js';
import { stringMap } from './kube-schemas.js';
import { arr, obj } from './schema.js';
import { bool, int, intOrString, str, stringOf, time } from './scalars.js';

/** `{templateName, clusterScope}`: a reference to an (Cluster)AnalysisTemplate. */
export const analysisTemplateRef = obj({ templateName: str(), clusterScope: bool() }, { required: ['templateName'] });

/** A template/run argument: a value, or one resolved from a Secret key or a field of the run. */
export const argument = obj({
  name: str(),
  value: str(),
  valueFrom: obj({
    secretKeyRef: obj({ name: str(), key: str() }, { required: ['name', 'key'] }),
    fieldRef: obj({ fieldPath: str() }, { required: ['fieldPath'] }),
  }),
}, { required: ['name'] });

/** `dryRun[]`: metrics (a regular expression over names) whose outcome does not count. */
export const dryRun = arr(obj({ metricName: str() }, { required: ['metricName'] }));

/** `measurementRetention[]`: how many measurements to keep for the matching metrics. */
export const measurementRetention = arr(obj({ metricName: str(), limit: int() }, { required: ['metricName', 'limit'] }));

/** One metric: when to measure, how to judge, and the provider that measures. */
export const metric = obj({
  name: str(),
  interval: str(),
  initialDelay: str(),
  count: intOrString(),
  successCondition: str(),
  failureCondition: str(),
  failureLimit: intOrString(),
  inconclusiveLimit: intOrString(),
  consecutiveErrorLimit: intOrString(),
  consecutiveSuccessLimit: intOrString(),
  provider: metricProvider,
}, { required: ['name', 'provider'] });

/** AnalysisTemplate and ClusterAnalysisTemplate `spec`. */
export const analysisTemplateSpec = obj({
  metrics: arr(metric),
  args: arr(argument),
  dryRun,
  measurementRetention,
  templates: arr(analysisTemplateRef),
});

/** AnalysisRun `spec`. */
export const analysisRunSpec = obj({
  metrics: arr(metric),
  args: arr(argument),
  terminate: bool(),
  dryRun,
  measurementRetention,
  ttlStrategy: obj({ secondsAfterCompletion: int(), secondsAfterFailure: int(), secondsAfterSuccess: int() }),
}, { required: ['metrics'] });

const phase = stringOf<AnalysisPhase>();

const measurement = obj({
  phase,
  message: str(),
  startedAt: time(),
  finishedAt: time(),
  value: str(),
  metadata: stringMap,
  resumeAt: time(),
}, { required: ['phase'] });

const metricResult = obj({
  name: str(),
  phase,
  measurements: arr(measurement),
  message: str(),
  count: int(),
  successful: int(),
  failed: int(),
  inconclusive: int(),
  error: int(),
  consecutiveError: int(),
  consecutiveSuccess: int(),
  dryRun: bool(),
  metadata: stringMap,
}, { required: ['name', 'phase'] });

const runSummary = obj({ count: int(), successful: int(), failed: int(), inconclusive: int(), error: int() });

/** AnalysisRun `status` (written by the controller; `phase` is '' until the first reconcile). */
export const analysisRunStatus = obj({
  phase: stringOf<AnalysisPhase | ''>(),
  message: str(),
  metricResults: arr(metricResult),
  startedAt: time(),
  completedAt: time(),
  runSummary,
  dryRunSummary: runSummary,
}, { required: ['phase'] });
