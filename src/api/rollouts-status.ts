// argoproj.io/v1alpha1 RolloutStatus (argo-rollouts.md §1.10), field for field as Argo writes it.
import type { Time } from './meta.js';
import type { AnalysisPhase, PauseReason, RolloutConditionType, RolloutPhase } from './rollouts-constants.js';

/** The condition shape of a Rollout (every field is always written). */
export interface RolloutCondition {
  type: RolloutConditionType;
  status: 'True' | 'False' | 'Unknown';
  lastUpdateTime: Time;
  lastTransitionTime: Time;
  reason: string;
  message: string;
}

export interface PauseCondition { reason: PauseReason; startTime: Time }

/** `{name, status, message}` of the AnalysisRun currently attached to a role. */
export interface RolloutAnalysisRunStatus { name: string; status: AnalysisPhase | ''; message?: string }

export interface WeightDestination { weight: number; serviceName?: string; podTemplateHash?: string }

/** What the controller last set on the traffic router. */
export interface TrafficWeights {
  canary: WeightDestination;
  stable: WeightDestination;
  additional?: WeightDestination[];
  verified?: boolean;
}

export interface CanaryStatus {
  currentStepAnalysisRunStatus?: RolloutAnalysisRunStatus;
  currentBackgroundAnalysisRunStatus?: RolloutAnalysisRunStatus;
  currentExperiment?: string;
  weights?: TrafficWeights;
  stablePingPong?: 'ping' | 'pong';
  stepPluginStatuses?: Record<string, unknown>[];
}

export interface BlueGreenStatus {
  previewSelector?: string;
  activeSelector?: string;
  scaleUpPreviewCheckPoint?: boolean;
  prePromotionAnalysisRunStatus?: RolloutAnalysisRunStatus;
  postPromotionAnalysisRunStatus?: RolloutAnalysisRunStatus;
}

export interface RolloutStatus {
  abort?: boolean;
  pauseConditions?: PauseCondition[];
  controllerPause?: boolean;
  abortedAt?: Time;
  currentPodHash?: string;
  currentStepHash?: string;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  /** Absent when there are no steps; `steps.length` when all are done. */
  currentStepIndex?: number;
  collisionCount?: number;
  /** A stringified integer (not a number). */
  observedGeneration?: string;
  conditions?: RolloutCondition[];
  canary?: CanaryStatus;
  blueGreen?: BlueGreenStatus;
  /** JSON key capitalised as Argo has it; served as the scale subresource's status.replicas. */
  HPAReplicas?: number;
  selector?: string;
  /** A pod-template hash, not an RS name. */
  stableRS?: string;
  restartedAt?: Time;
  promoteFull?: boolean;
  phase?: RolloutPhase;
  message?: string;
  workloadObservedGeneration?: string;
  alb?: Record<string, unknown>;
  albs?: Record<string, unknown>[];
  duration?: Record<string, unknown>;
}
