// The functions a condition may call: Argo's (`asInt`, `asFloat`, `isNaN`, `isInf`, `isNil`, `default`) and the expr
// built-ins users write (`len`, number, string, date and array helpers). Predicate functions (`all`, `filter` …) are
// in evaluate-predicates.ts. Lookup is by exact name in a Map, so `constructor` or `__proto__` are unknown functions.
import { parseGoDurationMs } from '../plan/pause-duration.js';
import type { ExprNode } from './evaluate-parse.js';
import { PREDICATE_FUNCTIONS, type PredicateEval } from './evaluate-predicates.js';
import { EvalError, ExprDuration, ExprTime, arr, isExprMap, isNil, num, str, toText, typeName } from './evaluate-values.js';

/** What a function call may use besides its arguments. */
export interface CallContext {
  /** The measured value (Argo's `isNil` and `default` look at it, whatever argument they get). */
  readonly result: unknown;
  readonly nowMs: number;
  evaluate(node: ExprNode): unknown;
  predicate: PredicateEval;
}

type Plain = (args: readonly unknown[], ctx: CallContext) => unknown;

const GO_INT = /^[+-]?\d+$/;
const GO_FLOAT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/** Argo's asInt: numbers truncate, numeric strings parse base 10, anything else is an error. `asInt("7")` → 7. */
export function asInt(v: unknown): number {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'string') {
    if (GO_INT.test(v)) return Number(v);
    throw new EvalError(`strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
  }
  throw new EvalError(`asInt() not supported on ${typeName(v)} ${toText(v)}`);
}

/** Argo's asFloat: numbers as they are, strings as Go's ParseFloat reads them (`"1e3"`, `"NaN"`, `"+Inf"`). */
export function asFloat(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    if (!GO_FLOAT.test(v)) throw new EvalError(`strconv.ParseFloat: parsing ${JSON.stringify(v)}: invalid syntax`);
    const lower = v.toLowerCase().replace(/^\+/, '');
    if (lower === 'nan' || lower === '-nan') return Number.NaN;
    if (/^-?inf(inity)?$/.test(lower)) return lower.startsWith('-') ? -Infinity : Infinity;
    return Number(v);
  }
  throw new EvalError(`asFloat() not supported on ${typeName(v)} ${toText(v)}`);
}

function numbers(args: readonly unknown[], what: string): number[] {
  const list = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  return list.map((x) => num(x, what));
}

/** Go's math.Round: halves away from zero (`-2.5` → -3). */
function goRound(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

const PLAIN: ReadonlyMap<string, readonly [min: number, max: number, fn: Plain]> = new Map<string, readonly [number, number, Plain]>([
  ['asInt', [1, 1, ([v]) => asInt(v)]],
  ['asFloat', [1, 1, ([v]) => asFloat(v)]],
  ['isNaN', [1, 1, ([v]) => Number.isNaN(num(v, 'isNaN'))]],
  ['isInf', [1, 1, ([v]) => !Number.isFinite(num(v, 'isInf')) && !Number.isNaN(v)]],
  // Argo binds these to the measured result: the argument is ignored (utils/evaluate isNilFunc, defaultFunc).
  ['isNil', [1, 1, (_a, ctx) => isNil(ctx.result)]],
  ['default', [2, 2, ([, fallback], ctx) => (isNil(ctx.result) ? fallback : ctx.result)]],
  ['len', [1, 1, ([v]) => length(v)]],
  ['abs', [1, 1, ([v]) => Math.abs(num(v, 'abs'))]],
  ['ceil', [1, 1, ([v]) => Math.ceil(num(v, 'ceil'))]],
  ['floor', [1, 1, ([v]) => Math.floor(num(v, 'floor'))]],
  ['round', [1, 1, ([v]) => goRound(num(v, 'round'))]],
  ['min', [1, Infinity, (a) => Math.min(...numbers(a, 'min'))]],
  ['max', [1, Infinity, (a) => Math.max(...numbers(a, 'max'))]],
  ['mean', [1, 1, ([v]) => { const xs = numbers([arr(v, 'mean')], 'mean'); return xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length; }]],
  ['median', [1, 1, ([v]) => median(numbers([arr(v, 'median')], 'median'))]],
  ['int', [1, 1, ([v]) => (typeof v === 'string' ? asInt(v) : Math.trunc(num(v, 'int')))]],
  ['float', [1, 1, ([v]) => asFloat(v)]],
  ['string', [1, 1, ([v]) => toText(v)]],
  ['upper', [1, 1, ([v]) => str(v, 'upper').toUpperCase()]],
  ['lower', [1, 1, ([v]) => str(v, 'lower').toLowerCase()]],
  ['trim', [1, 2, ([v, chars]) => trimChars(str(v, 'trim'), chars === undefined ? ' \t\n\r\v\f' : str(chars, 'trim'))]],
  ['trimPrefix', [2, 2, ([v, p]) => { const s = str(v, 'trimPrefix'); const x = str(p, 'trimPrefix'); return s.startsWith(x) ? s.slice(x.length) : s; }]],
  ['trimSuffix', [2, 2, ([v, p]) => { const s = str(v, 'trimSuffix'); const x = str(p, 'trimSuffix'); return x !== '' && s.endsWith(x) ? s.slice(0, -x.length) : s; }]],
  ['split', [2, 2, ([v, sep]) => str(v, 'split').split(str(sep, 'split'))]],
  ['join', [1, 2, ([v, sep]) => arr(v, 'join').map((x) => str(x, 'join')).join(sep === undefined ? '' : str(sep, 'join'))]],
  ['replace', [3, 3, ([v, a, b]) => str(v, 'replace').split(str(a, 'replace')).join(str(b, 'replace'))]],
  ['indexOf', [2, 2, ([v, x]) => str(v, 'indexOf').indexOf(str(x, 'indexOf'))]],
  ['hasPrefix', [2, 2, ([v, x]) => str(v, 'hasPrefix').startsWith(str(x, 'hasPrefix'))]],
  ['hasSuffix', [2, 2, ([v, x]) => str(v, 'hasSuffix').endsWith(str(x, 'hasSuffix'))]],
  ['first', [1, 1, ([v]) => arr(v, 'first')[0] ?? null]],
  ['last', [1, 1, ([v]) => { const a = arr(v, 'last'); return a[a.length - 1] ?? null; }]],
  ['keys', [1, 1, ([v]) => Object.keys(map(v, 'keys'))]],
  ['values', [1, 1, ([v]) => Object.values(map(v, 'values'))]],
  ['now', [0, 0, (_a, ctx) => new ExprTime(ctx.nowMs)]],
  ['duration', [1, 1, ([v]) => duration(str(v, 'duration'))]],
]);

function length(v: unknown): number {
  if (typeof v === 'string') return [...v].length;
  if (Array.isArray(v)) return v.length;
  if (isExprMap(v)) return Object.keys(v).length;
  throw new EvalError(`invalid argument for len (type ${typeName(v)})`);
}

function map(v: unknown, what: string): Readonly<Record<string, unknown>> {
  if (!isExprMap(v)) throw new EvalError(`invalid argument for ${what} (type ${typeName(v)})`);
  return v;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function trimChars(s: string, chars: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && chars.includes(s[start] ?? '')) start++;
  while (end > start && chars.includes(s[end - 1] ?? '')) end--;
  return s.slice(start, end);
}

function duration(text: string): ExprDuration {
  const ms = parseGoDurationMs(text);
  if (ms === undefined) throw new EvalError(`time: invalid duration ${JSON.stringify(text)}`);
  return new ExprDuration(ms);
}

/** Calls the function `name` with argument nodes `args`; unknown names and wrong arities are errors. */
export function callFunction(name: string, args: readonly ExprNode[], ctx: CallContext): unknown {
  const predicate = PREDICATE_FUNCTIONS.get(name);
  if (predicate !== undefined) return predicate(name, args, ctx.evaluate, ctx.predicate);
  const entry = PLAIN.get(name);
  if (entry === undefined) throw new EvalError(`unknown func ${name}`);
  const [min, max, fn] = entry;
  if (args.length < min) throw new EvalError(`not enough arguments to call ${name}`);
  if (args.length > max) throw new EvalError(`too many arguments to call ${name}`);
  return fn(args.map((a) => ctx.evaluate(a)), ctx);
}
