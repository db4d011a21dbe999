// Recreate (Kubernetes' rolloutRecreate): scale every old ReplicaSet to 0, wait until none of their pods
// runs, then create or grow the new ReplicaSet to spec.replicas in one go.
import type { Pod } from '../../../api/core-v1.js';
import type { ReplicaSet } from '../../../api/apps-v1.js';
import { controllerRef } from '../../../api/meta.js';
import { isDeploymentComplete } from './deployment-progress.js';
import { allReplicaSets, type DeploymentWork } from './deployment-work.js';
import { planCleanup } from './plan-cleanup.js';
import { planNewReplicaSet } from './plan-new-replicaset.js';
import type { StrategyStep } from './plan-rolling.js';
import { planScaleReplicaSet } from './plan-scale-replicaset.js';
import { activeReplicaSets, sumStatus } from './replicaset-sets.js';

/** One Recreate step. */
export function planRecreate(start: DeploymentWork): StrategyStep {
  const synced = planNewReplicaSet(start, false).work;
  let work = synced;
  let scaledDown = false;
  for (const rs of activeReplicaSets(synced.oldRSs)) {
    const step = planScaleReplicaSet(work, rs, 0);
    work = step.work;
    scaledDown = scaledDown || step.scaled;
  }
  if (scaledDown || hasOldPodsRunning(synced)) return { work, statusRSs: allReplicaSets(synced), collided: false };
  const found = planNewReplicaSet(work, true);
  if (found.collided) return { work: found.work, statusRSs: [], collided: true };
  const statusRSs = allReplicaSets(found.work);
  const newRS = found.work.newRS;
  work = newRS === undefined ? found.work : planScaleReplicaSet(found.work, newRS, start.spec.replicas).work;
  const d = start.snapshot.deployment;
  if (isDeploymentComplete(start.spec.replicas, d.metadata.generation ?? 0, d.status)) work = planCleanup(work);
  return { work, statusRSs, collided: false };
}

/** Old ReplicaSets still report pods, or a pod of theirs has not reached Succeeded or Failed. */
function hasOldPodsRunning(w: DeploymentWork): boolean {
  if (sumStatus(w.oldRSs, 'replicas') > 0) return true;
  const oldUids = new Set(w.oldRSs.map((rs: Readonly<ReplicaSet>) => rs.metadata.uid));
  return w.snapshot.pods.some((p: Readonly<Pod>) => {
    const uid = controllerRef(p.metadata)?.uid;
    const phase = p.status?.phase;
    return uid !== undefined && oldUids.has(uid) && phase !== 'Succeeded' && phase !== 'Failed';
  });
}
