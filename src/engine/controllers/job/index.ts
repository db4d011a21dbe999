// Public surface of the Job controller's decision layer.
export { planJob } from './plan-job.js';
export { MAX_PODS_PER_SYNC, TRACKING_FINALIZER, type JobAction, type JobPlan, type JobSnapshot, type PodRef, type TrackedJobStatus, type UncountedTerminatedPods } from './job-types.js';
