// Adoption and release of ReplicaSets (Kubernetes' ClaimReplicaSets): a Deployment owns the ReplicaSets
// whose controller reference names it and whose labels match its selector.
import type { Deployment, ReplicaSet } from '../../../api/apps-v1.js';
import { matchesSelector } from '../../../api/label-selector.js';
import { controllerRef, type OwnerReference } from '../../../api/meta.js';
import type { DeploymentAction } from './deployment-types.js';

/** The ReplicaSets a Deployment manages after claiming (adopted ones with their new owner), and the writes. */
export interface ReplicaSetClaims {
  readonly owned: readonly Readonly<ReplicaSet>[];
  readonly actions: readonly DeploymentAction[];
}

/** The controller reference a Deployment puts on its ReplicaSets. */
export function deploymentOwnerRef(d: Readonly<Deployment>): OwnerReference {
  return { apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name ?? '', uid: d.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/** Claims among every ReplicaSet of the namespace. */
export function computeReplicaSetClaims(d: Readonly<Deployment>, all: readonly Readonly<ReplicaSet>[]): ReplicaSetClaims {
  const owned: Readonly<ReplicaSet>[] = [];
  const actions: DeploymentAction[] = [];
  for (const rs of all) {
    const ref = controllerRef(rs.metadata);
    const matches = matchesSelector(d.spec.selector, rs.metadata.labels);
    if (ref !== undefined) {
      if (ref.uid !== d.metadata.uid) continue;
      if (matches) owned.push(rs);
      else if (rs.metadata.deletionTimestamp === undefined) actions.push({ op: 'updateRS', rs: withOwners(rs, (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== ref.uid)) });
      continue;
    }
    if (!matches || rs.metadata.deletionTimestamp !== undefined || d.metadata.deletionTimestamp !== undefined) continue;
    const adopted = withOwners(rs, [...(rs.metadata.ownerReferences ?? []), deploymentOwnerRef(d)]);
    actions.push({ op: 'updateRS', rs: adopted });
    owned.push(adopted);
  }
  return { owned, actions };
}

function withOwners(rs: Readonly<ReplicaSet>, ownerReferences: OwnerReference[]): ReplicaSet {
  return { ...rs, metadata: { ...rs.metadata, ownerReferences } };
}
