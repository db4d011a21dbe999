// The eager part of preprocessing a schema: one walk over the raw openAPIV3Schema that finds what makes it
// unusable (the validator build error, worded as the API has always worded it), compiles every pattern once, and
// marks the nodes below which list-type or embedded-resource checks live. Everything else is built lazily.
import { asArray, asObject, asString, isAbsent, type JsonObject } from './_json.js';

/** What the scan learned; `patterns` and `withInvariants` are read while nodes are built. */
export interface SchemaScan {
  /** The first problem found, or undefined when the schema can be used. */
  readonly error: string | undefined;
  /** Each distinct pattern, compiled (ECMAScript syntax, no flags). */
  readonly patterns: ReadonlyMap<string, RegExp>;
  /** Raw nodes that are, or contain below properties/additionalProperties/items, a list-type set/map or an embedded resource. */
  readonly withInvariants: ReadonlySet<object>;
}

interface Scanning {
  error: string | undefined;
  readonly patterns: Map<string, RegExp>;
  readonly withInvariants: Set<object>;
}

const JSON_TYPES: ReadonlySet<string> = new Set(['null', 'boolean', 'integer', 'number', 'string', 'array', 'object']);

function fail(sc: Scanning, message: string): void {
  sc.error ??= message;
}

function expectType(sc: Scanning, s: JsonObject, keyword: string, type: 'number' | 'boolean' | 'string' | 'array'): void {
  const v = s[keyword];
  if (isAbsent(v)) return;
  if (type === 'array' ? !Array.isArray(v) : typeof v !== type) fail(sc, `${keyword} value must be ["${type}"]`);
}

function compilePattern(sc: Scanning, source: unknown): void {
  if (typeof source !== 'string' || sc.patterns.has(source)) return;
  try {
    sc.patterns.set(source, new RegExp(source));
  } catch (e) {
    fail(sc, e instanceof Error ? e.message : String(e));
  }
}

function checkTypeAndEnum(sc: Scanning, s: JsonObject): void {
  const type = asString(s['type']);
  const names = s['x-kubernetes-int-or-string'] === true ? ['integer', 'string'] : type !== undefined && type !== '' ? [type] : [];
  if (names.length > 0 && s['nullable'] === true) names.push('null');
  if (!names.every((t) => JSON_TYPES.has(t))) fail(sc, `type must be JSONType or JSONType[]: ${names.join(',')}`);
  expectType(sc, s, 'enum', 'array');
  if (asArray(s['enum'])?.length === 0) fail(sc, 'enum must have non-empty array');
}

/** Scans one node and its children in the order the problems were always reported; true when it has invariants. */
function scanNode(sc: Scanning, s: JsonObject): boolean {
  checkTypeAndEnum(sc, s);
  const not = asObject(s['not']);
  if (not !== undefined) scanNode(sc, not);
  for (const combinator of ['anyOf', 'oneOf', 'allOf']) for (const sub of asArray(s[combinator]) ?? []) scanNode(sc, asObject(sub) ?? {});
  expectType(sc, s, 'multipleOf', 'number');
  expectType(sc, s, 'maxLength', 'number');
  expectType(sc, s, 'minLength', 'number');
  expectType(sc, s, 'pattern', 'string');
  compilePattern(sc, s['pattern']);
  expectType(sc, s, 'maxItems', 'number');
  expectType(sc, s, 'minItems', 'number');
  expectType(sc, s, 'uniqueItems', 'boolean');
  const items = asObject(s['items']);
  let below = items !== undefined && scanNode(sc, items);
  expectType(sc, s, 'maxProperties', 'number');
  expectType(sc, s, 'minProperties', 'number');
  expectType(sc, s, 'required', 'array');
  const additional = asObject(s['additionalProperties']);
  if (additional !== undefined && scanNode(sc, additional)) below = true;
  for (const p of Object.values(asObject(s['properties']) ?? {})) {
    const ps = asObject(p);
    if (ps !== undefined && scanNode(sc, ps)) below = true;
  }
  const listType = s['x-kubernetes-list-type'];
  const has = below || listType === 'set' || listType === 'map' || s['x-kubernetes-embedded-resource'] === true;
  if (has) sc.withInvariants.add(s);
  return has;
}

/** Scans a whole schema (the root of a CRD version's openAPIV3Schema). */
export function scanSchema(schema: JsonObject): SchemaScan {
  const sc: Scanning = { error: undefined, patterns: new Map(), withInvariants: new Set() };
  scanNode(sc, schema);
  return sc;
}
