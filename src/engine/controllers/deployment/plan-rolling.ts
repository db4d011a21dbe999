// RollingUpdate (Kubernetes' rolloutRolling): per reconcile, either grow the new ReplicaSet within
// maxSurge, or shrink old ones within maxUnavailable, or, once complete, trim history.
import type { ReplicaSet } from '../../../api/apps-v1.js';
import { isDeploymentComplete } from './deployment-progress.js';
import { allReplicaSets, type DeploymentWork } from './deployment-work.js';
import { computeNewRSReplicas } from './new-rs-replicas.js';
import { planCleanup } from './plan-cleanup.js';
import { planNewReplicaSet } from './plan-new-replicaset.js';
import { planScaleReplicaSet, type ScaleStep } from './plan-scale-replicaset.js';
import { computeMaxUnavailable } from './resolve-fenceposts.js';
import { activeReplicaSets, compareByCreation, specReplicas, sumSpecReplicas, sumStatus } from './replicaset-sets.js';

/** A strategy's work, and the ReplicaSets (as found before scaling, like Kubernetes) to compute status from. */
export interface StrategyStep {
  readonly work: DeploymentWork;
  readonly statusRSs: readonly Readonly<ReplicaSet>[];
  readonly collided: boolean;
}

/** One RollingUpdate step. */
export function planRolling(start: DeploymentWork): StrategyStep {
  const found = planNewReplicaSet(start, true);
  if (found.collided) return { work: found.work, statusRSs: [], collided: true };
  const statusRSs = allReplicaSets(found.work);
  const up = planGrowNewRS(found.work);
  if (up.scaled) return { work: up.work, statusRSs, collided: false };
  const down = planShrinkOldRSs(up.work);
  if (down.scaled) return { work: down.work, statusRSs, collided: false };
  const d = start.snapshot.deployment;
  const complete = isDeploymentComplete(start.spec.replicas, d.metadata.generation ?? 0, d.status);
  return { work: complete ? planCleanup(down.work) : down.work, statusRSs, collided: false };
}

function planGrowNewRS(w: DeploymentWork): ScaleStep {
  const newRS = w.newRS;
  if (newRS === undefined || specReplicas(newRS) === w.spec.replicas) return { work: w, scaled: false };
  if (specReplicas(newRS) > w.spec.replicas) return planScaleReplicaSet(w, newRS, w.spec.replicas);
  return planScaleReplicaSet(w, newRS, computeNewRSReplicas(w.spec, allReplicaSets(w), newRS));
}

/**
 * Shrinks old ReplicaSets by at most allPods − minAvailable − newRSUnavailable, unhealthy replicas first.
 * Kubernetes' worked example: 10 replicas, maxUnavailable 2, maxSurge 3; the new ReplicaSet grew to 5,
 * old ones shrank to 8, all 5 new pods crash-loop: 13 − 8 − 5 = 0, nothing more is scaled down even when
 * an old pod fails. After `rollout undo` the "new" ReplicaSet is the healthy old one with 8 (1 of them
 * down): 13 − 8 − 1 = 4, so 4 crash-looping pods go.
 */
function planShrinkOldRSs(w: DeploymentWork): ScaleStep {
  const newRS = w.newRS;
  const oldRSs = activeReplicaSets(w.oldRSs);
  if (newRS === undefined || sumSpecReplicas(oldRSs) === 0) return { work: w, scaled: false };
  const minAvailable = w.spec.replicas - computeMaxUnavailable(w.spec);
  const newRSUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = sumSpecReplicas(allReplicaSets(w)) - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return { work: w, scaled: false };
  const cleaned = planScaleDownUnhealthy(w, oldRSs, maxScaledDown);
  // Kubernetes gives up on this step (but keeps what it already wrote) when a stale status claims
  // more available than desired replicas.
  if (cleaned.aborted) return { work: cleaned.work, scaled: false };
  const names = new Set(oldRSs.map((rs) => rs.metadata.name));
  const cleanedOld = cleaned.work.oldRSs.filter((rs) => names.has(rs.metadata.name));
  const scaled = planScaleDownAvailable(cleaned.work, cleanedOld, newRS);
  return { work: scaled.work, scaled: cleaned.scaled || scaled.scaled };
}

/** Removes replicas that are not available from old ReplicaSets, oldest first; they cost no availability. */
function planScaleDownUnhealthy(w: DeploymentWork, oldRSs: readonly Readonly<ReplicaSet>[], maxCleanup: number): ScaleStep & { aborted: boolean } {
  let work = w;
  let total = 0;
  for (const rs of [...oldRSs].sort(compareByCreation)) {
    if (total >= maxCleanup) break;
    const unhealthy = specReplicas(rs) - (rs.status?.availableReplicas ?? 0);
    if (specReplicas(rs) === 0 || unhealthy === 0) continue;
    if (unhealthy < 0) return { work, scaled: total > 0, aborted: true };
    const count = Math.min(maxCleanup - total, unhealthy);
    work = planScaleReplicaSet(work, rs, specReplicas(rs) - count).work;
    total += count;
  }
  return { work, scaled: total > 0, aborted: false };
}

/** Removes available replicas from old ReplicaSets, oldest first, while availability stays ≥ minAvailable. */
function planScaleDownAvailable(w: DeploymentWork, oldRSs: readonly Readonly<ReplicaSet>[], newRS: Readonly<ReplicaSet>): ScaleStep {
  const minAvailable = w.spec.replicas - computeMaxUnavailable(w.spec);
  const available = sumStatus([...oldRSs, newRS], 'availableReplicas');
  if (available <= minAvailable) return { work: w, scaled: false };
  const budget = available - minAvailable;
  let work = w;
  let total = 0;
  for (const rs of [...oldRSs].sort(compareByCreation)) {
    if (total >= budget) break;
    if (specReplicas(rs) === 0) continue;
    const count = Math.min(specReplicas(rs), budget - total);
    work = planScaleReplicaSet(work, rs, specReplicas(rs) - count).work;
    total += count;
  }
  return { work, scaled: total > 0 };
}
