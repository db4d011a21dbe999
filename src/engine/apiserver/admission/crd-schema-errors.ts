// Maps ajv errors to the FieldErrors kube-apiserver produces for custom resources (kube-openapi messages as
// apiextensions converts them): `spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"`.
import type { ErrorObject } from 'ajv';
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { child, index } from './_field.js';
import { asArray, asNumber, asObject, asString } from './_json.js';

/** Walks a JSON pointer through the data, giving the Kubernetes path (`spec.steps[0].setWeight`) and the value. */
export function locate(pointer: string, data: unknown): { path: string; value: unknown } {
  let path = '';
  let value = data;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const list = asArray(value);
    if (list !== undefined) {
      path = index(path, Number(segment));
      value = list[Number(segment)];
    } else {
      path = child(path, segment);
      value = asObject(value)?.[segment];
    }
  }
  return { path, value };
}

/** The JSON type name kube-openapi reports for a decoded value (`integer` for whole numbers). */
export function jsonTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v === 'string' || typeof v === 'boolean' ? typeof v : 'object';
}

const quote = (v: unknown): string => JSON.stringify(typeof v === 'string' ? v : String(v));

function sizeOf(v: unknown): number {
  return asArray(v)?.length ?? Object.keys(asObject(v) ?? {}).length;
}

function typeError(path: string, value: unknown, expected: unknown): FieldError {
  const names = (Array.isArray(expected) ? expected : [expected]).filter((t) => t !== 'null').join(',');
  const actual = jsonTypeName(value);
  return { type: 'TypeInvalid', field: path, value: actual, detail: `${path} in body must be of type ${names}: "${actual}"` };
}

function boundError(e: ErrorObject, path: string, value: unknown): FieldError {
  const limit = asNumber(e.params['limit']) ?? 0;
  const words: Record<string, string> = {
    minimum: 'greater than or equal to', exclusiveMinimum: 'greater than', maximum: 'less than or equal to', exclusiveMaximum: 'less than',
  };
  return fieldErr.invalid(path, value, `${path} in body should be ${words[e.keyword] ?? ''} ${limit}`);
}

function combinatorError(e: ErrorObject, path: string): FieldError {
  if (e.keyword === 'anyOf') return fieldErr.invalid(path, '', `"${path}" must validate at least one schema (anyOf)`);
  if (e.keyword === 'not') return fieldErr.invalid(path, '', `"${path}" must not validate the schema (not)`);
  const passing = asArray(e.params['passingSchemas']);
  const found = passing === undefined ? 'Found none valid' : `Found ${passing.length} valid alternatives`;
  return fieldErr.invalid(path, '', `"${path}" must validate one and only one schema (oneOf). ${found}`);
}

function sizeError(e: ErrorObject, path: string, value: unknown): FieldError {
  const limit = asNumber(e.params['limit']) ?? 0;
  switch (e.keyword) {
    case 'maxLength': return { type: 'TooLong', field: path, detail: `may not be more than ${limit} bytes` };
    case 'minLength': return fieldErr.invalid(path, value, `${path} in body should be at least ${limit} chars long`);
    case 'minItems': return fieldErr.invalid(path, sizeOf(value), `${path} in body should have at least ${limit} items`);
    case 'minProperties': return fieldErr.invalid(path, sizeOf(value), `${path} in body should have at least ${limit} properties`);
    // Kubernetes reports these as `Too many: <n>: must have at most <max> items`; FieldError has no TooMany type.
    default: return fieldErr.invalid(path, sizeOf(value), `must have at most ${limit} items`);
  }
}

function toFieldError(e: ErrorObject, data: unknown): FieldError {
  const { path, value } = locate(e.instancePath, data);
  switch (e.keyword) {
    case 'type': return typeError(path, value, e.params['type']);
    case 'required': return fieldErr.required(child(path, asString(e.params['missingProperty']) ?? ''));
    case 'enum': {
      const allowed = (asArray(e.params['allowedValues']) ?? []).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
      return fieldErr.notSupported(path, value, allowed);
    }
    case 'format': return { type: 'TypeInvalid', field: path, value, detail: `${path} in body must be of type ${asString(e.params['format']) ?? ''}: ${quote(value)}` };
    case 'pattern': return fieldErr.invalid(path, value, `${path} in body should match '${asString(e.params['pattern']) ?? ''}'`);
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': return boundError(e, path, value);
    case 'multipleOf': return fieldErr.invalid(path, value, `${path} in body should be a multiple of ${asNumber(e.params['multipleOf']) ?? 0}`);
    case 'uniqueItems': return fieldErr.invalid(path, '', `${path} in body shouldn't contain duplicates`);
    case 'anyOf': case 'oneOf': case 'not': return combinatorError(e, path);
    case 'maxLength': case 'minLength': case 'minItems': case 'maxItems': case 'minProperties': case 'maxProperties': return sizeError(e, path, value);
    default: return fieldErr.invalid(path, value ?? '', `${path} in body ${e.message ?? 'is invalid'}`);
  }
}

/** Converts ajv's errors; the branch errors ajv adds under a failed anyOf/oneOf are dropped, as Kubernetes shows only the summary. */
export function toFieldErrors(errors: readonly ErrorObject[], data: unknown): FieldError[] {
  return errors.filter((e) => !/\/(anyOf|oneOf)\/\d+\//.test(e.schemaPath)).map((e) => toFieldError(e, data));
}
