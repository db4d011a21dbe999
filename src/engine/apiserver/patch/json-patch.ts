// RFC 6902 JSON patch (application/json-patch+json), e.g. the body of `kubectl rollout undo`.
import jsonpatch, { type Operation } from 'fast-json-patch';
import { ApiError } from '../../../api/api-error.js';
import { isJsonObject } from '../../../api/meta.js';

/** The API server refuses JSON patches with more operations than this. */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

// How Go's encoding/json names a JSON value in "cannot unmarshal <x>" messages.
function goJsonKind(v: unknown): string {
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

function isOperation(x: unknown): x is Operation {
  if (!isJsonObject(x) || typeof x['op'] !== 'string' || !OPS.has(x['op']) || typeof x['path'] !== 'string') return false;
  if (x['op'] === 'move' || x['op'] === 'copy') return typeof x['from'] === 'string';
  return x['op'] === 'remove' || Object.hasOwn(x, 'value');
}

// Kubernetes answers every failure to apply a well-formed patch with this generic 422 (the detail is dropped).
function notApplicable(): ApiError {
  return new ApiError('Invalid', 'the server rejected our request due to an error in our request', {});
}

function decodeOperations(ops: unknown): Operation[] {
  if (ops === null) return [];
  if (!Array.isArray(ops)) throw new ApiError('BadRequest', `json: cannot unmarshal ${goJsonKind(ops)} into Go value of type jsonpatch.Patch`);
  const odd = ops.find((op: unknown) => op !== null && !isJsonObject(op));
  if (odd !== undefined) throw new ApiError('BadRequest', `json: cannot unmarshal ${goJsonKind(odd)} into Go value of type jsonpatch.Operation`);
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    throw new ApiError('RequestEntityTooLarge', `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`);
  }
  const valid = ops.filter(isOperation);
  if (valid.length !== ops.length) throw notApplicable();
  return valid;
}

/**
 * Applies a JSON patch. A body that is not a list of objects is a 400 BadRequest; an operation that does
 * not apply (failed `test`, `replace` or `remove` at a missing path, unknown `op`) is the API server's
 * 422 Invalid "the server rejected our request due to an error in our request". Inputs are not mutated.
 */
export function applyJsonPatch(target: unknown, ops: unknown): unknown {
  const operations = decodeOperations(ops);
  try {
    return jsonpatch.applyPatch(target, operations, true, false).newDocument;
  } catch {
    throw notApplicable();
  }
}
