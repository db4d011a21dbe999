// argoproj.io/v1alpha1: well-known label/annotation keys, enum values and defaults, exactly as Argo Rollouts spells
// them (argo-rollouts.md §1.2, Appendix A).

/** Label on RSs, pods, Service selectors and AnalysisRuns naming a revision's pod-template hash. */
export const POD_TEMPLATE_HASH_LABEL = 'rollouts-pod-template-hash';
/** Monotonic revision on the Rollout and its RSs (and AnalysisRuns). */
export const REVISION_ANNOTATION = 'rollout.argoproj.io/revision';
/** Earlier revisions an RS served (comma-separated), kept when a rollback re-uses it. */
export const REVISION_HISTORY_ANNOTATION = 'rollout.argoproj.io/revision-history';
/** `spec.replicas` of the Rollout when the RS was last scaled; a mismatch on new/stable RS is a scaling event. */
export const DESIRED_REPLICAS_ANNOTATION = 'rollout.argoproj.io/desired-replicas';
/** Generation of the `workloadRef` target last resolved into the Rollout. */
export const WORKLOAD_GENERATION_ANNOTATION = 'rollout.argoproj.io/workload-generation';
/** JSON of the canary/stable/active/preview metadata injected into an RS template. */
export const EPHEMERAL_METADATA_ANNOTATION = 'rollout.argoproj.io/ephemeral-metadata';
/** RFC 3339 UTC time after which an old RS may be scaled to 0. Literally unprefixed (the docs are wrong). */
export const SCALE_DOWN_DEADLINE_ANNOTATION = 'scale-down-deadline';
/** Name of the Rollout managing a Service / Ingress / DestinationRule. */
export const MANAGED_BY_ROLLOUTS_ANNOTATION = 'argo-rollouts.argoproj.io/managed-by-rollouts';
/** Declared by Argo but unused; kept for completeness. */
export const RESTARTED_AFTER_ANNOTATION = 'argo-rollouts.argoproj.io/restarted-after';
/** Controller sharding label (`--instance-id`). */
export const CONTROLLER_INSTANCE_ID_LABEL = 'argo-rollouts.argoproj.io/controller-instance-id';
/** AnalysisRun label: who created the run (`Step`, `Background`, `PrePromotion`, `PostPromotion`). */
export const ROLLOUT_TYPE_LABEL = 'rollout-type';
/** AnalysisRun label: the canary step index that created a step run. */
export const STEP_INDEX_LABEL = 'step-index';
/** Experiment RS annotations. */
export const EXPERIMENT_NAME_ANNOTATION = 'experiment.argoproj.io/name';
export const EXPERIMENT_TEMPLATE_NAME_ANNOTATION = 'experiment.argoproj.io/template-name';
/** Job-provider bookkeeping. */
export const ANALYSIS_RUN_UID_LABEL = 'analysisrun.argoproj.io/uid';
export const ANALYSIS_RUN_NAME_ANNOTATION = 'analysisrun.argoproj.io/name';
export const ANALYSIS_RUN_NAMESPACE_ANNOTATION = 'analysisrun.argoproj.io/namespace';
export const ANALYSIS_RUN_METRIC_NAME_ANNOTATION = 'analysisrun.argoproj.io/metric-name';
/** ALB bookkeeping annotations. */
export const MANAGED_ALB_ACTIONS_ANNOTATION = 'rollouts.argoproj.io/managed-alb-actions';
export const MANAGED_ALB_ANNOTATIONS_ANNOTATION = 'rollouts.argoproj.io/managed-alb-annotations';
/** kubectl's last-applied annotation: never copied from the Rollout onto its RSs. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
/** notifications-engine dedupe state: never copied onto RSs. */
export const NOTIFIED_ANNOTATION = 'notified.notifications.argoproj.io';
/** Plugin name under which Argo manifests configure the Gateway API router. */
export const GATEWAY_API_PLUGIN_NAME = 'argoproj-labs/gatewayAPI';

/** `rollout-type` label values. */
export const ROLLOUT_TYPE = {
  step: 'Step',
  background: 'Background',
  prePromotion: 'PrePromotion',
  postPromotion: 'PostPromotion',
} as const;
export type RolloutType = (typeof ROLLOUT_TYPE)[keyof typeof ROLLOUT_TYPE];

/** Rollout phases (computed controller-side). */
export type RolloutPhase = 'Healthy' | 'Progressing' | 'Paused' | 'Degraded';

/** Pause reasons in `status.pauseConditions`. */
export type PauseReason = 'CanaryPauseStep' | 'BlueGreenPause' | 'InconclusiveAnalysisRun' | 'InconclusiveExperiment';

/** Rollout condition types. */
export type RolloutConditionType = 'InvalidSpec' | 'Available' | 'Progressing' | 'ReplicaFailure' | 'Paused' | 'Completed' | 'Healthy';

/** Phases shared by AnalysisRuns, metrics, measurements and Experiments. */
export type AnalysisPhase = 'Pending' | 'Running' | 'Successful' | 'Failed' | 'Error' | 'Inconclusive';

/** True when an analysis phase is final (Successful, Failed, Error, Inconclusive). */
export function isCompletedPhase(p: AnalysisPhase | '' | undefined): boolean {
  return p === 'Successful' || p === 'Failed' || p === 'Error' || p === 'Inconclusive';
}

/** Defaults of Appendix A (utils/defaults). */
export const ROLLOUT_DEFAULTS = {
  replicas: 1,
  revisionHistoryLimit: 10,
  successfulRunHistoryLimit: 5,
  unsuccessfulRunHistoryLimit: 5,
  /** Any string is a percent in Argo: `"25"` means 25%. */
  maxSurge: '25',
  maxUnavailable: '25',
  progressDeadlineSeconds: 600,
  scaleDownDelaySeconds: 30,
  abortScaleDownDelaySeconds: 30,
  autoPromotionEnabled: true,
  maxTrafficWeight: 100,
  consecutiveErrorLimit: 4,
  measurementRetention: 10,
  webTimeoutSeconds: 10,
  prometheusTimeoutSeconds: 30,
  experimentReplicas: 1,
  /** Rollouts with an InvalidSpec are looked at again after this long. */
  invalidSpecRequeueSeconds: 20,
  /** Restarts are re-checked this often while pods remain to be evicted. */
  restartCheckSeconds: 30,
  /** The controller's resync period (`--rollout-resync`). */
  resyncSeconds: 900,
  /** ALB weight / target-group verification retry. */
  verifyRetrySeconds: 10,
} as const;
