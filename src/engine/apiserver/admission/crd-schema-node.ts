// The preprocessed form of a CRD's openAPIV3Schema that the validator interprets: per node, the keywords grouped by
// the JSON type of value they apply to, patterns compiled, formats resolved to checkers. Nodes are built on first
// use (a Rollout touches a small part of its 70 KB schema). Reading the raw schema follows apiextensions' conversion
// for kube-openapi: int-or-string means `integer,string`, nullable adds `null`, boolean exclusive bounds make their
// bound exclusive, formats Kubernetes does not support are ignored.
import type { BoundKeyword } from './crd-schema-errors.js';
import { readBounds, readCombinators, readListType, readNumber } from './crd-schema-keywords.js';
import type { SchemaScan } from './crd-schema-scan.js';
import { asObject, asString, type JsonObject } from './_json.js';
import { formatChecker } from './crd-formats.js';

/** A JSON type a node may require. */
export type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

/** The keyword groups that apply by the JSON type of the value, in the order they are checked. */
export type DataGroup = 'number' | 'string' | 'array' | 'object';

/** A child node, built (once) when first asked for. */
export type NodeRef = () => SchemaNode;

/** Keywords checked whatever the value's type, in this order. */
export interface Combinators {
  readonly enum: readonly unknown[] | undefined;
  readonly not: NodeRef | undefined;
  readonly anyOf: readonly NodeRef[] | undefined;
  readonly oneOf: readonly NodeRef[] | undefined;
  readonly allOf: readonly NodeRef[] | undefined;
}

/** Keywords checked on numbers. */
export interface NumberRules {
  readonly bounds: ReadonlyArray<{ readonly keyword: BoundKeyword; readonly limit: number }>;
  readonly multipleOf: number | undefined;
}

/** Keywords checked on strings. */
export interface StringRules {
  readonly maxLength: number | undefined;
  readonly minLength: number | undefined;
  readonly pattern: { readonly source: string; readonly regexp: RegExp } | undefined;
  readonly format: { readonly name: string; readonly check: (v: string) => boolean } | undefined;
}

/** Keywords checked on arrays. */
export interface ArrayRules {
  readonly maxItems: number | undefined;
  readonly minItems: number | undefined;
  readonly uniqueItems: boolean;
  readonly items: NodeRef | undefined;
}

/** Keywords checked on objects; `properties` keeps the schema's order, which is the order errors come in. */
export interface ObjectRules {
  readonly maxProperties: number | undefined;
  readonly minProperties: number | undefined;
  readonly required: readonly string[];
  readonly additional: NodeRef | boolean | undefined;
  readonly properties: ReadonlyArray<readonly [string, NodeRef]>;
  readonly byName: ReadonlyMap<string, NodeRef>;
}

/** `x-kubernetes-list-type` set, or map with its `x-kubernetes-list-map-keys`. */
export type ListType = { readonly listType: 'set' } | { readonly listType: 'map'; readonly keys: readonly string[] };

/** One schema node, ready to interpret. A group is undefined when the schema has none of its keywords. */
export interface SchemaNode {
  readonly types: readonly JsonType[];
  /** The allowed types as messages list them (`integer,string`, never `null`). */
  readonly typeLabel: string;
  /** With a single type that has keywords of its own, the type error is reported with that group (undefined: first). */
  readonly typeGroup: DataGroup | undefined;
  readonly any: Combinators | undefined;
  readonly number: NumberRules | undefined;
  readonly string: StringRules | undefined;
  readonly array: ArrayRules | undefined;
  readonly object: ObjectRules | undefined;
  readonly listType: ListType | undefined;
  readonly embedded: boolean;
  /** True when this node or one below it (properties, additionalProperties, items) has a list type or is embedded. */
  readonly hasInvariants: boolean;
}

function readTypes(s: JsonObject): JsonType[] {
  const type = asString(s['type']);
  const types: JsonType[] = s['x-kubernetes-int-or-string'] === true ? ['integer', 'string'] : isJsonType(type) ? [type] : [];
  if (types.length > 0 && s['nullable'] === true) types.push('null');
  return types;
}

