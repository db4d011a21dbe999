// Rollout conditions: building, setting (only on a status or reason change) and the predicates Argo derives from
// them (utils/conditions/conditions.go).
import type { RolloutCondition, RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import type { RolloutConditionType } from '../../api/rollouts-constants.js';
import { parseTime, rfc3339 } from '../../lib/clock.js';
import { type RO, progressDeadlineSecondsOf, replicasOf, stepsOf } from './rollout-defaults.js';

/** Reasons and message formats of §1.12, spelled as Argo spells them. */
export const REASON = {
  invalidSpec: 'InvalidSpec',
  available: 'AvailableReason',
  replicaSetUpdated: 'ReplicaSetUpdated',
  newReplicaSetCreated: 'NewReplicaSetCreated',
  foundNewReplicaSet: 'FoundNewReplicaSet',
  newReplicaSetAvailable: 'NewReplicaSetAvailable',
  replicaSetNotAvailable: 'ReplicaSetNotAvailable',
  replicaSetCreateError: 'ReplicaSetCreateError',
  timedOut: 'ProgressDeadlineExceeded',
  aborted: 'RolloutAborted',
  paused: 'RolloutPaused',
  resumed: 'RolloutResumed',
  retry: 'RolloutRetry',
  healthy: 'RolloutHealthy',
  completed: 'RolloutCompleted',
} as const;

export const MESSAGE = {
  available: 'Rollout has minimum availability',
  notAvailable: 'Rollout does not have minimum availability',
  paused: 'Rollout is paused',
  resumed: 'Rollout is resumed',
  retry: 'Retrying Rollout after abort',
  healthy: 'Rollout is healthy',
  notHealthy: 'Rollout is not healthy',
  rsProgressing: (rs: string): string => `ReplicaSet "${rs}" is progressing.`,
  rolloutProgressing: (ro: string): string => `Rollout "${ro}" is progressing.`,
  rsTimedOut: (rs: string): string => `ReplicaSet "${rs}" has timed out progressing.`,
  rolloutTimedOut: (ro: string): string => `Rollout "${ro}" has timed out progressing.`,
  rsCompleted: (rs: string): string => `ReplicaSet "${rs}" has successfully progressed.`,
  newRSCreated: (rs: string): string => `Created new replica set "${rs}"`,
  foundNewRS: (rs: string): string => `Found new replica set "${rs}"`,
  aborted: (revision: number): string => `Rollout aborted update to revision ${revision}`,
  invalid: (ro: string, error: string): string => `The Rollout "${ro}" is invalid: ${error}`,
} as const;

/** A condition stamped now (both times). */
export function newCondition(type: RolloutConditionType, status: RolloutCondition['status'], reason: string, message: string, nowMs: number): RolloutCondition {
  const t = rfc3339(nowMs);
  return { type, status, reason, message, lastUpdateTime: t, lastTransitionTime: t };
}

/** The condition of `type`, if present. */
export function conditionOf(status: RolloutStatus | undefined, type: RolloutConditionType): RolloutCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** `status` without the condition of `type`. */
export function withoutCondition(status: RolloutStatus, type: RolloutConditionType): RolloutStatus {
  const rest = (status.conditions ?? []).filter((c) => c.type !== type);
  const { conditions: _c, ...others } = status;
  return rest.length === 0 ? others : { ...others, conditions: rest };
}

/**
 * Sets a condition unless one with the same status and reason exists (SetRolloutCondition); keeps the old
 * lastTransitionTime when the status is unchanged. Returns whether anything changed. The new one goes last.
 */
export function setCondition(status: RolloutStatus, cond: RolloutCondition): { status: RolloutStatus; changed: boolean } {
  const cur = conditionOf(status, cond.type);
  if (cur !== undefined && cur.status === cond.status && cur.reason === cond.reason) return { status, changed: false };
  const next = cur !== undefined && cur.status === cond.status ? { ...cond, lastTransitionTime: cur.lastTransitionTime } : cond;
  const others = (status.conditions ?? []).filter((c) => c.type !== cond.type);
  return { status: { ...status, conditions: [...others, next] }, changed: true };
}

/** `setCondition(...).status`. */
export function withCondition(status: RolloutStatus, cond: RolloutCondition): RolloutStatus {
  return setCondition(status, cond).status;
}

/** stableRS is set and equals the current pod hash (RolloutCompleted). */
export function isCompleted(status: RolloutStatus): boolean {
  return (status.stableRS ?? '') !== '' && status.stableRS === status.currentPodHash;
}

/**
 * All R pods updated and available, generation observed, strategy finished (canary: all steps, stable = current,
 * no extra pods; blue-green: active and preview on the current hash). RolloutHealthy.
 */
export function isHealthy(ro: RO, s: RolloutStatus): boolean {
  const r = replicasOf(ro);
  const bg = ro.spec.strategy.blueGreen;
  const steps = stepsOf(ro).length;
  const done = bg !== undefined
    ? s.blueGreen?.activeSelector === s.currentPodHash && ((bg.previewService ?? '') === '' || s.blueGreen?.previewSelector === s.currentPodHash)
    : (steps === 0 || s.currentStepIndex === undefined || s.currentStepIndex === steps) && isCompleted(s) && (s.replicas ?? 0) === r;
  return (s.updatedReplicas ?? 0) === r && (s.availableReplicas ?? 0) === r
    && ro.status?.observedGeneration === String(ro.metadata.generation ?? 0) && done;
}

/**
 * Progress since the last status (RolloutProgressing): updated pods changed, old pods went away, more ready or
 * available, or — canary — stable hash / step index / step hash changed; — blue-green — a selector changed.
 */
export function isProgressing(ro: RO, s: RolloutStatus): boolean {
  const old = ro.status ?? {};
  const index = s.currentStepIndex !== undefined && old.currentStepIndex !== undefined && s.currentStepIndex !== old.currentStepIndex;
  const strategy = ro.spec.strategy.blueGreen !== undefined
    ? (old.blueGreen?.activeSelector ?? '') !== (s.blueGreen?.activeSelector ?? '') || (old.blueGreen?.previewSelector ?? '') !== (s.blueGreen?.previewSelector ?? '')
    : (s.stableRS ?? '') !== (old.stableRS ?? '') || index || (s.currentStepHash ?? '') !== (old.currentStepHash ?? '');
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) !== (old.updatedReplicas ?? 0) || newOld < oldOld
    || (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0) || strategy;
}

/** The instant the progress deadline expires (Progressing.lastUpdateTime + progressDeadlineSeconds), NaN if none. */
export function progressDeadlineMs(ro: RO, s: RolloutStatus): number {
  const cond = conditionOf(s, 'Progressing');
  return parseTime(cond?.lastUpdateTime) + progressDeadlineSecondsOf(ro) * 1000;
}

/**
 * The Progressing condition says ProgressDeadlineExceeded, or its lastUpdateTime is older than the deadline. Never
 * for an aborted or paused condition. Sluice counts the deadline instant itself as expired (Argo: strictly after).
 */
export function isTimedOut(ro: RO, s: RolloutStatus, nowMs: number): boolean {
  const cond = conditionOf(s, 'Progressing');
  if (cond === undefined || cond.reason === REASON.aborted || cond.reason === REASON.paused) return false;
  if (cond.reason === REASON.timedOut) return true;
  return nowMs >= progressDeadlineMs(ro, s);
}
