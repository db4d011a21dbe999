// Interprets a preprocessed schema against a value: schema and value are walked together, nothing is generated.
// Errors come in a fixed order per node — the type, then enum/not/anyOf/oneOf/allOf, then the keywords of the
// value's JSON type (number, string, array, object) — and properties in schema order.
import type { FieldError } from '../../../api/field-error.js';
import { isJsonObject } from '../../../api/meta.js';
import { deepEqual } from '../../../lib/deep-equal.js';
import { child, index } from './_field.js';
import {
  additionalPropertyError, anyOfError, boundError, enumError, formatError, multipleOfError, notError, oneOfError, patternError,
  requiredError, sizeError, typeError, uniqueItemsError,
} from './crd-schema-errors.js';
import type { ArrayRules, Combinators, JsonType, NodeRef, NumberRules, ObjectRules, SchemaNode, StringRules } from './crd-schema-node.js';

type JsonRecord = Record<string, unknown>;

function hasType(x: unknown, t: JsonType): boolean {
  switch (t) {
    case 'null': return x === null;
    case 'integer': return typeof x === 'number' && Number.isInteger(x);
    case 'array': return Array.isArray(x);
    case 'object': return isJsonObject(x);
    default: return typeof x === t;
  }
}

/** True when `x` passes the node (errors discarded): the alternatives of anyOf, oneOf and not. */
function passes(ref: NodeRef, x: unknown, path: string): boolean {
  const errs: FieldError[] = [];
  validateNode(ref(), x, path, errs);
  return errs.length === 0;
}

function checkCombinators(c: Combinators, x: unknown, path: string, errs: FieldError[]): void {
  if (c.enum !== undefined && !c.enum.some((v) => deepEqual(v, x))) errs.push(enumError(path, x, c.enum));
  if (c.not !== undefined && passes(c.not, x, path)) errs.push(notError(path));
  if (c.anyOf !== undefined && !c.anyOf.some((s) => passes(s, x, path))) errs.push(anyOfError(path));
  if (c.oneOf !== undefined) {
    const passing = c.oneOf.filter((s) => passes(s, x, path)).length;
    if (passing !== 1) errs.push(oneOfError(path, passing));
  }
  for (const s of c.allOf ?? []) validateNode(s(), x, path, errs);
}

function checkNumber(r: NumberRules, x: number, path: string, errs: FieldError[]): void {
  for (const { keyword, limit } of r.bounds) {
    const ok = keyword === 'maximum' ? x <= limit : keyword === 'minimum' ? x >= limit : keyword === 'exclusiveMaximum' ? x < limit : x > limit;
    if (!ok) errs.push(boundError(keyword, path, x, limit));
  }
  if (r.multipleOf !== undefined && (r.multipleOf === 0 || !Number.isInteger(x / r.multipleOf))) errs.push(multipleOfError(path, x, r.multipleOf));
}

/** Length in code points, as Go counts runes (an emoji written as a surrogate pair is 1). */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    n++;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return n;
}

function checkString(r: StringRules, x: string, path: string, errs: FieldError[]): void {
  if (r.maxLength !== undefined || r.minLength !== undefined) {
    const length = codePoints(x);
    if (r.maxLength !== undefined && length > r.maxLength) errs.push(sizeError('maxLength', path, x, r.maxLength));
    if (r.minLength !== undefined && length < r.minLength) errs.push(sizeError('minLength', path, x, r.minLength));
  }
  if (r.pattern !== undefined && !r.pattern.regexp.test(x)) errs.push(patternError(path, x, r.pattern.source));
  if (r.format !== undefined && !r.format.check(x)) errs.push(formatError(path, x, r.format.name));
}

function hasDuplicates(list: readonly unknown[]): boolean {
  for (let i = 1; i < list.length; i++) {
    for (let j = 0; j < i; j++) if (deepEqual(list[i], list[j])) return true;
  }
  return false;
}

function checkArray(r: ArrayRules, x: readonly unknown[], path: string, errs: FieldError[]): void {
  if (r.maxItems !== undefined && x.length > r.maxItems) errs.push(sizeError('maxItems', path, x, r.maxItems));
  if (r.minItems !== undefined && x.length < r.minItems) errs.push(sizeError('minItems', path, x, r.minItems));
  if (r.uniqueItems && hasDuplicates(x)) errs.push(uniqueItemsError(path));
  const items = r.items;
  if (items === undefined) return;
  const node = items();
  x.forEach((v, i) => validateNode(node, v, index(path, i), errs));
}

function checkObject(r: ObjectRules, x: JsonRecord, path: string, errs: FieldError[]): void {
  if (r.maxProperties !== undefined || r.minProperties !== undefined) {
    const size = Object.keys(x).length;
    if (r.maxProperties !== undefined && size > r.maxProperties) errs.push(sizeError('maxProperties', path, x, r.maxProperties));
    if (r.minProperties !== undefined && size < r.minProperties) errs.push(sizeError('minProperties', path, x, r.minProperties));
  }
  for (const name of r.required) if (!Object.hasOwn(x, name)) errs.push(requiredError(path, name));
  const additional = r.additional;
  if (additional !== undefined && additional !== true) {
    for (const [k, v] of Object.entries(x)) {
      if (r.byName.has(k)) continue;
      if (additional === false) errs.push(additionalPropertyError(path, x));
      else validateNode(additional(), v, child(path, k), errs);
    }
  }
  for (const [name, ref] of r.properties) {
    const v = x[name];
    if (v !== undefined && Object.hasOwn(x, name)) validateNode(ref(), v, child(path, name), errs);
  }
}

/**
 * Appends to `errs` every way `x` (found at `path`, `''` for the root) breaks `node`.
 * Example: `{type: integer, minimum: 0}` and `-1` at `spec.replicas` give
 * `spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or equal to 0`.
 */
export function validateNode(node: SchemaNode, x: unknown, path: string, errs: FieldError[]): void {
  const typeOk = node.types.length === 0 || node.types.some((t) => hasType(x, t));
  if (!typeOk && node.typeGroup === undefined) errs.push(typeError(path, x, node.typeLabel));
  if (node.any !== undefined) checkCombinators(node.any, x, path, errs);
  const wrongType = !typeOk ? node.typeGroup : undefined;
  if (node.number !== undefined) {
    if (typeof x === 'number') checkNumber(node.number, x, path, errs);
    else if (wrongType === 'number') errs.push(typeError(path, x, node.typeLabel));
  }
  if (node.string !== undefined) {
    if (typeof x === 'string') checkString(node.string, x, path, errs);
    else if (wrongType === 'string') errs.push(typeError(path, x, node.typeLabel));
  }
  if (node.array !== undefined) {
    if (Array.isArray(x)) checkArray(node.array, x, path, errs);
    else if (wrongType === 'array') errs.push(typeError(path, x, node.typeLabel));
  }
  if (node.object !== undefined) {
    if (isJsonObject(x)) checkObject(node.object, x, path, errs);
    else if (wrongType === 'object') errs.push(typeError(path, x, node.typeLabel));
  }
}