function isJsonType(t: string | undefined): t is JsonType {
  return t === 'null' || t === 'boolean' || t === 'integer' || t === 'number' || t === 'string' || t === 'array' || t === 'object';
}

function readString(s: JsonObject, scan: SchemaScan, format: StringRules['format']): StringRules | undefined {
  const maxLength = readNumber(s, 'maxLength');
  const minLength = readNumber(s, 'minLength');
  const source = s['pattern'];
  const regexp = typeof source === 'string' ? scan.patterns.get(source) : undefined;
  const pattern = typeof source === 'string' && regexp !== undefined ? { source, regexp } : undefined;
  const any = maxLength !== undefined || minLength !== undefined || pattern !== undefined || format !== undefined;
  return any ? { maxLength, minLength, pattern, format } : undefined;
}

function readArray(s: JsonObject, ref: (s: JsonObject) => NodeRef): ArrayRules | undefined {
  const maxItems = readNumber(s, 'maxItems');
  const minItems = readNumber(s, 'minItems');
  const unique = s['uniqueItems'];
  const rawItems = asObject(s['items']);
  const items = rawItems === undefined ? undefined : ref(rawItems);
  const any = maxItems !== undefined || minItems !== undefined || typeof unique === 'boolean' || items !== undefined;
  return any ? { maxItems, minItems, uniqueItems: unique === true, items } : undefined;
}

function readObject(s: JsonObject, ref: (s: JsonObject) => NodeRef): ObjectRules | undefined {
  const maxProperties = readNumber(s, 'maxProperties');
  const minProperties = readNumber(s, 'minProperties');
  const rawRequired = s['required'];
  const required = Array.isArray(rawRequired) ? rawRequired.filter((r): r is string => typeof r === 'string') : [];
  const rawAdditional = s['additionalProperties'];
  const additionalSchema = asObject(rawAdditional);
  const additional = typeof rawAdditional === 'boolean' ? rawAdditional : additionalSchema === undefined ? undefined : ref(additionalSchema);
  const rawProperties = asObject(s['properties']);
  const properties = Object.entries(rawProperties ?? {}).map(([k, v]) => [k, ref(asObject(v) ?? {})] as const);
  const any = maxProperties !== undefined || minProperties !== undefined || Array.isArray(rawRequired) || additional !== undefined || rawProperties !== undefined;
  return any ? { maxProperties, minProperties, required, additional, properties, byName: new Map(properties) } : undefined;
}

/** The group that reports a single type's error (the order of the messages clients see depends on it). */
function typeGroupOf(types: readonly JsonType[], groups: Readonly<Record<DataGroup, boolean>>): DataGroup | undefined {
  const [only] = types;
  if (types.length !== 1 || only === undefined || only === 'null' || only === 'boolean' || only === 'integer') return undefined;
  return groups[only] ? only : undefined;
}

/** A lazily built node for `s`; `scan` is the result of scanning the whole schema `s` belongs to. */
export function nodeRef(s: JsonObject, scan: SchemaScan): NodeRef {
  let node: SchemaNode | undefined;
  return () => (node ??= buildNode(s, scan));
}

function buildNode(s: JsonObject, scan: SchemaScan): SchemaNode {
  const ref = (child: JsonObject): NodeRef => nodeRef(child, scan);
  const types = readTypes(s);
  const formatName = asString(s['format']);
  const check = formatName === undefined ? undefined : formatChecker(formatName);
  const format = formatName === undefined || check === undefined ? undefined : { name: formatName, check };
  const bounds = readBounds(s);
  const multipleOf = readNumber(s, 'multipleOf');
  const number = bounds.length > 0 || multipleOf !== undefined || format !== undefined ? { bounds, multipleOf } : undefined;
  const string = readString(s, scan, format);
  const array = readArray(s, ref);
  const object = readObject(s, ref);
  const typeGroup = typeGroupOf(types, { number: number !== undefined, string: string !== undefined, array: array !== undefined, object: object !== undefined });
  return {
    types, typeLabel: types.filter((t) => t !== 'null').join(','), typeGroup, any: readCombinators(s, ref), number, string, array, object,
    listType: readListType(s), embedded: s['x-kubernetes-embedded-resource'] === true, hasInvariants: scan.withInvariants.has(s),
  };
}
