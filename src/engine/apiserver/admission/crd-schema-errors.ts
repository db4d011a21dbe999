// The FieldErrors kube-apiserver produces for custom resources that break their schema (kube-openapi messages as
// apiextensions converts them): `spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"`.
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { child } from './_field.js';
import { asArray, asObject } from './_json.js';

/** The numeric bound keywords, in the order they are checked. */
export type BoundKeyword = 'maximum' | 'minimum' | 'exclusiveMaximum' | 'exclusiveMinimum';

/** The size keywords of strings, arrays and objects. */
export type SizeKeyword = 'maxLength' | 'minLength' | 'maxItems' | 'minItems' | 'maxProperties' | 'minProperties';

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

/** `must be of type integer,string: "boolean"`; `expected` is the type list without `null`. */
export function typeError(path: string, value: unknown, expected: string): FieldError {
  const actual = jsonTypeName(value);
  return { type: 'TypeInvalid', field: path, value: actual, detail: `${path} in body must be of type ${expected}: "${actual}"` };
}

const BOUND_WORDS: Readonly<Record<BoundKeyword, string>> = {
  minimum: 'greater than or equal to', exclusiveMinimum: 'greater than', maximum: 'less than or equal to', exclusiveMaximum: 'less than',
};

/** `spec.replicas in body should be greater than or equal to 0`. */
export function boundError(keyword: BoundKeyword, path: string, value: unknown, limit: number): FieldError {
  return fieldErr.invalid(path, value, `${path} in body should be ${BOUND_WORDS[keyword]} ${limit}`);
}

/** `spec.step in body should be a multiple of 5`. */
export function multipleOfError(path: string, value: unknown, multipleOf: number): FieldError {
  return fieldErr.invalid(path, value, `${path} in body should be a multiple of ${multipleOf}`);
}

/** Length, item-count and property-count limits, worded as Kubernetes words each. */
export function sizeError(keyword: SizeKeyword, path: string, value: unknown, limit: number): FieldError {
  switch (keyword) {
    case 'maxLength': return { type: 'TooLong', field: path, detail: `may not be more than ${limit} bytes` };
    case 'minLength': return fieldErr.invalid(path, value, `${path} in body should be at least ${limit} chars long`);
    case 'minItems': return fieldErr.invalid(path, sizeOf(value), `${path} in body should have at least ${limit} items`);
    case 'minProperties': return fieldErr.invalid(path, sizeOf(value), `${path} in body should have at least ${limit} properties`);
    // Kubernetes reports these as `Too many: <n>: must have at most <max> items`; FieldError has no TooMany type.
    case 'maxItems': case 'maxProperties': return fieldErr.invalid(path, sizeOf(value), `must have at most ${limit} items`);
  }
}

/** `Unsupported value: "rolling": supported values: "canary", "blueGreen"`. */
export function enumError(path: string, value: unknown, allowed: readonly unknown[]): FieldError {
  return fieldErr.notSupported(path, value, allowed.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))));
}

/** `spec.startedAt in body must be of type date-time: "yesterday"`. */
export function formatError(path: string, value: unknown, format: string): FieldError {
  return { type: 'TypeInvalid', field: path, value, detail: `${path} in body must be of type ${format}: ${quote(value)}` };
}

/** `spec.name in body should match '^[a-z]+$'`. */
export function patternError(path: string, value: unknown, pattern: string): FieldError {
  return fieldErr.invalid(path, value, `${path} in body should match '${pattern}'`);
}

/** A missing required property: `spec.strategy: Required value`. */
export function requiredError(path: string, name: string): FieldError {
  return fieldErr.required(child(path, name));
}

/** A property that `additionalProperties: false` does not allow (reported on the object). */
export function additionalPropertyError(path: string, value: unknown): FieldError {
  return fieldErr.invalid(path, value, `${path} in body must NOT have additional properties`);
}

/** Duplicate items where `uniqueItems: true`. */
export function uniqueItemsError(path: string): FieldError {
  return fieldErr.invalid(path, '', `${path} in body shouldn't contain duplicates`);
}

/** No `anyOf` alternative matched. */
export function anyOfError(path: string): FieldError {
  return fieldErr.invalid(path, '', `"${path}" must validate at least one schema (anyOf)`);
}

/** Not exactly one `oneOf` alternative matched; `passing` counts those that did. */
export function oneOfError(path: string, passing: number): FieldError {
  const found = passing === 0 ? 'Found none valid' : `Found ${passing} valid alternatives`;
  return fieldErr.invalid(path, '', `"${path}" must validate one and only one schema (oneOf). ${found}`);
}

/** The `not` schema matched. */
export function notError(path: string): FieldError {
  return fieldErr.invalid(path, '', `"${path}" must not validate the schema (not)`);
}
