// Private to admission/: field paths in Kubernetes' notation and the error builders the validators share.
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { deepEqual } from '../../../lib/deep-equal.js';
import { asNumber, isAbsent, type JsonObject } from './_json.js';

/** `spec` + `replicas` → `spec.replicas`; the root path is the empty string. */
export function child(base: string, name: string): string {
  return base === '' ? name : `${base}.${name}`;
}

/** `spec.containers` + 0 → `spec.containers[0]`. */
export function index(base: string, i: number): string {
  return `${base}[${i}]`;
}

/** `data` + `a.txt` → `data[a.txt]` (Go's Path.Key). */
export function key(base: string, k: string): string {
  return `${base}[${k}]`;
}

/** apimachinery's IsNegativeErrorMsg. */
export const IS_NEGATIVE = 'must be greater than or equal to 0';

/** apimachinery's FieldImmutableErrorMsg. */
export const IMMUTABLE = 'field is immutable';

/** `spec.replicas: Invalid value: -1: must be greater than or equal to 0` when `v` is negative. */
export function nonNegative(path: string, v: number | undefined): FieldError[] {
  return v !== undefined && v < 0 ? [fieldErr.invalid(path, v, IS_NEGATIVE)] : [];
}

/** field.TooLong as Kubernetes 1.32 words it: `Too long: may not be more than 1048576 bytes`. */
export function tooLong(path: string, maxBytes: number): FieldError {
  return { type: 'TooLong', field: path, detail: `may not be more than ${maxBytes} bytes` };
}

/** ValidateImmutableField: `Invalid value: <new>: field is immutable` when the values differ. */
export function immutable(path: string, next: unknown, prev: unknown): FieldError[] {
  const a = isAbsent(next) ? null : next;
  const b = isAbsent(prev) ? null : prev;
  return deepEqual(a, b) ? [] : [fieldErr.invalid(path, a, IMMUTABLE)];
}

/** Invalid errors for each message of a format check (`isDNS1123Label(...)` and friends). */
export function invalidEach(path: string, value: unknown, messages: readonly string[]): FieldError[] {
  return messages.map((m) => fieldErr.invalid(path, value, m));
}

/**
 * Reads an integer field. A value of another JSON type is reported (the real server refuses it while
 * decoding) and read as absent, so one bad field never hides the others.
 */
export function readInt(o: JsonObject, name: string, path: string, errs: FieldError[]): number | undefined {
  const v = o[name];
  if (isAbsent(v)) return undefined;
  const n = asNumber(v);
  if (n !== undefined && Number.isInteger(n)) return n;
  errs.push({ type: 'TypeInvalid', field: path, value: v, detail: 'must be of type integer' });
  return undefined;
}

/** Reads a string field; another JSON type is reported and read as absent. */
export function readString(o: JsonObject, name: string, path: string, errs: FieldError[]): string | undefined {
  const v = o[name];
  if (isAbsent(v)) return undefined;
  if (typeof v === 'string') return v;
  errs.push({ type: 'TypeInvalid', field: path, value: v, detail: 'must be of type string' });
  return undefined;
}

/** Drops exact duplicates, keeping the first occurrence (Kubernetes repeats some spec errors on update). */
export function uniqueErrors(errs: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errs.filter((e) => {
    const id = JSON.stringify([e.type, e.field, e.value, e.detail]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
