// Turns a CRD openAPIV3Schema (OpenAPI 3.0 with Kubernetes extensions) into the JSON Schema ajv validates,
// the way apiextensions converts it for kube-openapi: int-or-string becomes `integer,string`, nullable adds
// `null`, boolean exclusive bounds become numeric ones, unsupported formats are dropped.
import { asArray, asNumber, asObject, asString, isAbsent, type JsonObject } from './_json.js';
import { formatChecker } from './crd-formats.js';

const COPIED = ['enum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'multipleOf',
  'maxProperties', 'minProperties', 'required'];

function convertType(s: JsonObject, out: JsonObject): void {
  const type = asString(s['type']);
  const types: string[] = s['x-kubernetes-int-or-string'] === true ? ['integer', 'string'] : type !== undefined && type !== '' ? [type] : [];
  if (types.length > 0 && s['nullable'] === true) types.push('null');
  if (types.length === 1) out['type'] = types[0];
  else if (types.length > 1) out['type'] = types;
}

function convertBounds(s: JsonObject, out: JsonObject): void {
  const minimum = asNumber(s['minimum']);
  const maximum = asNumber(s['maximum']);
  if (minimum !== undefined) out[s['exclusiveMinimum'] === true ? 'exclusiveMinimum' : 'minimum'] = minimum;
  if (maximum !== undefined) out[s['exclusiveMaximum'] === true ? 'exclusiveMaximum' : 'maximum'] = maximum;
}

function convertChildren(s: JsonObject, out: JsonObject, formats: Set<string>): void {
  const properties = asObject(s['properties']);
  if (properties !== undefined) {
    out['properties'] = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, convertSchema(v, formats)]));
  }
  const additional = s['additionalProperties'];
  if (typeof additional === 'boolean') out['additionalProperties'] = additional;
  else if (asObject(additional) !== undefined) out['additionalProperties'] = convertSchema(additional, formats);
  if (asObject(s['items']) !== undefined) out['items'] = convertSchema(s['items'], formats);
  for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = asArray(s[combinator]);
    if (list !== undefined && list.length > 0) out[combinator] = list.map((x) => convertSchema(x, formats));
  }
  if (asObject(s['not']) !== undefined) out['not'] = convertSchema(s['not'], formats);
}

/** Converts one schema node (recursively); the supported formats met on the way are added to `formats`. */
export function convertSchema(schema: unknown, formats: Set<string>): JsonObject {
  const s = asObject(schema);
  if (s === undefined) return {};
  const out: JsonObject = {};
  convertType(s, out);
  convertBounds(s, out);
  for (const k of COPIED) if (!isAbsent(s[k])) out[k] = s[k];
  const format = asString(s['format']);
  if (format !== undefined && formatChecker(format) !== undefined) {
    out['format'] = format;
    formats.add(format);
  }
  convertChildren(s, out, formats);
  return out;
}
