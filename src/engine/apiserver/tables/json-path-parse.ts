// Parser for the JSONPath dialect of CRD additionalPrinterColumns (client-go's jsonpath, without the
// braces): `.spec.replicas`, `.metadata.labels.app\.kubernetes\.io/name`, `['key']`, `[0]`, `[-1]`,
// `[1:3]`, `[*]`, `.*`, and filters `[?(@.type=="Ready")]`, `[?(@.ready)]`.

/** Operand type as client-go's template comparison sees it; values of different types never compare. */
export type ValueType = 'bool' | 'int' | 'float' | 'string';

/** One side of a filter comparison: a path relative to the element (`@.type`, `@`) or a literal. */
export type Operand = { path: JsonPath } | { literal: string | number | boolean; type: ValueType };

/** Filter comparison operators client-go accepts. */
export type Comparator = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** One step of a parsed path. `slice` also covers single indexes (`[2]` is start 2, end 3). */
export type Step =
  | { op: 'field'; name: string }
  | { op: 'wildcard' }
  | { op: 'slice'; start?: number; end?: number; step?: number; single: boolean }
  | { op: 'filter'; left: Operand; cmp: Comparator | 'exists'; right?: Operand };

/** A parsed path: steps applied left to right, starting from the object. */
export type JsonPath = readonly Step[];

type SliceStep = Extract<Step, { op: 'slice' }>;

/** The outcome of parsing: a path, or why the text is not one. */
export type ParsedJsonPath = { ok: true; path: JsonPath } | { ok: false; error: string };

const TERMINATORS = new Set(['.', ',', '[', ']', '$', '@', '{', '}']);
const COMPARATORS: readonly Comparator[] = ['==', '!=', '<', '<=', '>', '>='];
const FILTER = /^([^!<>=]+)([!<>=]+)(.+)$/;
const SLICE = /^(-?\d*)(?::(-?\d*))?(?::(-?\d*))?$/;

/** Parses a printer-column path such as `.status.conditions[?(@.type=="Ready")].status`. */
export function parseJsonPath(text: string): ParsedJsonPath {
  try {
    return { ok: true, path: parseSteps(text.trim().replace(/^\$/, '')) };
  } catch (e) {
    return { ok: false, error: e instanceof SyntaxError ? e.message : String(e) };
  }
}

function parseSteps(text: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('..', i)) throw new SyntaxError(`recursive descent is not supported: "${text}"`);
    if (text[i] === '.') {
      const { name, end } = readName(text, i + 1);
      if (name === '*') steps.push({ op: 'wildcard' });
      else if (name !== '') steps.push({ op: 'field', name });
      i = end;
    } else if (text.startsWith('[?(', i)) {
      const end = text.indexOf(')]', i);
      if (end < 0) throw new SyntaxError(`unterminated filter in "${text}"`);
      steps.push(parseFilter(text.slice(i + 3, end)));
      i = end + 2;
    } else if (text[i] === '[') {
      const end = closingBracket(text, i);
      steps.push(parseBracket(text.slice(i + 1, end).trim()));
      i = end + 1;
    } else {
      throw new SyntaxError(`unexpected "${text[i] ?? ''}" at ${i} in "${text}"`);
    }
  }
  return steps;
}

/** Reads a field name up to a terminator; a backslash takes the next character literally (`app\.io`). */
function readName(text: string, from: number): { name: string; end: number } {
  let name = '';
  let i = from;
  for (; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\\') name += text[++i] ?? '';
    else if (TERMINATORS.has(ch) || /\s/.test(ch)) break;
    else name += ch;
  }
  return { name, end: i };
}

function closingBracket(text: string, open: number): number {
  let quote = '';
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (quote !== '') {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ']') return i;
  }
  throw new SyntaxError(`unterminated "[" in "${text}"`);
}

function parseBracket(inner: string): Step {
  if (/^(['"]).*\1$/s.test(inner)) return { op: 'field', name: unquote(inner) };
  const m = SLICE.exec(inner === '*' ? ':' : inner.replace(/\s+/g, ''));
  if (m === null || inner === '') throw new SyntaxError(`invalid array index "[${inner}]"`);
  const [, a, b, c] = m;
  const num = (s: string | undefined): number | undefined => (s === undefined || s === '' ? undefined : Number(s));
  const single = b === undefined && c === undefined;
  const step: SliceStep = { op: 'slice', single };
  const start = num(a);
  const end = num(b);
  const stride = num(c);
  if (start !== undefined) step.start = start;
  if (end !== undefined) step.end = end;
  if (stride !== undefined) step.step = stride;
  return step;
}

function parseFilter(inner: string): Step {
  const m = FILTER.exec(inner.trim());
  if (m === null) return { op: 'filter', left: parseOperand(inner), cmp: 'exists' };
  const cmp = COMPARATORS.find((c) => c === m[2]);
  if (cmp === undefined) throw new SyntaxError(`unrecognized filter operator "${m[2] ?? ''}"`);
  return { op: 'filter', left: parseOperand(m[1] ?? ''), cmp, right: parseOperand(m[3] ?? '') };
}

function parseOperand(raw: string): Operand {
  const t = raw.trim();
  if (t.startsWith('@')) return { path: parseSteps(t.slice(1)) };
  if (/^(['"]).*\1$/s.test(t)) return { literal: unquote(t), type: 'string' };
  if (t === 'true' || t === 'false') return { literal: t === 'true', type: 'bool' };
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t)) return { literal: Number(t), type: /[.eE]/.test(t) ? 'float' : 'int' };
  throw new SyntaxError(`invalid filter operand "${t}"`);
}

function unquote(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\(.)/gs, '$1');
}
