// revisionHistoryLimit (Kubernetes' cleanupDeployment): delete the oldest idle ReplicaSets beyond the limit.
import type { ReplicaSet } from '../../../api/apps-v1.js';
import { withActions, type DeploymentWork } from './deployment-work.js';
import { compareByCreation, specReplicas } from './replicaset-sets.js';
import { revisionOf } from './revision.js';

/**
 * With limit 2 and old revisions 1, 2, 3, 4 (all scaled to 0 and settled): deletes revisions 1 and 2.
 * A candidate that still has replicas, pods, an unobserved spec or a deletion in progress is skipped
 * (not replaced by a younger one), so the history may stay over the limit for a while.
 */
export function planCleanup(w: DeploymentWork): DeploymentWork {
  const limit = w.spec.revisionHistoryLimit;
  if (limit === undefined) return w;
  const cleanable = w.oldRSs.filter((rs) => rs.metadata.deletionTimestamp === undefined);
  const excess = cleanable.length - limit;
  if (excess <= 0) return w;
  const victims = [...cleanable].sort(compareByRevision).slice(0, excess).filter(isIdle);
  return withActions(w, ...victims.map((rs) => ({ op: 'deleteRS' as const, name: rs.metadata.name ?? '', uid: rs.metadata.uid ?? '' })));
}

function isIdle(rs: Readonly<ReplicaSet>): boolean {
  return (rs.status?.replicas ?? 0) === 0 && specReplicas(rs) === 0
    && (rs.metadata.generation ?? 0) <= (rs.status?.observedGeneration ?? 0);
}

function compareByRevision(a: Readonly<ReplicaSet>, b: Readonly<ReplicaSet>): number {
  const d = (revisionOf(a) ?? 0) - (revisionOf(b) ?? 0);
  return d !== 0 ? d : compareByCreation(a, b);
}
