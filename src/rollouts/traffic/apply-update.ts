// The one read-modify-write loop the routers share: GET, compute the new object with a pure function, PUT it with
// the read resourceVersion as precondition, and on 409 Conflict start again from a fresh read.
import { isApiError } from '../../api/api-error.js';
import type { KubeObject } from '../../api/meta.js';
import type { ResourceType } from '../../api/resources.js';
import type { KubeClient } from '../../control/client.js';

/** Attempts before a persistent Conflict is returned to the caller (client-go's retry.DefaultRetry has 5). */
export const UPDATE_ATTEMPTS = 5;

/** Where to write, and what to do with a NotFound on the read. */
export interface UpdateTarget {
  readonly client: KubeClient;
  readonly type: ResourceType;
  readonly namespace: string;
  readonly name: string;
  /** Turns the read's error into the error to throw (e.g. a RouterError for a missing object). */
  readonly onReadError: (e: unknown) => never;
}

/**
 * Reads the object, lets `compute` decide (undefined = already as wanted, nothing is written) and updates it.
 * Returns true when it wrote. `compute` is pure and may throw a RouterError.
 */
export async function applyUpdate<T extends KubeObject>(target: UpdateTarget, compute: (current: Readonly<T>) => T | undefined,
  signal: AbortSignal): Promise<boolean> {
  let lastConflict: unknown;
  for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
    signal.throwIfAborted();
    const current = await readObject<T>(target);
    const next = compute(current);
    if (next === undefined) return false;
    signal.throwIfAborted();
    try {
      await target.client.update<T>(target.type, next);
      return true;
    } catch (e) {
      if (!isApiError(e, 'Conflict')) throw e;
      lastConflict = e;
    }
  }
  throw lastConflict;
}

async function readObject<T extends KubeObject>(target: UpdateTarget): Promise<T> {
  try {
    return await target.client.get<T>(target.type, target.namespace, target.name);
  } catch (e) {
    return target.onReadError(e);
  }
}
