// The ReplicaSet controller's decision for one reconcile (Kubernetes' syncReplicaSet): claim pods, create
// or delete the difference to spec.replicas, then status. It only counts pods: a changed template never
// touches running pods, it only shapes the pods created from then on (the chapter's 5.1.1 point).
import type { Pod } from '../../../api/core-v1.js';
import { deepEqual } from '../../../lib/deep-equal.js';
import { computePodClaims, podRef, replicaSetOwnerRef } from './claim-pods.js';
import { computeNextAvailableInMs, computeReplicaSetStatus } from './compute-rs-status.js';
import { generatePodName, newPodFromTemplate } from './pod-from-template.js';
import { podsToDelete } from './pod-ranking.js';
import { isPodActive } from './pod-state.js';
import { BURST_REPLICAS, type ReplicaSetAction, type ReplicaSetPlan, type ReplicaSetSnapshot } from './replicaset-types.js';

/**
 * Plans one reconcile of `s.rs`. `rand` ([0, 1), like Math.random) picks new pod names.
 * Creations are one `createPod` per pod, each followed by its `SuccessfulCreate` event; apply runs them in
 * order and stops at the first failure (Kubernetes' slow-start batches of 1, 2, 4 … also stop at the first
 * failed batch; sending them one by one is the simplification). At most 500 pods are created or deleted.
 */
export function planReplicaSet(s: Readonly<ReplicaSetSnapshot>, nowMs: number, rand: () => number): ReplicaSetPlan {
  const claims = computePodClaims(s.rs, s.pods.filter(isPodActive));
  const actions: ReplicaSetAction[] = [...claims.actions];
  const manage = s.expectationsSatisfied && s.rs.metadata.deletionTimestamp === undefined;
  if (manage) actions.push(...planPodCount(s, claims.owned, nowMs, rand));
  const status = computeReplicaSetStatus(s, claims.owned, nowMs);
  if (!deepEqual(s.rs.status, status)) actions.push({ op: 'updateStatus', status });
  const requeueAfterMs = computeNextAvailableInMs(claims.owned, s.rs.spec.minReadySeconds ?? 0, nowMs);
  return requeueAfterMs === undefined ? { actions, status } : { actions, status, requeueAfterMs };
}

function planPodCount(s: Readonly<ReplicaSetSnapshot>, owned: readonly Readonly<Pod>[], nowMs: number, rand: () => number): ReplicaSetAction[] {
  const diff = owned.length - (s.rs.spec.replicas ?? 1);
  if (diff < 0) return planCreations(s, Math.min(-diff, BURST_REPLICAS), rand);
  if (diff > 0) return podsToDelete(owned, Math.min(diff, BURST_REPLICAS), nowMs).flatMap((pod): ReplicaSetAction[] => [
    { op: 'deletePod', pod: podRef(pod) },
    { op: 'event', type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name ?? ''}` },
  ]);
  return [];
}

function planCreations(s: Readonly<ReplicaSetSnapshot>, count: number, rand: () => number): ReplicaSetAction[] {
  const rs = s.rs;
  const taken = new Set(s.pods.map((p) => p.metadata.name ?? ''));
  const actions: ReplicaSetAction[] = [];
  for (let i = 0; i < count; i++) {
    const name = generatePodName(rs.metadata.name ?? '', rand, taken);
    taken.add(name);
    actions.push({ op: 'createPod', pod: newPodFromTemplate(rs.spec.template, name, rs.metadata.namespace, replicaSetOwnerRef(rs)) });
    actions.push({ op: 'event', type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}` });
  }
  return actions;
}
