// Schemas of an Experiment's `spec` and `status` (argo-rollouts.md §1.13, src/api/rollouts-experiment.ts).
import type { AnalysisPhase } from '../rollouts-constants.js';
import type { ExperimentCondition, TemplateStatusCode } from '../rollouts-experiment.js';
import { argument, dryRun, measurementRetention } from './analysis-schema.js';
import { labelSelector, labelsAndAnnotations, podTemplate } from './kube-schemas.js';
import { arr, obj } from './schema.js';
import { bool, int, str, stringOf, time } from './scalars.js';

const template = obj({
  name: str(),
  replicas: int(),
  minReadySeconds: int(),
  selector: labelSelector,
  template: podTemplate,
  service: obj({ name: str() }),
}, { required: ['name', 'selector', 'template'] });

const analysis = obj({
  name: str(),
  templateName: str(),
  clusterScope: bool(),
  args: arr(argument),
  requiredForCompletion: bool(),
}, { required: ['name', 'templateName'] });

/** An Experiment's `spec`. */
export const experimentSpec = obj({
  templates: arr(template),
  duration: str(),
  progressDeadlineSeconds: int(),
  terminate: bool(),
  analyses: arr(analysis),
  scaleDownDelaySeconds: int(),
  dryRun,
  measurementRetention,
  analysisRunMetadata: labelsAndAnnotations,
}, { required: ['templates'] });

const templateStatus = obj({
  name: str(),
  replicas: int(),
  updatedReplicas: int(),
  readyReplicas: int(),
  availableReplicas: int(),
  collisionCount: int(),
  status: stringOf<TemplateStatusCode>(),
  message: str(),
  lastTransitionTime: time(),
  serviceName: str(),
  podTemplateHash: str(),
}, { required: ['name', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas'] });

const condition = obj({
  type: stringOf<ExperimentCondition['type']>(),
  status: stringOf<ExperimentCondition['status']>(),
  lastUpdateTime: time(),
  lastTransitionTime: time(),
  reason: str(),
  message: str(),
}, { required: ['type', 'status', 'lastUpdateTime', 'lastTransitionTime', 'reason', 'message'] });

/** An Experiment's `status`. */
export const experimentStatus = obj({
  phase: stringOf<AnalysisPhase>(),
  message: str(),
  templateStatuses: arr(templateStatus),
  availableAt: time(),
  conditions: arr(condition),
  analysisRuns: arr(obj({ name: str(), analysisRun: str(), phase: stringOf<AnalysisPhase>(), message: str() }, { required: ['name', 'analysisRun', 'phase'] })),
});
