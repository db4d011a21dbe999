// Deployment conditions: their reasons, messages and update rules (Kubernetes' deployment util).
import type { DeploymentStatus } from '../../../api/apps-v1.js';
import type { Condition } from '../../../api/meta.js';
import { rfc3339 } from '../../../lib/clock.js';

/** Condition reasons, exactly as Kubernetes writes them. */
export const Reason = {
  newReplicaSetCreated: 'NewReplicaSetCreated',
  foundNewReplicaSet: 'FoundNewReplicaSet',
  replicaSetUpdated: 'ReplicaSetUpdated',
  newReplicaSetAvailable: 'NewReplicaSetAvailable',
  progressDeadlineExceeded: 'ProgressDeadlineExceeded',
  deploymentPaused: 'DeploymentPaused',
  deploymentResumed: 'DeploymentResumed',
  minimumReplicasAvailable: 'MinimumReplicasAvailable',
  minimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

/** The condition of `type` in `status`, if any. */
export function getCondition(status: Readonly<DeploymentStatus> | undefined, type: string): Readonly<Condition> | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** A fresh condition whose update and transition times are `nowMs`. */
export function newCondition(type: string, status: Condition['status'], reason: string, message: string, nowMs: number): Condition {
  const t = rfc3339(nowMs);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/**
 * Sets `cond` (SetDeploymentCondition): nothing changes when a condition of that type already has the same
 * status and reason; a same-status condition keeps its lastTransitionTime; the new one goes last.
 */
export function setCondition(status: Readonly<DeploymentStatus>, cond: Condition): DeploymentStatus {
  const current = getCondition(status, cond.type);
  if (current !== undefined && current.status === cond.status && current.reason === cond.reason) return status;
  const kept = current !== undefined && current.status === cond.status && current.lastTransitionTime !== undefined
    ? { ...cond, lastTransitionTime: current.lastTransitionTime } : cond;
  return { ...status, conditions: [...(status.conditions ?? []).filter((c) => c.type !== cond.type), kept] };
}

/** Removes the condition of `type`. */
export function removeCondition(status: Readonly<DeploymentStatus>, type: string): DeploymentStatus {
  if (getCondition(status, type) === undefined) return status;
  const conditions = (status.conditions ?? []).filter((c) => c.type !== type);
  const { conditions: _dropped, ...rest } = status;
  return conditions.length === 0 ? rest : { ...rest, conditions };
}
