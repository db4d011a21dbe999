// Objects a schema marks `x-kubernetes-embedded-resource: true` (apiextensions objectmeta validation, 1.32):
// apiVersion and kind are required strings, and metadata, when present, is validated as a resource's ObjectMeta.
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { child } from './_field.js';
import { asString, type JsonObject } from './_json.js';
import { isDNS1035Label, type NameValidator } from './metadata.js';
import { validateObjectMeta } from './object-meta.js';

/** ValidatePathSegmentName: what a name must be to appear in a URL path. */
const pathSegmentName: NameValidator = (name, prefix) => {
  if (!prefix && (name === '.' || name === '..')) return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
};

/** Go's name for the type a non-object metadata value decodes to. */
function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

function apiVersionErrors(v: unknown, path: string): FieldError[] {
  if (typeof v !== 'string') return [fieldErr.invalid(path, v, 'must be a string')];
  if (v === '') return [fieldErr.required(path)];
  if (v.split('/').length > 2) return [fieldErr.invalid(path, v, `unexpected GroupVersion string: ${v}`)];
  return [];
}

function kindErrors(v: unknown, path: string): FieldError[] {
  if (typeof v !== 'string') return [fieldErr.invalid(path, v, 'must be a string')];
  if (v === '') return [fieldErr.required(path)];
  const msgs = isDNS1035Label(v.toLowerCase());
  return msgs.length === 0 ? [] : [fieldErr.invalid(path, v, `may have mixed case, but should otherwise match: ${msgs.join(',')}`)];
}

function metadataErrors(v: unknown, path: string): FieldError[] {
  if (v === null) return [];
  if (typeof v !== 'object' || Array.isArray(v)) return [fieldErr.invalid(path, v, `invalid metadata: expected object, got ${goTypeName(v)}`)];
  const meta: JsonObject = { ...v };
  // The name of an embedded object may be left to whoever creates it, so an empty one is not an error.
  if ((asString(meta['name']) ?? '') === '') meta['name'] = 'fakename';
  return validateObjectMeta(meta, pathSegmentName, path);
}

/**
 * The TypeMeta and ObjectMeta problems of an embedded resource at `path`. Example: `{metadata: {name: "a/b"}}` at
 * `spec.job` gives `spec.job.apiVersion: Required value`, `spec.job.kind: Required value` and
 * `spec.job.metadata.name: Invalid value: "a/b": may not contain '/'`.
 */
export function embeddedResourceErrors(o: JsonObject, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!Object.hasOwn(o, 'apiVersion')) errs.push(fieldErr.required(child(path, 'apiVersion')));
  if (!Object.hasOwn(o, 'kind')) errs.push(fieldErr.required(child(path, 'kind')));
  if (Object.hasOwn(o, 'apiVersion')) errs.push(...apiVersionErrors(o['apiVersion'], child(path, 'apiVersion')));
  if (Object.hasOwn(o, 'kind')) errs.push(...kindErrors(o['kind'], child(path, 'kind')));
  if (Object.hasOwn(o, 'metadata')) errs.push(...metadataErrors(o['metadata'], child(path, 'metadata')));
  return errs;
}
