// Revision numbers: each ReplicaSet records the rollout it served in `deployment.kubernetes.io/revision`.
import type { ReplicaSet } from '../../../api/apps-v1.js';

/** The rollout number of a ReplicaSet, mirrored on the Deployment. */
export const REVISION = 'deployment.kubernetes.io/revision';
/** Earlier revisions a ReplicaSet served before a rollback made it current again (`1,3`). */
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
/** spec.replicas of the Deployment when it last sized this ReplicaSet. */
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
/** spec.replicas + maxSurge at that time; proportional scaling divides by it. */
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
/** extensions/v1beta1's rollbackTo, carried as an annotation: the revision to roll back to (0 = previous). */
export const ROLLBACK_TO = 'deprecated.deployment.rollback.to';
/** kubectl apply's record of the applied manifest; never copied onto ReplicaSets. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The revision of `rs`: 0 when absent, undefined when not a number. */
export function revisionOf(rs: Readonly<ReplicaSet>): number | undefined {
  return parseRevision(rs.metadata.annotations?.[REVISION]);
}

/** Parses a revision annotation value: 0 when absent, undefined when not an integer. */
export function parseRevision(value: string | undefined): number | undefined {
  if (value === undefined) return 0;
  return /^-?\d+$/.test(value) ? Number(value) : undefined;
}

/** The highest revision among `rss` (unparsable ones skipped), 0 for none. */
export function computeMaxRevision(rss: readonly Readonly<ReplicaSet>[]): number {
  return Math.max(0, ...rss.map((rs) => revisionOf(rs) ?? 0));
}

/** The second-highest revision among `rss`, the one `rollout undo` goes back to; 0 for none. */
export function computeLastRevision(rss: readonly Readonly<ReplicaSet>[]): number {
  let max = 0;
  let second = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (v >= max) [second, max] = [max, v];
    else if (v > second) second = v;
  }
  return second;
}
