// Builds the RFC 7386 merge patch that turns one JSON value into another (client-go's CreateMergePatch):
// removed keys become null, nested objects are diffed, arrays and scalars are replaced when they differ.
import { deepEqual } from './deep-equal.js';

type JsonMap = Record<string, unknown>;

function isMap(x: unknown): x is JsonMap {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * The patch from `from` to `to`, or undefined when they are equal. Example: from `{a: 1, b: {c: 2, d: 3}}`
 * to `{b: {c: 2, d: 4}, e: 5}` gives `{a: null, b: {d: 4}, e: 5}`.
 */
export function mergePatchDiff(from: unknown, to: unknown): unknown {
  if (deepEqual(from, to)) return undefined;
  if (!isMap(from) || !isMap(to)) return to === undefined ? null : to;
  const patch: JsonMap = {};
  for (const k of Object.keys(from)) if (from[k] !== undefined && to[k] === undefined) patch[k] = null;
  for (const [k, v] of Object.entries(to)) {
    if (v === undefined) continue;
    const d = mergePatchDiff(from[k], v);
    if (d !== undefined) patch[k] = d;
  }
  return patch;
}
