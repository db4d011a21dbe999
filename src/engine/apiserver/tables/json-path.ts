// Evaluates a parsed printer-column path the way client-go's jsonpath does with AllowMissingKeys:
// missing keys yield nothing, while type errors (indexing a non-array, an index out of range, comparing a
// string with a number) abort the whole evaluation.
import { isJsonObject } from '../../../api/meta.js';
import type { Comparator, JsonPath, Operand, Step, ValueType } from './json-path-parse.js';

export { parseJsonPath, type JsonPath, type ParsedJsonPath } from './json-path-parse.js';

/** Every value the path reaches in `data`, in document order; `undefined` when evaluation fails. */
export function evaluateJsonPath(path: JsonPath, data: unknown): unknown[] | undefined {
  let values: unknown[] | undefined = [data];
  for (const step of path) {
    values = applyStep(step, values);
    if (values === undefined) return undefined;
  }
  return values;
}

function applyStep(step: Step, input: unknown[]): unknown[] | undefined {
  const out: unknown[] = [];
  for (const v of input) {
    const got = stepValues(step, v);
    if (got === undefined) return undefined;
    out.push(...got);
  }
  return out;
}

function stepValues(step: Step, v: unknown): unknown[] | undefined {
  switch (step.op) {
    case 'field':
      // A present key counts even when its value is null; later steps skip the null.
      return isJsonObject(v) && Object.hasOwn(v, step.name) ? [v[step.name]] : [];
    case 'wildcard':
      if (Array.isArray(v)) return v;
      return isJsonObject(v) ? Object.keys(v).sort().map((k) => v[k]) : [];
    case 'slice':
      if (v === null || v === undefined) return [];
      return Array.isArray(v) ? sliceOf(v, step) : undefined;
    case 'filter':
      return Array.isArray(v) ? filterOf(v, step) : undefined;
  }
}

/** client-go's index rules: negative indexes count from the end; out-of-range is an error, not empty. */
function sliceOf(arr: readonly unknown[], s: Extract<Step, { op: 'slice' }>): unknown[] | undefined {
  const len = arr.length;
  const rawStart = s.start ?? 0;
  const start = rawStart < 0 ? rawStart + len : rawStart;
  let end = s.single ? start + 1 : (s.end ?? len);
  if (!s.single && end < 0) end += len;
  if (start === end) return [];
  if (start < 0 || start >= len || end < 0 || end > len || start > end) return undefined;
  const stride = s.step ?? 1;
  if (stride <= 0) return undefined;
  return arr.slice(start, end).filter((_, i) => i % stride === 0);
}

function filterOf(arr: readonly unknown[], f: Extract<Step, { op: 'filter' }>): unknown[] | undefined {
  const out: unknown[] = [];
  for (const el of arr) {
    const lefts = operandValues(f.left, el);
    if (f.cmp === 'exists') {
      if (lefts !== undefined && lefts.length > 0) out.push(el);
      continue;
    }
    if (lefts === undefined || lefts.length > 1 || f.right === undefined) return undefined;
    if (lefts.length === 0) continue;
    const rights = operandValues(f.right, el);
    if (rights === undefined || rights.length > 1) return undefined;
    if (rights.length === 0) continue;
    const pass = compare(f.cmp, typed(lefts[0]), 'literal' in f.right ? f.right : typed(rights[0]));
    if (pass === undefined) return undefined;
    if (pass) out.push(el);
  }
  return out;
}

function operandValues(o: Operand, el: unknown): unknown[] | undefined {
  return 'literal' in o ? [o.literal] : evaluateJsonPath(o.path, el);
}

interface Typed { literal: unknown; type: ValueType | undefined }

function typed(v: unknown): Typed {
  switch (typeof v) {
    case 'boolean': return { literal: v, type: 'bool' };
    case 'string': return { literal: v, type: 'string' };
    case 'number': return { literal: v, type: Number.isInteger(v) ? 'int' : 'float' };
    default: return { literal: v, type: undefined };
  }
}

/** Same-type comparison; `undefined` (an evaluation error) for mixed types, nulls, objects, or ordering booleans. */
function compare(cmp: Comparator, a: Typed, b: Typed): boolean | undefined {
  if (a.type === undefined || a.type !== b.type) return undefined;
  const x = a.literal;
  const y = b.literal;
  if (cmp === '==') return x === y;
  if (cmp === '!=') return x !== y;
  if (typeof x === 'number' && typeof y === 'number') return ordered(cmp, x - y);
  if (typeof x === 'string' && typeof y === 'string') return ordered(cmp, x < y ? -1 : x > y ? 1 : 0);
  return undefined;
}

function ordered(cmp: '<' | '<=' | '>' | '>=', diff: number): boolean {
  switch (cmp) {
    case '<': return diff < 0;
    case '<=': return diff <= 0;
    case '>': return diff > 0;
    case '>=': return diff >= 0;
  }
}
