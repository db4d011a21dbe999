// The public surface of rollouts/ops: user operations against an API server (promote, abort, retry, pause, restart,
// undo, set image, AnalysisRun create/terminate), the `get rollout` view and its live watch, the `list` row, offline
// lint and the update simulation. The CLI and the dashboard call these.
export { applyRolloutPatch, type SentPatch } from './apply-rollout-patch.js';
export { abortRollout, pauseRollout, promoteRollout, restartRollout, retryRollout, type OperationResult } from './rollout-operations.js';
export { chooseRevision, undoRollout, UndoError, type UndoResult } from './undo-rollout.js';
export { setRolloutImage, withImage, SetImageError, type SetImageResult } from './set-image.js';
export { createAnalysisRunFromTemplate, terminateAnalysisRun, AnalysisRunInputError } from './analysis-run-operations.js';
export { buildRunFromTemplate, mergeTemplateArgs, parseArgFlags, type RunNaming } from './analysis-run-from-template.js';
export { computeRolloutInfo, type ImageInfo, type RevisionInfo, type RolloutInfo, type RolloutObjects } from './rollout-info.js';
export type { ReplicaSetInfo, RoleTag } from './replica-set-info.js';
export type { PodInfo } from './pod-info.js';
export type { AnalysisRunInfo, JobInfo } from './analysis-run-info.js';
export type { PauseCountdown } from './pause-countdown.js';
export { ICON, KIND_ICON } from './info-icons.js';
export { humanDuration, ageOf } from './human-duration.js';
export { computeRolloutListRow, type RolloutListRow } from './rollout-list-row.js';
export { readRolloutObjects, watchRolloutObjects, type RolloutWatchOptions } from './rollout-watch.js';
export { LatestValue } from './latest-value.js';
export { checkObjectFields, lintManifests, readManifestObjects, type LintProblem, type LintReport } from './lint-manifests.js';
export { formatPath, type FieldProblem } from './field-schema.js';
export { simulateRollout, type Simulation, type SimulatedStage } from './simulate-rollout.js';
export type { SimulationInputs } from './simulation-world.js';
export { withStubs, type FileObjects } from './lint-references.js';
export { listRollouts, watchRolloutList } from './rollout-list-watch.js';
