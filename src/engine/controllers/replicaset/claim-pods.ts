// Adoption and release (Kubernetes' PodControllerRefManager.ClaimPods): a ReplicaSet owns the active pods
// whose controller reference names it and whose labels still match its selector; it adopts matching
// orphans and releases owned pods whose labels no longer match.
import type { Pod } from '../../../api/core-v1.js';
import type { ReplicaSet } from '../../../api/apps-v1.js';
import { matchesSelector } from '../../../api/label-selector.js';
import { controllerRef, type OwnerReference } from '../../../api/meta.js';
import type { PodRef, ReplicaSetAction } from './replicaset-types.js';

/** The pods a ReplicaSet manages after claiming, and the ownership writes that claiming needs. */
export interface PodClaims {
  readonly owned: readonly Readonly<Pod>[];
  readonly actions: readonly ReplicaSetAction[];
}

/** The controller reference a ReplicaSet puts on its pods. */
export function replicaSetOwnerRef(rs: Readonly<ReplicaSet>): OwnerReference {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name ?? '', uid: rs.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/** Claims among `pods` (already filtered to active ones) for `rs`. */
export function computePodClaims(rs: Readonly<ReplicaSet>, pods: readonly Readonly<Pod>[]): PodClaims {
  const owned: Readonly<Pod>[] = [];
  const actions: ReplicaSetAction[] = [];
  const uid = rs.metadata.uid;
  for (const pod of pods) {
    const ref = controllerRef(pod.metadata);
    const matches = matchesSelector(rs.spec.selector, pod.metadata.labels);
    if (ref !== undefined) {
      if (ref.uid !== uid) continue;
      if (matches) owned.push(pod);
      else if (pod.metadata.deletionTimestamp === undefined) actions.push({ op: 'releasePod', pod: podRef(pod), ownerReferences: withoutOwner(pod, uid) });
      continue;
    }
    if (!matches || pod.metadata.deletionTimestamp !== undefined || rs.metadata.deletionTimestamp !== undefined) continue;
    actions.push({ op: 'adoptPod', pod: podRef(pod), ownerReferences: [...(pod.metadata.ownerReferences ?? []), replicaSetOwnerRef(rs)] });
    owned.push(pod);
  }
  return { owned, actions };
}

/** A write target for `pod`, with its uid and resourceVersion as preconditions. */
export function podRef(pod: Readonly<Pod>): PodRef {
  const ref: PodRef = { name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' };
  return pod.metadata.resourceVersion === undefined ? ref : { ...ref, resourceVersion: pod.metadata.resourceVersion };
}

function withoutOwner(pod: Readonly<Pod>, uid: string | undefined): OwnerReference[] {
  return (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
}
