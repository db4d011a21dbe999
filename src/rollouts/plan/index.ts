// The public surface of the rollouts decision layer: planRollout and what observe/apply, the CLI and the
// dashboard need around it. Everything here is pure.
export type { RolloutSnapshot, TrafficRouterState } from './snapshot.js';
export { allReplicaSetsOf } from './snapshot.js';
export type { RolloutAction, RolloutEvent, RolloutPlan, AnnotationChanges } from './actions.js';
export { planRollout } from './plan-rollout.js';
export { classifyReplicaSets, computePodTemplateHash, findNewReplicaSet, podTemplateEqualIgnoreHash } from './pod-template-hash.js';
export { computeStepHash } from './step-hash.js';
export { computeRolloutPhase, rolloutPhaseForClients, type PhaseAndMessage } from './rollout-phase.js';
export { computeCanaryWeights, type CanaryWeights } from './actual-weight.js';
export { validateRollout, formatArgoFieldError } from './validate-rollout.js';
export { validateReferences } from './validate-references.js';
export { abortPatch, pausePatch, promotePatch, restartPatch, retryPatch, type RolloutPatch } from './user-operations.js';
export { currentCanaryStep, currentSetWeight, canaryStepString } from './canary-step.js';
export { backgroundAnalysisOf } from './analysis-canary.js';
export { pauseDurationSeconds, parseGoDurationMs } from './pause-duration.js';
export { approximateWeightedCanaryStableReplicaCounts, computeBasicCanaryReplicaCounts } from './basic-canary-replicas.js';
export { computeTrafficRoutedReplicaCounts } from './traffic-routed-replicas.js';
export { maxSurgeOf, maxUnavailableOf, maxTrafficWeightOf, replicasOf, resolveFenceposts } from './rollout-defaults.js';
