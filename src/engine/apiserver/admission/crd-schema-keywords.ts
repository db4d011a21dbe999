// Reading single keywords of a raw schema node while it is built. The readers are tolerant: a keyword of the wrong
// JSON type reads as absent, because crd-schema-scan.ts has already reported it as the build error.
import type { BoundKeyword } from './crd-schema-errors.js';
import type { Combinators, ListType, NodeRef } from './crd-schema-node.js';
import { asArray, asNumber, asObject, type JsonObject } from './_json.js';

/** A numeric keyword (`maxLength`, `multipleOf`, …), or undefined. */
export function readNumber(s: JsonObject, keyword: string): number | undefined {
  const v = s[keyword];
  return typeof v === 'number' ? v : undefined;
}

const BOUND_ORDER: readonly BoundKeyword[] = ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum'];

/** OpenAPI 3.0 bounds (`exclusiveMaximum: true` makes `maximum` exclusive), in the order they are checked. */
export function readBounds(s: JsonObject): Array<{ keyword: BoundKeyword; limit: number }> {
  const out: Array<{ keyword: BoundKeyword; limit: number }> = [];
  const maximum = asNumber(s['maximum']);
  const minimum = asNumber(s['minimum']);
  if (maximum !== undefined) out.push({ keyword: s['exclusiveMaximum'] === true ? 'exclusiveMaximum' : 'maximum', limit: maximum });
  if (minimum !== undefined) out.push({ keyword: s['exclusiveMinimum'] === true ? 'exclusiveMinimum' : 'minimum', limit: minimum });
  return out.sort((a, b) => BOUND_ORDER.indexOf(a.keyword) - BOUND_ORDER.indexOf(b.keyword));
}

/** `enum`, `not`, `anyOf`, `oneOf`, `allOf`; undefined when the node has none. Empty lists count as absent. */
export function readCombinators(s: JsonObject, ref: (s: JsonObject) => NodeRef): Combinators | undefined {
  const list = (keyword: string): NodeRef[] | undefined => {
    const items = asArray(s[keyword]);
    return items === undefined || items.length === 0 ? undefined : items.map((x) => ref(asObject(x) ?? {}));
  };
  const values = asArray(s['enum']);
  const enumValues = values === undefined || values.length === 0 ? undefined : values;
  const notSchema = asObject(s['not']);
  const not = notSchema === undefined ? undefined : ref(notSchema);
  const anyOf = list('anyOf');
  const oneOf = list('oneOf');
  const allOf = list('allOf');
  if (enumValues === undefined && not === undefined && anyOf === undefined && oneOf === undefined && allOf === undefined) return undefined;
  return { enum: enumValues, not, anyOf, oneOf, allOf };
}

/** `x-kubernetes-list-type: set`, or `map` with at least one string key in `x-kubernetes-list-map-keys`. */
export function readListType(s: JsonObject): ListType | undefined {
  const type = s['x-kubernetes-list-type'];
  if (type === 'set') return { listType: 'set' };
  if (type !== 'map') return undefined;
  const keys = (asArray(s['x-kubernetes-list-map-keys']) ?? []).filter((k): k is string => typeof k === 'string');
  return keys.length === 0 ? undefined : { listType: 'map', keys };
}
