// ConfigMap and Secret validation (core ValidateConfigMap / ValidateSecret and their updates, 1.32).
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { deepEqual } from '../../../lib/deep-equal.js';
import { immutable, invalidEach, key, tooLong, uniqueErrors } from './_field.js';
import { asObject, asString, byteLength, type JsonObject } from './_json.js';
import { isConfigMapKey, nameIsDNSSubdomain } from './metadata.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

/** core.MaxSecretSize: 1 MiB for the data of a ConfigMap or Secret. */
export const MAX_SECRET_SIZE = 1024 * 1024;
const IMMUTABLE_SET = 'field is immutable when `immutable` is set';

/** Bytes a base64 value decodes to (Secret data and ConfigMap binaryData travel as base64). */
function decodedLength(v: string): number {
  return Buffer.from(v, 'base64').length;
}

function keyErrors(map: JsonObject, field: string): FieldError[] {
  return Object.keys(map).flatMap((k) => invalidEach(key(field, k), k, isConfigMapKey(k)));
}

function validateConfigMapBody(cm: JsonObject): FieldError[] {
  const data = asObject(cm['data']) ?? {};
  const binary = asObject(cm['binaryData']) ?? {};
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    errs.push(...invalidEach(key('data', k), k, isConfigMapKey(k)));
    if (k in binary) errs.push(fieldErr.invalid(key('data', k), k, 'duplicate of key present in binaryData'));
    total += byteLength(asString(v) ?? '');
  }
  errs.push(...keyErrors(binary, 'binaryData'));
  for (const v of Object.values(binary)) total += decodedLength(asString(v) ?? '');
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('', MAX_SECRET_SIZE));
  return errs;
}

function immutableContents(obj: JsonObject, old: JsonObject, fields: readonly string[]): FieldError[] {
  if (old['immutable'] !== true) return [];
  const errs = obj['immutable'] === true ? [] : [fieldErr.forbidden('immutable', IMMUTABLE_SET)];
  for (const f of fields) if (!deepEqual(obj[f] ?? null, old[f] ?? null)) errs.push(fieldErr.forbidden(f, IMMUTABLE_SET));
  return errs;
}

/** A ConfigMap: keys, no key in both data and binaryData, at most 1 MiB; with `immutable: true` frozen. */
export function validateConfigMap(cm: JsonObject, old?: JsonObject): FieldError[] {
  const errs = old === undefined ? [] : [...validateObjectMetaUpdate(cm['metadata'], old['metadata']), ...immutableContents(cm, old, ['data', 'binaryData'])];
  return uniqueErrors([...errs, ...validateObjectMeta(cm['metadata'], nameIsDNSSubdomain), ...validateConfigMapBody(cm)]);
}

function validateSecretType(secret: JsonObject, data: JsonObject): FieldError[] {
  const has = (k: string): boolean => k in data;
  switch (asString(secret['type']) ?? '') {
    case 'kubernetes.io/service-account-token': {
      const annotations = asObject(asObject(secret['metadata'])?.['annotations']) ?? {};
      const name = asString(annotations['kubernetes.io/service-account.name']) ?? '';
      return name === '' ? [fieldErr.required('metadata.annotations[kubernetes.io/service-account.name]')] : [];
    }
    case 'kubernetes.io/dockercfg': return has('.dockercfg') ? [] : [fieldErr.required(key('data', '.dockercfg'))];
    case 'kubernetes.io/dockerconfigjson': return has('.dockerconfigjson') ? [] : [fieldErr.required(key('data', '.dockerconfigjson'))];
    case 'kubernetes.io/basic-auth':
      return has('username') || has('password') ? [] : [fieldErr.required(key('data', 'username')), fieldErr.required(key('data', 'password'))];
    case 'kubernetes.io/ssh-auth':
      return decodedLength(asString(data['ssh-privatekey']) ?? '') > 0 ? [] : [fieldErr.required(key('data', 'ssh-privatekey'))];
    case 'kubernetes.io/tls':
      return ['tls.crt', 'tls.key'].filter((k) => !has(k)).map((k) => fieldErr.required(key('data', k)));
    default: return [];
  }
}

function validateSecretBody(secret: JsonObject): FieldError[] {
  const data = asObject(secret['data']) ?? {};
  const errs = keyErrors(data, 'data');
  const total = Object.values(data).reduce<number>((n, v) => n + decodedLength(asString(v) ?? ''), 0);
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('data', MAX_SECRET_SIZE));
  return [...errs, ...validateSecretType(secret, data)];
}

/** A Secret (after stringData has been merged into data): keys, 1 MiB, per-type required keys; type is immutable. */
export function validateSecret(secret: JsonObject, old?: JsonObject): FieldError[] {
  const errs = old === undefined ? [] : [
    ...validateObjectMetaUpdate(secret['metadata'], old['metadata']),
    ...immutable('type', secret['type'], old['type']),
    ...immutableContents(secret, old, ['data']),
  ];
  return uniqueErrors([...errs, ...validateObjectMeta(secret['metadata'], nameIsDNSSubdomain), ...validateSecretBody(secret)]);
}
