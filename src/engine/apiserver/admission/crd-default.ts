// Structural defaulting of custom resources (apiextensions defaulting algorithm, 1.32), in place on a copy:
// first nulls of non-nullable fields without a default are dropped, then missing (or null) fields that have
// a `default:` get a copy of it, and defaulting continues inside the values just set.
import { cloneJson } from '../../../lib/json.js';
import { asArray, asObject, type JsonObject } from './_json.js';

const hasDefault = (s: JsonObject | undefined): boolean => s !== undefined && s['default'] !== undefined;
const isNonNullableNull = (x: unknown, s: JsonObject | undefined): boolean => x === null && s !== undefined && s['nullable'] !== true;

/** The schema that applies to field `k` of an object described by `s`. */
function fieldSchema(s: JsonObject | undefined, k: string): JsonObject | undefined {
  const properties = asObject(s?.['properties']);
  if (properties !== undefined && Object.prototype.hasOwnProperty.call(properties, k)) return asObject(properties[k]);
  return asObject(s?.['additionalProperties']);
}

/** PruneNonNullableNullsWithoutDefaults. */
export function dropNonNullableNulls(x: unknown, s: JsonObject | undefined): void {
  const list = asArray(x);
  if (list !== undefined) {
    list.forEach((v) => dropNonNullableNulls(v, asObject(s?.['items'])));
    return;
  }
  const o = asObject(x);
  if (o === undefined) return;
  for (const [k, v] of Object.entries(o)) {
    const fs = fieldSchema(s, k);
    if (isNonNullableNull(v, fs) && !hasDefault(fs)) delete o[k];
    else dropNonNullableNulls(v, fs);
  }
}

function defaultArray(list: unknown[], items: JsonObject | undefined): void {
  for (let i = 0; i < list.length; i++) {
    if (isNonNullableNull(list[i], items) && hasDefault(items)) list[i] = cloneJson(items?.['default']);
    applyDefaults(list[i], items);
  }
}

/** Default: sets `default:` values of missing properties, then recurses into every field. */
export function applyDefaults(x: unknown, s: JsonObject | undefined): void {
  if (s === undefined) return;
  if (Array.isArray(x)) {
    defaultArray(x, asObject(s['items']));
    return;
  }
  const o = asObject(x);
  if (o === undefined) return;
  for (const [k, prop] of Object.entries(asObject(s['properties']) ?? {})) {
    const ps = asObject(prop);
    if (!hasDefault(ps)) continue;
    if (!(k in o) || isNonNullableNull(o[k], ps)) o[k] = cloneJson(ps?.['default']);
  }
  const properties = asObject(s['properties']) ?? {};
  const additional = asObject(s['additionalProperties']);
  for (const k of Object.keys(o)) {
    if (Object.prototype.hasOwnProperty.call(properties, k)) applyDefaults(o[k], asObject(properties[k]));
    else if (additional !== undefined) {
      if (isNonNullableNull(o[k], additional) && hasDefault(additional)) o[k] = cloneJson(additional['default']);
      applyDefaults(o[k], additional);
    }
  }
}
