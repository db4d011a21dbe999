// Deployment status: counters from the ReplicaSets, the Available condition, and during rollouts the
// Progressing condition (Kubernetes' calculateStatus, syncRolloutStatus, requeueStuckDeployment).
import type { DeploymentStatus, ReplicaSet } from '../../../api/apps-v1.js';
import type { Condition } from '../../../api/meta.js';
import { parseTime } from '../../../lib/clock.js';
import { getCondition, newCondition, Reason, removeCondition, setCondition } from './conditions.js';
import { isDeploymentComplete, isDeploymentProgressing, isDeploymentTimedOut } from './deployment-progress.js';
import type { DeploymentWork } from './deployment-work.js';
import { computeMaxUnavailable } from './resolve-fenceposts.js';
import { sumSpecReplicas, sumStatus } from './replicaset-sets.js';

type RS = Readonly<ReplicaSet>;

/**
 * Counters summed over `rss` (updatedReplicas from the new ReplicaSet alone), observedGeneration, and
 * Available: True while availableReplicas ≥ spec.replicas − maxUnavailable. Zero counters are omitted.
 */
export function computeDeploymentStatus(w: DeploymentWork, rss: readonly RS[]): DeploymentStatus {
  const available = sumStatus(rss, 'availableReplicas');
  const counters: Record<string, number> = {
    replicas: sumStatus(rss, 'replicas'),
    updatedReplicas: w.newRS === undefined ? 0 : sumStatus(rss.filter((rs) => rs.metadata.name === w.newRS?.metadata.name), 'replicas'),
    readyReplicas: sumStatus(rss, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sumSpecReplicas(rss) - available),
  };
  const generation = w.d.metadata.generation;
  let status: DeploymentStatus = {
    ...(generation === undefined ? {} : { observedGeneration: generation }),
    ...Object.fromEntries(Object.entries(counters).filter(([, n]) => n !== 0)),
    ...(w.d.status?.conditions === undefined ? {} : { conditions: w.d.status.conditions }),
    ...(w.d.status?.collisionCount === undefined ? {} : { collisionCount: w.d.status.collisionCount }),
  };
  status = available >= w.spec.replicas - computeMaxUnavailable(w.spec)
    ? setCondition(status, newCondition('Available', 'True', Reason.minimumReplicasAvailable, 'Deployment has minimum availability.', w.nowMs))
    : setCondition(status, newCondition('Available', 'False', Reason.minimumReplicasUnavailable, 'Deployment does not have minimum availability.', w.nowMs));
  return status;
}

/**
 * The status plus the Progressing condition (only with a progress deadline): NewReplicaSetAvailable once
 * complete (`ReplicaSet "demo-5c5575fb88" has successfully progressed.`), ReplicaSetUpdated on any progress
 * (refreshing lastUpdateTime, the deadline's base), ProgressDeadlineExceeded when stuck for longer than
 * progressDeadlineSeconds; and any ReplicaFailure of the ReplicaSets.
 */
export function computeRolloutStatus(w: DeploymentWork, rss: readonly RS[]): DeploymentStatus {
  let status = computeDeploymentStatus(w, rss);
  const deadline = w.spec.progressDeadlineSeconds;
  if (deadline === undefined) status = removeCondition(status, 'Progressing');
  const current = getCondition(w.d.status, 'Progressing');
  const settled = status.replicas === status.updatedReplicas && current?.reason === Reason.newReplicaSetAvailable;
  if (deadline !== undefined && !settled) status = computeProgressing(w, status, current);
  const failure = computeReplicaFailure(w.newRS, rss);
  return failure === undefined ? removeCondition(status, 'ReplicaFailure') : setCondition(status, failure);
}

/**
 * When the next deadline check is due: lastUpdateTime + progressDeadlineSeconds − now, plus a second
 * (Kubernetes' margin). Last update 00:00:00, deadline 600 s, now 00:03:00 → 421 000 ms.
 */
export function computeProgressRequeueMs(w: DeploymentWork, status: Readonly<DeploymentStatus>): number | undefined {
  const deadline = w.spec.progressDeadlineSeconds;
  const cond = getCondition(status, 'Progressing');
  if (deadline === undefined || cond === undefined || cond.reason === Reason.progressDeadlineExceeded) return undefined;
  if (isDeploymentComplete(w.spec.replicas, w.d.metadata.generation ?? 0, status)) return undefined;
  const after = parseTime(cond.lastUpdateTime) + deadline * 1000 - w.nowMs;
  return Number.isNaN(after) ? undefined : Math.max(0, after) + 1000;
}

function computeProgressing(w: DeploymentWork, status: DeploymentStatus, current: Readonly<Condition> | undefined): DeploymentStatus {
  const subject = w.newRS === undefined ? `Deployment "${w.d.metadata.name ?? ''}"` : `ReplicaSet "${w.newRS.metadata.name ?? ''}"`;
  if (isDeploymentComplete(w.spec.replicas, w.d.metadata.generation ?? 0, status)) {
    return setCondition(status, newCondition('Progressing', 'True', Reason.newReplicaSetAvailable, `${subject} has successfully progressed.`, w.nowMs));
  }
  if (isDeploymentProgressing(w.d.status, status)) {
    const cond = newCondition('Progressing', 'True', Reason.replicaSetUpdated, `${subject} is progressing.`, w.nowMs);
    // Unlike setCondition, progress always refreshes lastUpdateTime, even with an unchanged reason.
    const kept = current?.status === 'True' && current.lastTransitionTime !== undefined ? { ...cond, lastTransitionTime: current.lastTransitionTime } : cond;
    return setCondition(removeCondition(status, 'Progressing'), kept);
  }
  if (isDeploymentTimedOut(w.spec.progressDeadlineSeconds, status, w.nowMs)) {
    return setCondition(status, newCondition('Progressing', 'False', Reason.progressDeadlineExceeded, `${subject} has timed out progressing.`, w.nowMs));
  }
  return status;
}

/** A ReplicaFailure of the new ReplicaSet, else of any other, as a Deployment condition. */
function computeReplicaFailure(newRS: RS | undefined, rss: readonly RS[]): Condition | undefined {
  const fromRS = (rs: RS | undefined): Readonly<Condition> | undefined => rs?.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  const c = fromRS(newRS) ?? rss.map(fromRS).find((x) => x !== undefined);
  if (c === undefined) return undefined;
  return { ...c, ...(c.lastTransitionTime === undefined ? {} : { lastUpdateTime: c.lastTransitionTime }) };
}
