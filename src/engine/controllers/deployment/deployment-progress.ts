// Whether a rollout is complete, progressing or stuck (Kubernetes' DeploymentComplete,
// DeploymentProgressing, DeploymentTimedOut).
import type { DeploymentStatus } from '../../../api/apps-v1.js';
import { parseTime } from '../../../lib/clock.js';
import { getCondition, Reason } from './conditions.js';

/** Complete: every desired replica updated and available, no old ones left, latest spec observed. */
export function isDeploymentComplete(replicas: number, generation: number, status: Readonly<DeploymentStatus> | undefined): boolean {
  return (status?.updatedReplicas ?? 0) === replicas && (status?.replicas ?? 0) === replicas
    && (status?.availableReplicas ?? 0) === replicas && (status?.observedGeneration ?? 0) >= generation;
}

/** Progress since `before`: more updated, fewer old, more ready or more available replicas. */
export function isDeploymentProgressing(before: Readonly<DeploymentStatus> | undefined, after: Readonly<DeploymentStatus>): boolean {
  const oldBefore = (before?.replicas ?? 0) - (before?.updatedReplicas ?? 0);
  const oldAfter = (after.replicas ?? 0) - (after.updatedReplicas ?? 0);
  return (after.updatedReplicas ?? 0) > (before?.updatedReplicas ?? 0) || oldAfter < oldBefore
    || (after.readyReplicas ?? 0) > (before?.readyReplicas ?? 0) || (after.availableReplicas ?? 0) > (before?.availableReplicas ?? 0);
}

/**
 * Timed out: the Progressing condition already says so, or its lastUpdateTime is more than
 * progressDeadlineSeconds ago (strictly). Last progress 00:00:00, deadline 600 s: not at 00:10:00, yes at 00:10:01.
 */
export function isDeploymentTimedOut(deadlineSeconds: number | undefined, status: Readonly<DeploymentStatus>, nowMs: number): boolean {
  if (deadlineSeconds === undefined) return false;
  const cond = getCondition(status, 'Progressing');
  if (cond === undefined || cond.reason === Reason.newReplicaSetAvailable) return false;
  if (cond.reason === Reason.progressDeadlineExceeded) return true;
  return parseTime(cond.lastUpdateTime) + deadlineSeconds * 1000 < nowMs;
}
