// Scaling events and paused Deployments (Kubernetes' isScalingEvent and scale): resize without advancing
// the rollout, spreading a change of spec.replicas over the active ReplicaSets in proportion to their size.
import type { ReplicaSet } from '../../../api/apps-v1.js';
import type { DeploymentWork } from './deployment-work.js';
import { planScaleReplicaSet, planSetReplicaSetSize } from './plan-scale-replicaset.js';
import { computeMaxSurge } from './resolve-fenceposts.js';
import { activeReplicaSets, compareByCreation, intAnnotation, specReplicas, sumSpecReplicas } from './replicaset-sets.js';
import { DESIRED_REPLICAS, MAX_REPLICAS } from './revision.js';

type RS = Readonly<ReplicaSet>;

/** True when an active ReplicaSet was sized for a different spec.replicas (its desired-replicas annotation). */
export function isScalingEvent(w: DeploymentWork): boolean {
  return activeReplicaSets([w.newRS, ...w.oldRSs]).some((rs) => {
    const desired = intAnnotation(rs, DESIRED_REPLICAS);
    return desired !== undefined && desired !== w.spec.replicas;
  });
}

/**
 * One ReplicaSet active (or none): it gets spec.replicas. A saturated new ReplicaSet: old ones go to 0.
 * Otherwise (RollingUpdate) the difference to spec.replicas + maxSurge is shared out by
 * `computeReplicaSetShares`.
 */
export function planProportionalScale(w: DeploymentWork): DeploymentWork {
  const only = findActiveOrLatest(w.newRS, w.oldRSs);
  if (only !== undefined) return specReplicas(only) === w.spec.replicas ? w : planScaleReplicaSet(w, only, w.spec.replicas).work;
  if (isSaturated(w, w.newRS)) {
    return activeReplicaSets(w.oldRSs).reduce((work, rs) => planScaleReplicaSet(work, rs, 0).work, w);
  }
  if (w.spec.strategy !== 'RollingUpdate') return w;
  const active = activeReplicaSets([...w.oldRSs, w.newRS]);
  const allowed = w.spec.replicas > 0 ? w.spec.replicas + computeMaxSurge(w.spec) : 0;
  const toAdd = allowed - sumSpecReplicas(active);
  const operation = toAdd > 0 ? 'up' : toAdd < 0 ? 'down' : '';
  const sizes = computeReplicaSetShares(active, toAdd, w);
  return sizes.reduce((work, { rs, size }) => planSetReplicaSetSize(work, rs, size, operation).work, w);
}

/**
 * New sizes when `toAdd` replicas (negative: remove) are shared out: each ReplicaSet gets
 * round(replicas × (spec.replicas + maxSurge) / its max-replicas annotation) − replicas, within what is
 * left, biggest first (ties: newest first when growing, oldest first when shrinking); the leftover goes to
 * the first. The Kubernetes docs' example: 10 → 15 replicas, maxSurge 3, old 8 + new 5 (max-replicas 13),
 * 18 allowed, 5 to add: old gets round(8·18/13) − 8 = 3 → 11, new gets round(5·18/13) − 5 = 2 → 7.
 */
export function computeReplicaSetShares(active: readonly RS[], toAdd: number, w: DeploymentWork): { rs: RS; size: number }[] {
  const sorted = [...active].sort((a, b) => specReplicas(b) - specReplicas(a) || (toAdd > 0 ? compareByCreation(b, a) : compareByCreation(a, b)));
  let added = 0;
  const sizes = sorted.map((rs) => {
    const share = toAdd === 0 ? 0 : computeShare(rs, toAdd, added, w);
    added += share;
    return { rs, size: specReplicas(rs) + share };
  });
  const first = sizes[0];
  if (first !== undefined && toAdd !== 0) first.size = Math.max(0, first.size + toAdd - added);
  return sizes;
}

function computeShare(rs: RS, toAdd: number, added: number, w: DeploymentWork): number {
  if (specReplicas(rs) === 0 || toAdd === added) return 0;
  const fraction = computeFraction(rs, w);
  return toAdd > 0 ? Math.min(fraction, toAdd - added) : Math.max(fraction, toAdd - added);
}

function computeFraction(rs: RS, w: DeploymentWork): number {
  if (w.spec.replicas === 0) return -specReplicas(rs);
  const deploymentReplicas = w.spec.replicas + computeMaxSurge(w.spec);
  const annotated = intAnnotation(rs, MAX_REPLICAS) ?? w.snapshot.deployment.status?.replicas ?? 0;
  if (annotated === 0) return 0;
  return roundHalfAwayFromZero((specReplicas(rs) * deploymentReplicas) / annotated) - specReplicas(rs);
}

/** The only active ReplicaSet, or the newest one when none is active; undefined when several are active. */
function findActiveOrLatest(newRS: RS | undefined, oldRSs: readonly RS[]): RS | undefined {
  const newestFirst = [...oldRSs].sort((a, b) => compareByCreation(b, a));
  const active = activeReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** The new ReplicaSet has all desired replicas, was sized for them, and all are available. */
function isSaturated(w: DeploymentWork, rs: RS | undefined): boolean {
  if (rs === undefined) return false;
  const desired = intAnnotation(rs, DESIRED_REPLICAS);
  return specReplicas(rs) === w.spec.replicas && desired === w.spec.replicas && (rs.status?.availableReplicas ?? 0) === w.spec.replicas;
}

function roundHalfAwayFromZero(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}
