// Strategic merge patch (application/strategic-merge-patch+json) of built-in kinds, as kubectl apply sends it.
import { ApiError } from '../../../api/api-error.js';
import { isJsonObject } from '../../../api/meta.js';
import type { TypeNode } from '../schema/type-node.js';
import { goDecodedType } from './_smp-errors.js';
import { mergeMap } from './_smp-map.js';

/**
 * Applies a strategic merge patch to `original` using the kind's schema `root` (see patch-meta.ts for the
 * merge keys). Maps merge recursively and `null` deletes; lists with a merge key merge by it; primitive
 * `merge` lists are unions; other lists are replaced. Directives: `$patch` (`replace`, `delete`; `merge` is
 * refused, as Kubernetes does), `$setElementOrder/<list>`, `$retainKeys`, `$deleteFromPrimitiveList/<list>`.
 * Malformed patches throw ApiError BadRequest with Kubernetes' wording. Inputs are never mutated; the result
 * may share unchanged (frozen) subtrees with `original`.
 */
export function applyStrategicMergePatch(original: unknown, patch: unknown, root: TypeNode): unknown {
  if (patch === null) return original;
  if (!isJsonObject(patch)) {
    throw new ApiError('BadRequest', `json: cannot unmarshal ${goJsonKind(patch)} into Go value of type map[string]interface {}`);
  }
  if (!isJsonObject(original)) throw new TypeError(`strategic merge patch needs an object to patch, got ${goDecodedType(original)}`);
  return mergeMap(original, patch, root);
}

function goJsonKind(v: unknown): string {
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'array' : typeof v;
}
