// Private to admission/: typed reads of untyped JSON and small setters used on fresh (cloned) objects.
import { isJsonObject } from '../../../api/meta.js';

/** A JSON object as decoded from a request body. */
export type JsonObject = Record<string, unknown>;

/** The value when it is a JSON object, else undefined. */
export function asObject(v: unknown): JsonObject | undefined {
  return isJsonObject(v) ? v : undefined;
}

/** The value when it is an array, else undefined. */
export function asArray(v: unknown): readonly unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** The value when it is a string, else undefined. */
export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The value when it is a finite number, else undefined. */
export function asNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Go decodes JSON `null` to the zero value, so null and missing mean the same thing. */
export function isAbsent(v: unknown): v is null | undefined {
  return v === undefined || v === null;
}

/** The object members of an array field (non-objects are skipped). */
export function objectsOf(v: unknown): JsonObject[] {
  return (asArray(v) ?? []).filter(isJsonObject);
}

/** The string-valued entries of a map field such as labels. */
export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(asObject(v) ?? {})) if (typeof x === 'string') out[k] = x;
  return out;
}

/** Sets `o[key]` when it is missing or null (Go defaulting of a nil pointer). */
export function setDefault(o: JsonObject, key: string, value: unknown): void {
  if (isAbsent(o[key])) o[key] = value;
}

/** Sets a string field when it is missing, null or empty (Go defaulting of a plain string field). */
export function setDefaultString(o: JsonObject, key: string, value: string): void {
  if (isAbsent(o[key]) || o[key] === '') o[key] = value;
}

/** The object at `o[key]`, created empty when missing; undefined when the field holds another type. */
export function ensureObject(o: JsonObject, key: string): JsonObject | undefined {
  if (isAbsent(o[key])) o[key] = {};
  return asObject(o[key]);
}

/** UTF-8 byte length, which is what Go's len() measures. */
export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
