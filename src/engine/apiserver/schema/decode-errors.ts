// The messages Kubernetes sends when a request body cannot be decoded into a built-in kind.
import { ApiError } from '../../../api/api-error.js';
import type { DecodeCheck, TypeErrorInfo } from './strict-decode.js';

/** The `fieldValidation` query parameter of create, update and patch. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** Go's text for one type error: `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`. */
export function decodeErrorText(info: TypeErrorInfo): string {
  if (info.detail !== undefined) return info.detail;
  const into = info.goStruct === '' && info.goPath === ''
    ? 'Go value'
    : `Go struct field ${info.goStruct}.${info.goPath}`;
  return `json: cannot unmarshal ${info.found} into ${into} of type ${info.goType}`;
}

function cannotHandle(kind: string, version: string): string {
  return `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}`;
}

/** `Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal …` (HTTP 400). */
export function formatDecodeError(kind: string, version: string, info: TypeErrorInfo): string {
  return `${cannotHandle(kind, version)}: ${decodeErrorText(info)}`;
}

/** `unknown field "spec.replica"`: one strict-decoding error, also the text of a Warn-mode warning. */
export function unknownFieldWarning(path: string): string {
  return `unknown field ${JSON.stringify(path)}`;
}

/** `strict decoding error: unknown field "spec.replica", unknown field "…"` */
export function strictDecodingMessage(unknownFields: readonly string[]): string {
  return `strict decoding error: ${unknownFields.map(unknownFieldWarning).join(', ')}`;
}

/** `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "…"` */
export function formatStrictDecodeError(kind: string, version: string, unknownFields: readonly string[]): string {
  return `${cannotHandle(kind, version)}: ${strictDecodingMessage(unknownFields)}`;
}

/**
 * What a create or update does with a decode check: type errors are always a 400; unknown fields are a
 * 400 under Strict, warnings under Warn and ignored under Ignore.
 */
export function decodeOutcome(kind: string, version: string, check: DecodeCheck, validation: FieldValidation):
  { readonly error: ApiError } | { readonly warnings: readonly string[] } {
  const typeError = check.typeErrors[0];
  if (typeError !== undefined) return { error: new ApiError('BadRequest', formatDecodeError(kind, version, typeError)) };
  if (check.unknownFields.length === 0 || validation === 'Ignore') return { warnings: [] };
  if (validation === 'Warn') return { warnings: check.unknownFields.map(unknownFieldWarning) };
  return { error: new ApiError('BadRequest', formatStrictDecodeError(kind, version, check.unknownFields)) };
}
