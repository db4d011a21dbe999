// Uniqueness of `x-kubernetes-list-type: set` items and `map` keys (apiextensions listtype validation, 1.32):
// each value seen again is reported once, at its second position, as `spec.ports[1]: Duplicate value: {"port":80}`.
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { isJsonObject } from '../../../api/meta.js';
import { index } from './_field.js';
import type { ListType } from './crd-schema-node.js';

type JsonRecord = Record<string, unknown>;

/** A key field the item does not have (or a null item); distinct from a key whose value is null. */
const UNSPECIFIED = Symbol('unspecified');

/** JSON with object keys sorted, as Go marshals maps: equal values give equal text. */
function canonicalJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonicalJson).join(',')}]`;
  if (isJsonObject(x)) {
    const keys = Object.keys(x).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(x[k])}`).join(',')}}`;
  }
  return JSON.stringify(x) ?? 'null';
}

/** The positions where a value occurs for the second time (later repeats are not reported again). */
function repeatedAt(values: readonly unknown[]): number[] {
  const seen = new Map<unknown, number>();
  const out: number[] = [];
  values.forEach((v, i) => {
    const id = typeof v === 'object' && v !== null ? canonicalJson(v) : v;
    const times = seen.get(id) ?? 0;
    seen.set(id, times + 1);
    if (times === 1) out.push(i);
  });
  return out;
}

function mapKeyErrors(list: readonly unknown[], keys: readonly string[], path: string): FieldError[] {
  const bad = list.findIndex((x) => x !== null && !isJsonObject(x));
  if (bad >= 0) return [fieldErr.invalid(index(path, bad), list[bad], 'must be an object for an array of list-type map')];
  const [only] = keys;
  if (keys.length === 1 && only !== undefined) {
    const values = list.map((x) => (isJsonObject(x) && Object.hasOwn(x, only) ? x[only] : UNSPECIFIED));
    return repeatedAt(values).map((i) => {
      const v = values[i];
      return fieldErr.duplicate(index(path, i), v === UNSPECIFIED ? {} : { [only]: v });
    });
  }
  const composite = list.map((x) => {
    const key: JsonRecord = {};
    for (const k of keys) if (isJsonObject(x) && Object.hasOwn(x, k)) key[k] = x[k];
    return key;
  });
  return repeatedAt(composite).map((i) => fieldErr.duplicate(index(path, i), composite[i]));
}

/**
 * Duplicate items of a set, or duplicate keys of a map list, at `path`. Example: a map list keyed by `name`
 * holding `[{name: a}, {name: b}, {name: a}, {name: a}]` gives one error, `path[2]: Duplicate value: {"name":"a"}`.
 */
export function listTypeErrors(listType: ListType, list: readonly unknown[], path: string): FieldError[] {
  if (listType.listType === 'map') return mapKeyErrors(list, listType.keys, path);
  return repeatedAt(list).map((i) => fieldErr.duplicate(index(path, i), list[i]));
}
