// The client port: everything a controller, the CLI or the dashboard may ask of a Kubernetes API server.
import type { KubeList, KubeObject, WatchEvent } from '../api/meta.js';
import type { ResourceType } from '../api/resources.js';

export type PatchType = 'merge' | 'strategic' | 'json' | 'apply';

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  limit?: number;
  continue?: string;
}

export interface WatchOptions {
  labelSelector?: string;
  fieldSelector?: string;
  /** Resume after this resourceVersion; '0' or absent replays current objects as ADDED first. */
  resourceVersion?: string;
  allowWatchBookmarks?: boolean;
  timeoutSeconds?: number;
}

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
}

export interface DeleteOptions {
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
}

/**
 * A Kubernetes API client. Methods reject with ApiError (reason from the closed table) for API outcomes,
 * and with ordinary Errors only for transport failures.
 */
export interface KubeClient {
  get<T extends KubeObject = KubeObject>(t: ResourceType, namespace: string | undefined, name: string): Promise<T>;
  list<T extends KubeObject = KubeObject>(t: ResourceType, namespace?: string, opts?: ListOptions): Promise<KubeList<T>>;
  create<T extends KubeObject = KubeObject>(t: ResourceType, obj: T, opts?: WriteOptions): Promise<T>;
  /** PUT of the whole object; `metadata.resourceVersion` in `obj` is the optimistic-concurrency precondition. */
  update<T extends KubeObject = KubeObject>(t: ResourceType, obj: T, opts?: WriteOptions): Promise<T>;
  /** PUT of the status subresource. */
  updateStatus<T extends KubeObject = KubeObject>(t: ResourceType, obj: T): Promise<T>;
  patch<T extends KubeObject = KubeObject>(t: ResourceType, namespace: string | undefined, name: string, type: PatchType,
    patch: unknown, opts?: WriteOptions & { subresource?: 'status' | 'scale' }): Promise<T>;
  delete(t: ResourceType, namespace: string | undefined, name: string, opts?: DeleteOptions): Promise<void>;
  /** POST of a policy/v1 Eviction to `pods/<name>/eviction`: a graceful delete that PodDisruptionBudgets may refuse (429). */
  evictPod(namespace: string, name: string): Promise<void>;
  /** Streams watch events until the server ends the stream or `signal` aborts. An ERROR event carries a Status. */
  watch<T extends KubeObject = KubeObject>(t: ResourceType, namespace: string | undefined, opts: WatchOptions,
    signal: AbortSignal): AsyncIterable<WatchEvent<T>>;
  /** GET of a raw path (logs, discovery); resolves with the body text, rejects with ApiError on non-2xx. */
  raw(path: string, signal?: AbortSignal): Promise<string>;
}
