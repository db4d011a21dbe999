// Schema of a Rollout's `status` (argo-rollouts.md §1.10, src/api/rollouts-status.ts).
import type { AnalysisPhase, PauseReason, RolloutConditionType, RolloutPhase } from '../rollouts-constants.js';
import { arr, obj } from './schema.js';
import { bool, int, int64, opaque, preserveUnknown, str, stringOf, time } from './scalars.js';

const conditionStatus = stringOf<'True' | 'False' | 'Unknown'>();

const condition = obj({
  type: stringOf<RolloutConditionType>(),
  status: conditionStatus,
  lastUpdateTime: time(),
  lastTransitionTime: time(),
  reason: str(),
  message: str(),
}, { required: ['type', 'status', 'lastUpdateTime', 'lastTransitionTime', 'reason', 'message'] });

const analysisRunStatus = obj({ name: str(), status: stringOf<AnalysisPhase | ''>(), message: str() }, { required: ['name', 'status'] });

const weightDestination = obj({ weight: int(), serviceName: str(), podTemplateHash: str() }, { required: ['weight'] });

const stepPluginStatus = obj({
  index: int(),
  name: str(),
  operation: str(),
  phase: str(),
  message: str(),
  startedAt: time(),
  updatedAt: time(),
  finishedAt: time(),
  backoff: str(),
  executions: int(),
  disabled: bool(),
  status: preserveUnknown(),
}, { required: ['index', 'name', 'operation'] });

const canary = obj({
  currentStepAnalysisRunStatus: analysisRunStatus,
  currentBackgroundAnalysisRunStatus: analysisRunStatus,
  currentExperiment: str(),
  weights: obj({
    canary: weightDestination,
    stable: weightDestination,
    additional: arr(weightDestination),
    verified: bool(),
  }, { required: ['canary', 'stable'] }),
  stablePingPong: stringOf<'ping' | 'pong'>(),
  stepPluginStatuses: arr(opaque(stepPluginStatus)),
});

const blueGreen = obj({
  previewSelector: str(),
  activeSelector: str(),
  scaleUpPreviewCheckPoint: bool(),
  prePromotionAnalysisRunStatus: analysisRunStatus,
  postPromotionAnalysisRunStatus: analysisRunStatus,
});

const awsResource = obj({ name: str(), arn: str(), fullName: str() }, { required: ['name', 'arn'] });
const albStatus = obj({ loadBalancer: awsResource, canaryTargetGroup: awsResource, stableTargetGroup: awsResource, ingress: str() });

const duration = obj({
  rolloutStartedAt: time(),
  manualPauseStartedAt: time(),
  totalManualPauseDurationSeconds: int64(),
  finishedAt: time(),
  completionStatus: str(),
});

/** A Rollout's `status` (the `/status` subresource; `HPAReplicas` and `selector` back the `/scale` subresource). */
export const rolloutStatus = obj({
  abort: bool(),
  pauseConditions: arr(obj({ reason: stringOf<PauseReason>(), startTime: time() }, { required: ['reason', 'startTime'] })),
  controllerPause: bool(),
  abortedAt: time(),
  currentPodHash: str(),
  currentStepHash: str(),
  replicas: int(),
  updatedReplicas: int(),
  readyReplicas: int(),
  availableReplicas: int(),
  currentStepIndex: int(),
  collisionCount: int(),
  observedGeneration: str(),
  conditions: arr(condition),
  canary,
  blueGreen,
  HPAReplicas: int(),
  selector: str(),
  stableRS: str(),
  restartedAt: time(),
  promoteFull: bool(),
  phase: stringOf<RolloutPhase>(),
  message: str(),
  workloadObservedGeneration: str(),
  alb: opaque(albStatus),
  albs: arr(opaque(albStatus)),
  duration: opaque(duration),
});
