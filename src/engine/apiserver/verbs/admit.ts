// The admission steps every write shares: type-meta checks, strict decoding (fieldValidation),
// defaulting and validation. All synchronous, so a request's read-check-write cannot interleave with another.
import { ApiError } from '../../../api/api-error.js';
import { invalid } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import type { ResourceDef } from '../registry/resource-def.js';
import type { RequestScope } from '../server-context.js';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** The `fieldValidation` query parameter (Kubernetes' default is Warn). */
export function fieldValidationOf(query: URLSearchParams): FieldValidation {
  const v = query.get('fieldValidation') ?? 'Warn';
  if (v === 'Strict' || v === 'Warn' || v === 'Ignore') return v;
  throw new ApiError('BadRequest', `fieldValidation parameter unsupported: ${v}, valid values are: Ignore, Warn, Strict`);
}

const servedApiVersion = (def: ResourceDef): string => (def.group === '' ? def.version : `${def.group}/${def.version}`);

/** Checks apiVersion/kind of a request body against the URL, filling them when absent. */
export function checkTypeMeta(def: ResourceDef, obj: KubeObject): KubeObject {
  const apiVersion = servedApiVersion(def);
  if (obj.apiVersion !== '' && obj.apiVersion !== apiVersion) {
    throw new ApiError('BadRequest', `the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersion})`);
  }
  if (obj.kind !== '' && obj.kind !== def.kind) {
    throw new ApiError('BadRequest', `the kind in the data (${obj.kind}) does not match the expected kind (${def.kind})`);
  }
  return { ...obj, apiVersion, kind: def.kind };
}

/**
 * Strict decoding: type errors always fail (400); unknown fields fail under Strict, warn under Warn.
 * Returns the object with unknown fields dropped, as decoding into the API type does.
 */
export function decodeChecked(def: ResourceDef, obj: KubeObject, mode: FieldValidation, scope: RequestScope): KubeObject {
  if (!def.hooks.decode) return obj;
  const { object, unknownFields, typeErrors } = def.hooks.decode(obj);
  const prefix = `${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}`;
  if (typeErrors.length > 0) throw new ApiError('BadRequest', `${prefix}: ${typeErrors.join(', ')}`);
  if (unknownFields.length > 0) {
    const list = unknownFields.map((f) => `unknown field "${f}"`);
    if (mode === 'Strict') throw new ApiError('BadRequest', `${prefix}: strict decoding error: ${list.join(', ')}`);
    if (mode === 'Warn') scope.warnings.push(...list);
  }
  return object;
}

/** Converts a served-version object to storage form with the storage apiVersion. */
export function toStorage(def: ResourceDef, obj: KubeObject): KubeObject {
  const converted = def.hooks.fromVersion ? def.hooks.fromVersion(obj) : obj;
  return { ...converted, apiVersion: def.storageVersion, kind: def.kind };
}

/** Applies the resource's defaults (storage form). */
export function applyDefaults(def: ResourceDef, obj: KubeObject, old: KubeObject | undefined): KubeObject {
  return def.hooks.default ? def.hooks.default(obj, old) : obj;
}

/** Validates the object (and the update against `old`); throws 422 Invalid with field causes. */
export function validateOrThrow(def: ResourceDef, obj: KubeObject, old: KubeObject | undefined): void {
  const name = obj.metadata.name ?? '';
  const errors = [];
  if (!name) errors.push({ type: 'Required' as const, field: 'metadata.name', detail: 'name or generateName is required' });
  errors.push(...(def.hooks.validate ? def.hooks.validate(obj, old) : []));
  if (errors.length > 0) throw invalid(def.kind, def.group, name, errors);
}

/** Defaulting then validation, for creates. */
export function defaultAndValidate(def: ResourceDef, obj: KubeObject, old: KubeObject | undefined): KubeObject {
  const defaulted = applyDefaults(def, obj, old);
  validateOrThrow(def, defaulted, old);
  return defaulted;
}
