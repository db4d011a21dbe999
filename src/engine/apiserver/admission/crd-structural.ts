// Structural-schema rules for a CRD version's openAPIV3Schema (apiextensions ValidateStructural and the
// standard OpenAPI checks, 1.32). Paths look like `spec.versions[0].schema.openAPIV3Schema.properties[spec].type`.
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { child, index, key } from './_field.js';
import { asArray, asObject, asString, isAbsent, type JsonObject } from './_json.js';

type Level = 'root' | 'item' | 'field';

const OPENAPI_TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
const UNSUPPORTED: ReadonlyArray<[string, string]> = [
  ['id', 'id is not supported'], ['additionalItems', 'additionalItems is not supported'],
  ['patternProperties', 'patternProperties is not supported'], ['definitions', 'definitions is not supported'],
  ['dependencies', 'dependencies is not supported'], ['$ref', '$ref is not supported'],
];
const EMPTY_TYPE: Record<Level, string> = {
  root: 'must not be empty at the root',
  item: 'must not be empty for specified array items',
  field: 'must not be empty for specified object fields',
};

/** The standard checks: known type, no unsupported keywords, properties and additionalProperties exclusive. */
function standardChecks(s: JsonObject, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = asString(s['type']) ?? '';
  if (type !== '' && !OPENAPI_TYPES.includes(type)) errs.push(fieldErr.notSupported(child(path, 'type'), type, OPENAPI_TYPES));
  for (const [k, msg] of UNSUPPORTED) if (!isAbsent(s[k])) errs.push(fieldErr.forbidden(child(path, k), msg));
  if (type === 'null') errs.push(fieldErr.forbidden(child(path, 'type'), 'type cannot be set to null, use nullable as an alternative'));
  if (Array.isArray(s['items'])) errs.push(fieldErr.forbidden(child(path, 'items'), 'items must be a schema object and not an array'));
  if (s['uniqueItems'] === true) errs.push(fieldErr.forbidden(child(path, 'uniqueItems'), 'uniqueItems cannot be set to true since the runtime complexity becomes quadratic'));
  const additional = s['additionalProperties'];
  const hasProperties = Object.keys(asObject(s['properties']) ?? {}).length > 0;
  if (!isAbsent(additional) && hasProperties && (additional === false || asObject(additional) !== undefined)) {
    errs.push(fieldErr.forbidden(child(path, 'additionalProperties'), 'additionalProperties and properties are mutual exclusive'));
  }
  return errs;
}

/** The structural invariants: every node has a type, arrays have items, the root is an object. */
function structuralChecks(s: JsonObject, level: Level, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = asString(s['type']) ?? '';
  const intOrString = s['x-kubernetes-int-or-string'] === true;
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  if (type === 'array' && asObject(s['items']) === undefined) errs.push(fieldErr.required(child(path, 'items'), 'must be specified'));
  if (level === 'root' && !isAbsent(s['additionalProperties'])) errs.push(fieldErr.forbidden(child(path, 'additionalProperties'), 'must not be used at the root'));
  if (s['x-kubernetes-embedded-resource'] === true && type !== 'object') {
    errs.push(type === ''
      ? fieldErr.required(child(path, 'type'), 'must be object if x-kubernetes-embedded-resource is true')
      : fieldErr.invalid(child(path, 'type'), type, 'must be object if x-kubernetes-embedded-resource is true'));
  } else if (type === '' && !intOrString && !preserve) {
    errs.push(fieldErr.required(child(path, 'type'), EMPTY_TYPE[level]));
  }
  if (level === 'root' && type !== '' && type !== 'object') errs.push(fieldErr.invalid(child(path, 'type'), type, 'must be object at the root'));
  return errs;
}

function childErrors(s: JsonObject, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [name, prop] of Object.entries(asObject(s['properties']) ?? {})) {
    const p = asObject(prop);
    if (p !== undefined) errs.push(...validateNode(p, 'field', key(child(path, 'properties'), name)));
  }
  const additional = asObject(s['additionalProperties']);
  if (additional !== undefined) errs.push(...validateNode(additional, 'field', child(path, 'additionalProperties')));
  const items = asObject(s['items']);
  if (items !== undefined) errs.push(...validateNode(items, 'item', child(path, 'items')));
  for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
    (asArray(s[combinator]) ?? []).forEach((sub, i) => {
      const o = asObject(sub);
      if (o !== undefined) errs.push(...standardChecks(o, index(child(path, combinator), i)));
    });
  }
  return errs;
}

function validateNode(s: JsonObject, level: Level, path: string): FieldError[] {
  return [...structuralChecks(s, level, path), ...standardChecks(s, path), ...childErrors(s, path)];
}

/** All schema problems of one version's openAPIV3Schema; `path` ends in `.openAPIV3Schema`. */
export function validateStructuralSchema(schema: unknown, path: string): FieldError[] {
  const s = asObject(schema);
  if (s === undefined) return [fieldErr.required(path, 'schemas are required')];
  const errs = s['nullable'] === true ? [fieldErr.forbidden(child(path, 'nullable'), 'nullable cannot be true at the root')] : [];
  return [...errs, ...validateNode(s, 'root', path)];
}

/** True when some node of the schema carries a `default`. */
export function schemaHasDefaults(schema: unknown): boolean {
  const s = asObject(schema);
  if (s === undefined) return false;
  if (!isAbsent(s['default'])) return true;
  const children = [...Object.values(asObject(s['properties']) ?? {}), s['additionalProperties'], s['items']];
  return children.some(schemaHasDefaults);
}
