// Wire types shared by every Kubernetes object (meta.k8s.io/v1), as JSON carries them.

/** RFC 3339 timestamp as it appears on the wire, e.g. `2025-01-01T00:00:00Z`. */
export type Time = string;

/** A reference from a dependent to its owner; `controller: true` marks the managing owner. */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** Standard object metadata. Server-set fields are optional because clients send objects without them. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: Time;
  deletionTimestamp?: Time;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  /** Server-side-apply bookkeeping; Sluice drops it on write. */
  managedFields?: unknown[];
}

/** Any Kubernetes object. Unknown top-level fields (spec, status, data, …) are reached by index. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** An object known to be stored: the server has set name, uid and resourceVersion. */
export interface StoredMeta extends ObjectMeta {
  name: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: Time;
}

export interface ListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface KubeList<T = KubeObject> {
  apiVersion: string;
  kind: string;
  metadata: ListMeta;
  items: T[];
}

/** The condition shape used by Deployments, ReplicaSets, Jobs and Rollouts. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastUpdateTime?: Time;
  lastTransitionTime?: Time;
  lastProbeTime?: Time;
}

/** Cause of a rejected request, pointing at one field (metav1.StatusCause). */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** metav1.Status: the body of every error response and of some successful deletes. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: ListMeta;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: StatusCause[];
    retryAfterSeconds?: number;
  };
  code: number;
}

/** Watch event as sent on a watch stream. */
export interface WatchEvent<T = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
}

/** Splits `apiVersion` into group and version: `apps/v1` → [`apps`, `v1`], `v1` → [``, `v1`]. */
export function splitApiVersion(apiVersion: string): [group: string, version: string] {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}

/** Joins group and version into `apiVersion`. */
export function joinApiVersion(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

/** True when `x` is a plain JSON object (not null, not an array). */
export function isJsonObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The controlling owner reference, if any. */
export function controllerRef(meta: Readonly<ObjectMeta>): OwnerReference | undefined {
  return meta.ownerReferences?.find((r) => r.controller === true);
}

/** Decodes an unknown JSON value into a KubeObject; throws TypeError when the basic shape is missing. */
export function decodeKubeObject(value: unknown): KubeObject {
  if (!isJsonObject(value)) throw new TypeError('object expected');
  const metadata = value['metadata'];
  if (metadata !== undefined && !isJsonObject(metadata)) throw new TypeError('metadata must be an object');
  return { ...value, apiVersion: String(value['apiVersion'] ?? ''), kind: String(value['kind'] ?? ''), metadata: (metadata ?? {}) as ObjectMeta };
}
