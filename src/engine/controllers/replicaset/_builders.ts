// Test builders for ReplicaSet plans (private to this folder): small objects with readable defaults.
import type { Pod, PodPhase } from '../../../api/core-v1.js';
import type { ReplicaSet, ReplicaSetStatus } from '../../../api/apps-v1.js';
import type { OwnerReference } from '../../../api/meta.js';
import { rfc3339 } from '../../../lib/clock.js';

/** 2025-01-01T00:00:00Z, the epoch of every test. */
export const T0 = Date.UTC(2025, 0, 1);

/** Options of `pod()`: times are seconds after T0. */
export interface PodOptions {
  name: string;
  owner?: Readonly<ReplicaSet> | null;
  labels?: Record<string, string>;
  phase?: PodPhase;
  /** Ready since this many seconds after T0; false = not ready. */
  readyAt?: number | false;
  node?: string;
  restarts?: number;
  createdAt?: number;
  deleting?: boolean;
  deletionCost?: number;
  image?: string;
}

/** A pod, Running and ready since T0 on node `sluice` unless told otherwise. */
export function pod(o: PodOptions): Pod {
  const readyAt = o.readyAt ?? 0;
  const phase = o.phase ?? 'Running';
  const owner = o.owner === undefined || o.owner === null ? undefined : o.owner;
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name: o.name, namespace: 'default', uid: `uid-${o.name}`, resourceVersion: '7',
      creationTimestamp: rfc3339(T0 + (o.createdAt ?? 0) * 1000),
      labels: o.labels ?? { app: 'demo' },
      ...(o.deletionCost === undefined ? {} : { annotations: { 'controller.kubernetes.io/pod-deletion-cost': String(o.deletionCost) } }),
      ...(owner === undefined ? {} : { ownerReferences: [ownerRef(owner)] }),
      ...(o.deleting === true ? { deletionTimestamp: rfc3339(T0) } : {}),
    },
    spec: { containers: [{ name: 'demo', image: o.image ?? 'argoproj/rollouts-demo:blue' }], ...(o.node === '' ? {} : { nodeName: o.node ?? 'sluice' }) },
    status: {
      phase,
      conditions: [readyAt === false ? { type: 'Ready', status: 'False' } : { type: 'Ready', status: 'True', lastTransitionTime: rfc3339(T0 + readyAt * 1000) }],
      containerStatuses: [{ name: 'demo', image: '', imageID: '', ready: readyAt !== false, restartCount: o.restarts ?? 0, state: {}, lastState: {} }],
    },
  };
}

/** The chapter's ReplicaSet `demo` (app=demo, blue) with `replicas`. */
export function rs(o: { replicas: number; minReadySeconds?: number; image?: string; status?: ReplicaSetStatus; deleting?: boolean; generation?: number }): ReplicaSet {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: 'demo', namespace: 'default', uid: 'uid-rs-demo', resourceVersion: '5', generation: o.generation ?? 1,
      creationTimestamp: rfc3339(T0), labels: { app: 'demo' },
      ...(o.deleting === true ? { deletionTimestamp: rfc3339(T0) } : {}),
    },
    spec: {
      replicas: o.replicas,
      ...(o.minReadySeconds === undefined ? {} : { minReadySeconds: o.minReadySeconds }),
      selector: { matchLabels: { app: 'demo' } },
      template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'demo', image: o.image ?? 'argoproj/rollouts-demo:blue' }] } },
    },
    ...(o.status === undefined ? {} : { status: o.status }),
  };
}

/** The controller reference of `owner`. */
export function ownerRef(owner: Readonly<ReplicaSet>): OwnerReference {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/** A deterministic random source that cycles through `values`. */
export function seqRand(values: readonly number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}
