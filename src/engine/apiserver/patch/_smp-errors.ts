// Errors of strategic merge patch, worded as k8s.io/apimachinery's strategicpatch and mergepatch word them.
import { ApiError } from '../../../api/api-error.js';
import { isJsonObject } from '../../../api/meta.js';

/** Go's `%v` rendering of a decoded JSON value: `map[name:web ports:[80 443]]`, `<nil>`. */
export function goFormat(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goFormat).join(' ')}]`;
  if (isJsonObject(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${goFormat(v[k])}`).join(' ')}]`;
  return String(v);
}

/** Go's type name of a decoded JSON value, as in `expected a []interface {}, but received a string`. */
export function goDecodedType(v: unknown): string {
  if (v === null) return '<nil>';
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'object') return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

/** A malformed patch: 400 BadRequest with the given message. */
export function badPatch(message: string): ApiError {
  return new ApiError('BadRequest', message);
}

/** A malformed `$deleteFromPrimitiveList` directive. */
export const ERR_PRIMITIVE_LIST = 'invalid patch format of primitive list';
/** A malformed `$retainKeys` directive, or a patch setting a key it does not retain. */
export const ERR_RETAIN_KEYS = 'invalid patch format of retainKeys';
/** A malformed `$setElementOrder` directive key. */
export const ERR_SET_ORDER = 'invalid patch format of setElementOrder list';

/** `map: map[image:x] does not contain declared merge key: name` */
export function noMergeKey(element: unknown, mergeKey: string): ApiError {
  return badPatch(`map: ${goFormat(element)} does not contain declared merge key: ${mergeKey}`);
}

/** `unknown patch type: merge in map: map[$patch:merge]` */
export function unknownPatchType(directive: unknown, inMap: unknown): ApiError {
  return badPatch(`unknown patch type: ${goFormat(directive)} in map: ${goFormat(inMap)}`);
}

/** `expected a []interface {}, but received a string`: a directive or list of the wrong JSON type. */
export function notAList(value: unknown): ApiError {
  return badPatch(`expected a []interface {}, but received a ${goDecodedType(value)}`);
}

/** Lists of lists: Kubernetes answers 422 with its generic text. */
export function listOfLists(): ApiError {
  return new ApiError('Invalid', 'the server rejected our request due to an error in our request', {});
}
