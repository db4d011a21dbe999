// Kubernetes' `patchStrategy` / `patchMergeKey` struct tags for the built-in kinds, keyed by client-node model.
// Facts from k8s.io/api (core/v1, apps/v1, batch/v1) and k8s.io/apimachinery (meta/v1) types.go; lists
// without a tag (args, tolerations, Ingress rules, Endpoints subsets, CRD versions, …) are replaced whole.
import type { TypeNode } from '../schema/type-node.js';

/** A strategy from a `patchStrategy` tag. */
export type PatchStrategy = 'merge' | 'retainKeys' | 'replace';

/** Patch metadata of one field: merge key of a list of objects and the field's strategies. */
export interface PatchMeta {
  readonly mergeKey?: string;
  readonly strategies: readonly PatchStrategy[];
}

const NONE: PatchMeta = { strategies: [] };
const SET: PatchMeta = { strategies: ['merge'] };
const by = (mergeKey: string): PatchMeta => ({ mergeKey, strategies: ['merge'] });
const byRetainingKeys = (mergeKey: string): PatchMeta => ({ mergeKey, strategies: ['merge', 'retainKeys'] });
const conditions = { conditions: by('type') };
const containerLists = { ports: by('containerPort'), env: by('name'), volumeMounts: by('mountPath'), volumeDevices: by('devicePath') };

const TABLE: Readonly<Record<string, Readonly<Record<string, PatchMeta>>>> = {
  V1ObjectMeta: { ownerReferences: by('uid'), finalizers: SET },
  V1PodSpec: {
    volumes: byRetainingKeys('name'), initContainers: by('name'), containers: by('name'), ephemeralContainers: by('name'),
    imagePullSecrets: by('name'), hostAliases: by('ip'), topologySpreadConstraints: by('topologyKey'),
    schedulingGates: by('name'), resourceClaims: byRetainingKeys('name'),
  },
  V1Container: containerLists,
  V1EphemeralContainer: containerLists,
  V1ContainerStatus: { volumeMounts: by('mountPath'), allocatedResourcesStatus: by('name') },
  V1PodStatus: { ...conditions, hostIPs: by('ip'), podIPs: by('ip'), resourceClaimStatuses: byRetainingKeys('name') },
  V1ServiceSpec: { ports: by('port') },
  V1ServiceStatus: conditions,
  V1ServiceAccount: { secrets: by('name') },
  V1NamespaceStatus: conditions,
  V1NodeSpec: { podCIDRs: SET },
  V1NodeStatus: { ...conditions, addresses: by('type') },
  V1PersistentVolumeClaimStatus: conditions,
  V1ReplicationControllerStatus: conditions,
  V1DeploymentSpec: { strategy: { strategies: ['retainKeys'] } },
  V1DeploymentStatus: conditions,
  V1ReplicaSetStatus: conditions,
  V1StatefulSetStatus: conditions,
  V1DaemonSetStatus: conditions,
  V1JobStatus: conditions,
};

/** The patch metadata of `field` inside `node` (no strategies when untagged or untyped). */
export function patchMetaOf(node: TypeNode | undefined, field: string): PatchMeta {
  if (node?.t !== 'object' || !Object.hasOwn(TABLE, node.name)) return NONE;
  const fields = TABLE[node.name];
  return fields !== undefined && Object.hasOwn(fields, field) ? fields[field] ?? NONE : NONE;
}

/** Every tagged field as `Model.field` (for tests that check the table against the schema). */
export function taggedFields(): readonly string[] {
  return Object.entries(TABLE).flatMap(([model, fields]) => Object.keys(fields).map((f) => `${model}.${f}`));
}
