// The store port: a versioned object store with one resourceVersion counter across all resources and a
// bounded watch history. Objects handed out are deeply frozen: readers copy before changing anything.
import type { KubeObject } from '../../api/meta.js';

/** `group/resource` for grouped kinds (`apps/deployments`), bare `resource` for the core group (`pods`). */
export type ResourceKey = string;

export type StoreEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One committed change, as delivered to watchers in resourceVersion order. */
export interface StoreEvent {
  readonly type: StoreEventType;
  readonly resource: ResourceKey;
  readonly rv: number;
  readonly object: KubeObject;
  /** The object before this change (MODIFIED and DELETED), so watchers can tell selector moves. */
  readonly prev?: KubeObject;
}

export type Unsubscribe = () => void;

/** Options for a write. */
export interface WriteOptions {
  /** Fail with Conflict unless the stored object has this resourceVersion. */
  expectedRv?: string;
}

/** The versioned, durable object store used by the embedded API server. */
export interface Store {
  /** The resourceVersion of the last committed write. */
  currentRv(): number;
  /** The oldest resourceVersion a watch may start from; older ones get 410 Expired. */
  oldestWatchableRv(): number;
  get(resource: ResourceKey, namespace: string, name: string): KubeObject | undefined;
  /** All objects of a resource, in one namespace or (namespace undefined) in all, sorted by namespace/name. */
  list(resource: ResourceKey, namespace?: string): readonly KubeObject[];
  /** Stores a new object; fails with AlreadyExists. Sets metadata.resourceVersion. */
  create(resource: ResourceKey, obj: KubeObject): KubeObject;
  /** Replaces an existing object; fails with NotFound, or Conflict on a resourceVersion mismatch. */
  update(resource: ResourceKey, obj: KubeObject, opts?: WriteOptions): KubeObject;
  /** Removes an object; returns it with the deletion's resourceVersion. */
  delete(resource: ResourceKey, namespace: string, name: string, opts?: WriteOptions): KubeObject;
  /**
   * Delivers every event after `fromRv`, then live events, to `listener`, synchronously in order.
   * `resource` limits delivery to one resource. Throws ApiError Expired when fromRv is too old.
   */
  watch(fromRv: number, listener: (e: StoreEvent) => void, resource?: ResourceKey): Unsubscribe;
  /** The JSON text of a stored object, cached per version. */
  serialize(obj: KubeObject): string;
  close(): void;
}

/** Splits a resource key into group and resource: `apps/deployments` → [`apps`, `deployments`]. */
export function splitResourceKey(key: ResourceKey): [group: string, resource: string] {
  const slash = key.lastIndexOf('/');
  return slash < 0 ? ['', key] : [key.slice(0, slash), key.slice(slash + 1)];
}

/** Builds a resource key from group and plural resource name. */
export function resourceKey(group: string, resource: string): ResourceKey {
  return group === '' ? resource : `${group}/${resource}`;
}
