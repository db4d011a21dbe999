// Field-level validation errors (k8s.io/apimachinery field.Error) and the 422 Invalid error built from them.
import { ApiError } from './api-error.js';
import type { StatusCause } from './meta.js';

/** The kinds of field error Kubernetes reports, with their StatusCause reasons. */
export type FieldErrorType = 'Invalid' | 'Required' | 'NotSupported' | 'Duplicate' | 'Forbidden' | 'TooLong' | 'TypeInvalid' | 'NotFound';

/** One problem with one field. `field` is a path such as `spec.template.spec.containers[0].image`. */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  value?: unknown;
  detail?: string;
}

const CAUSE_REASON: Record<FieldErrorType, string> = {
  Invalid: 'FieldValueInvalid',
  Required: 'FieldValueRequired',
  NotSupported: 'FieldValueNotSupported',
  Duplicate: 'FieldValueDuplicate',
  Forbidden: 'FieldValueForbidden',
  TooLong: 'FieldValueTooLong',
  TypeInvalid: 'FieldValueTypeInvalid',
  NotFound: 'FieldValueNotFound',
};

/** Formats a value the way Kubernetes prints it in messages: strings quoted, numbers bare. */
export function formatValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (v === undefined) return '<nil>';
  const json = JSON.stringify(v);
  return json.length > 120 ? `${json.slice(0, 117)}...` : json;
}

/** The message part of a field error without the field path: `Invalid value: -1: must be >= 0`. */
export function fieldErrorBody(e: FieldError): string {
  const detail = e.detail ? `: ${e.detail}` : '';
  switch (e.type) {
    case 'Invalid': return `Invalid value: ${formatValue(e.value)}${detail}`;
    case 'TypeInvalid': return `Invalid value: ${formatValue(e.value)}${detail}`;
    case 'Required': return `Required value${detail}`;
    case 'NotSupported': return `Unsupported value: ${formatValue(e.value)}${detail}`;
    case 'Duplicate': return `Duplicate value: ${formatValue(e.value)}`;
    case 'Forbidden': return `Forbidden${detail}`;
    case 'TooLong': return `Too long${detail}`;
    case 'NotFound': return `Not found: ${formatValue(e.value)}`;
  }
}

/** `spec.replicas: Invalid value: -1: must be greater than or equal to 0` */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}

/** The StatusCause Kubernetes attaches for a field error. */
export function toCause(e: FieldError): StatusCause {
  return { reason: CAUSE_REASON[e.type], message: fieldErrorBody(e), field: e.field };
}

/**
 * The 422 error for an invalid object: `Deployment.apps "bad" is invalid: spec.replicas: …`.
 * With several errors the list is bracketed as Kubernetes does.
 */
export function invalid(kind: string, group: string, name: string, errors: readonly FieldError[]): ApiError {
  const qualifiedKind = group === '' ? kind : `${kind}.${group}`;
  const list = errors.map(formatFieldError);
  const summary = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
  return new ApiError('Invalid', `${qualifiedKind} "${name}" is invalid: ${summary}`, {
    name, group, kind, causes: errors.map(toCause),
  });
}

/** Builders for the common cases. */
export const fieldErr = {
  invalid: (field: string, value: unknown, detail: string): FieldError => ({ type: 'Invalid', field, value, detail }),
  required: (field: string, detail?: string): FieldError => (detail === undefined ? { type: 'Required', field } : { type: 'Required', field, detail }),
  notSupported: (field: string, value: unknown, supported: readonly string[]): FieldError => ({
    type: 'NotSupported', field, value, detail: `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
  }),
  duplicate: (field: string, value: unknown): FieldError => ({ type: 'Duplicate', field, value }),
  forbidden: (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail }),
  tooLong: (field: string, max: number): FieldError => ({ type: 'TooLong', field, detail: `must have at most ${max} bytes` }),
};
