// Schema of a Rollout's `spec` (argo-rollouts.md §1.3, §1.4, §1.7). Neither `spec` nor `strategy` preserves unknown
// fields, so typos such as the chapter's `spec.Strategy` or `spec.strategy.Canary` are pruned and reported.
import { canaryStep, rolloutAnalysis, rolloutAnalysisBackground } from './canary-steps-schema.js';
import { immutableLabelSelector, labelsAndAnnotations, podTemplate } from './kube-schemas.js';
import { arr, obj } from './schema.js';
import { bool, emptyObj, int, intOrString, str, stringOf, time } from './scalars.js';
import { trafficRouting } from './traffic-routing-schema.js';

const antiAffinity = obj({
  preferredDuringSchedulingIgnoredDuringExecution: obj({ weight: int() }, { required: ['weight'] }),
  requiredDuringSchedulingIgnoredDuringExecution: emptyObj(),
});

/** `strategy.canary`. */
export const canaryStrategy = obj({
  canaryService: str(),
  stableService: str(),
  steps: arr(canaryStep),
  trafficRouting,
  maxUnavailable: intOrString(),
  maxSurge: intOrString(),
  analysis: rolloutAnalysisBackground,
  antiAffinity,
  canaryMetadata: labelsAndAnnotations,
  stableMetadata: labelsAndAnnotations,
  scaleDownDelaySeconds: int(),
  scaleDownDelayRevisionLimit: int(),
  abortScaleDownDelaySeconds: int(),
  dynamicStableScale: bool(),
  pingPong: obj({ pingService: str(), pongService: str() }, { required: ['pingService', 'pongService'] }),
  minPodsPerReplicaSet: int(),
  replicaProgressThreshold: obj({ type: stringOf<'Percent' | 'Pods'>(), value: int() }, { required: ['type', 'value'] }),
});

/** `strategy.blueGreen`. */
export const blueGreenStrategy = obj({
  activeService: str(),
  previewService: str(),
  previewReplicaCount: int(),
  autoPromotionEnabled: bool(),
  autoPromotionSeconds: int(),
  maxUnavailable: intOrString(),
  scaleDownDelaySeconds: int(),
  scaleDownDelayRevisionLimit: int(),
  abortScaleDownDelaySeconds: int(),
  prePromotionAnalysis: rolloutAnalysis,
  postPromotionAnalysis: rolloutAnalysis,
  antiAffinity,
  previewMetadata: labelsAndAnnotations,
  activeMetadata: labelsAndAnnotations,
}, { required: ['activeService'] });

/** A Rollout's `spec`. `strategy` is required here (Argo accepts a Rollout without one, then marks it InvalidSpec). */
export const rolloutSpec = obj({
  replicas: int(),
  selector: immutableLabelSelector,
  template: podTemplate,
  workloadRef: obj({
    apiVersion: str(),
    kind: str(),
    name: str(),
    scaleDown: stringOf<'' | 'never' | 'onsuccess' | 'progressively'>(),
  }),
  minReadySeconds: int(),
  rollbackWindow: obj({ revisions: int() }),
  strategy: obj({ canary: canaryStrategy, blueGreen: blueGreenStrategy }),
  revisionHistoryLimit: int(),
  paused: bool(),
  progressDeadlineSeconds: int(),
  progressDeadlineAbort: bool(),
  restartAt: time(),
  analysis: obj({ successfulRunHistoryLimit: int(), unsuccessfulRunHistoryLimit: int() }),
}, { required: ['strategy'] });
