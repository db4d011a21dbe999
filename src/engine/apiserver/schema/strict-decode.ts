// Server-side field validation: what Kubernetes' strict JSON decoding reports for a request body.
import { isJsonObject } from '../../../api/meta.js';
import { base64Error } from './_base64-syntax.js';
import { goStructName, goTypeName } from './_go-names.js';
import { quantityError } from './_quantity-syntax.js';
import type { LeafNode, ObjectNode, TypeNode } from './type-node.js';

/** One value of the wrong JSON type, described the way Go's encoding/json reports it. */
export interface TypeErrorInfo {
  /** Kubernetes field path with indices: `spec.template.spec.containers[0].image`. */
  readonly field: string;
  /** Go's error-context path (struct fields only, no indices or map keys): `spec.template.spec.containers.image`. */
  readonly goPath: string;
  /** Innermost Go struct holding the field (`Container`); empty when the whole document has the wrong type. */
  readonly goStruct: string;
  /** Go type expected: `int32`, `string`, `[]v1.Container`, `map[string]string`, … */
  readonly goType: string;
  /** JSON value found, in Go's words: `string`, `number`, `number 1.5`, `bool`, `object`, `array`. */
  readonly found: string;
  /** A custom decoder's own message, replacing the `json: cannot unmarshal …` text (quantities, base64). */
  readonly detail?: string;
  /** Errors from custom decoders (Time, IntOrString, Quantity) stop Go's decoding, so they win over others. */
  readonly aborts: boolean;
}

/** Result of `checkDecode`: unknown field paths in document order, and type errors (`[0]` is the one to report). */
export interface DecodeCheck {
  readonly unknownFields: readonly string[];
  readonly typeErrors: readonly TypeErrorInfo[];
}

// Go stops collecting strict-decoding errors after 100.
const MAX_UNKNOWN = 100;

interface Where { readonly field: string; readonly goPath: string; readonly goStruct: string }
interface Found { readonly unknownFields: string[]; readonly typeErrors: TypeErrorInfo[] }

function jsonKind(v: unknown): string {
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function report(out: Found, at: Where, goType: string, found: string, extra: { detail?: string; aborts?: boolean } = {}): void {
  const info: TypeErrorInfo = { ...at, goType, found, aborts: extra.aborts ?? false };
  out.typeErrors.push(extra.detail === undefined ? info : { ...info, detail: extra.detail });
}

function isInt(v: number, format: string | undefined): boolean {
  if (!Number.isInteger(v)) return false;
  return format === 'int64' ? Math.abs(v) <= 2 ** 63 : v >= -(2 ** 31) && v < 2 ** 31;
}

function checkInteger(v: unknown, node: LeafNode, at: Where, out: Found, aborts: boolean): void {
  const goType = node.format === 'int64' ? 'int64' : 'int32';
  if (typeof v !== 'number') report(out, at, goType, jsonKind(v), { aborts });
  else if (!isInt(v, node.format)) report(out, at, goType, `number ${String(v)}`, { aborts });
}

function checkQuantity(v: unknown, at: Where, out: Found): void {
  const text = typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
  const detail = quantityError(text);
  if (detail !== undefined) report(out, at, 'resource.Quantity', jsonKind(v), { detail, aborts: true });
}

function checkString(v: unknown, node: LeafNode, at: Where, out: Found): void {
  if (typeof v !== 'string') {
    report(out, at, goTypeName(node), jsonKind(v));
    return;
  }
  const detail = node.format === 'byte' ? base64Error(v) : undefined;
  if (detail !== undefined) report(out, at, '[]uint8', 'string', { detail });
}

function checkLeaf(v: unknown, node: LeafNode, at: Where, out: Found): void {
  switch (node.t) {
    case 'string': checkString(v, node, at, out); return;
    case 'integer': checkInteger(v, node, at, out, false); return;
    case 'number': if (typeof v !== 'number') report(out, at, 'float64', jsonKind(v)); return;
    case 'boolean': if (typeof v !== 'boolean') report(out, at, 'bool', jsonKind(v)); return;
    // metav1.Time decodes its JSON into a Go string first, so that is the type Go names.
    case 'time': if (typeof v !== 'string') report(out, at, 'string', jsonKind(v), { aborts: true }); return;
    case 'intOrString': if (typeof v !== 'string') checkInteger(v, { t: 'integer' }, at, out, true); return;
    case 'quantity': checkQuantity(v, at, out); return;
    default: return;
  }
}

function checkObject(v: Record<string, unknown>, node: ObjectNode, at: Where, out: Found): void {
  const fields = node.fields();
  const goStruct = goStructName(node.name);
  for (const [key, value] of Object.entries(v)) {
    const child = fields.get(key);
    if (child !== undefined) walk(value, child, { field: join(at.field, key), goPath: join(at.goPath, key), goStruct }, out);
    else if (out.unknownFields.length < MAX_UNKNOWN) out.unknownFields.push(join(at.field, key));
  }
}

function walk(v: unknown, node: TypeNode, at: Where, out: Found): void {
  if (v === null || node.t === 'any') return;
  if (node.t === 'object' || node.t === 'map') {
    if (!isJsonObject(v)) report(out, at, goTypeName(node), jsonKind(v));
    else if (node.t === 'object') checkObject(v, node, at, out);
    else for (const [key, value] of Object.entries(v)) walk(value, node.values, { ...at, field: join(at.field, key) }, out);
  } else if (node.t === 'array') {
    if (!Array.isArray(v)) report(out, at, goTypeName(node), jsonKind(v));
    else v.forEach((item: unknown, i) => walk(item, node.items, { ...at, field: `${at.field}[${i}]` }, out));
  } else {
    checkLeaf(v, node, at, out);
  }
}

/**
 * Checks a decoded JSON body against a kind's schema the way Kubernetes' strict decoder does: unknown
 * fields (`spec.Strategy`, `spec.template.spec.containers[0].imagePullPolicyy`) and values of the wrong
 * type. `null` is accepted for every known field. An unknown field is reported even when its value is null.
 */
export function checkDecode(obj: unknown, root: TypeNode): DecodeCheck {
  const out: Found = { unknownFields: [], typeErrors: [] };
  walk(obj, root, { field: '', goPath: '', goStruct: '' }, out);
  const firstAbort = out.typeErrors.findIndex((e) => e.aborts);
  if (firstAbort > 0) out.typeErrors.unshift(...out.typeErrors.splice(firstAbort, 1));
  return out;
}
