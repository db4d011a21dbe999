// expr's predicate functions: `all(array, {# > 0})`, `any`, `none`, `one`, `filter`, `map`, `count`, `sum`, `find`,
// `findIndex`, `findLast`. The predicate is a closure `{…}` whose `#` is the element (`.Field` is `#.Field`) and
// `#index` its index; expr also accepts the body without braces (`filter(xs, .ok)`).
import type { ExprNode } from './evaluate-parse.js';
import { EvalError, isNil, num, typeName } from './evaluate-values.js';

/** Evaluates a predicate body for one element. */
export type PredicateEval = (body: ExprNode, element: unknown, index: number) => unknown;

type PredicateFn = (name: string, args: readonly ExprNode[], evaluate: (n: ExprNode) => unknown, predicate: PredicateEval) => unknown;

function items(name: string, v: unknown): readonly unknown[] {
  if (Array.isArray(v)) return v;
  throw new EvalError(`cannot iterate ${isNil(v) ? '<nil>' : typeName(v)} in ${name}`);
}

function truth(name: string, v: unknown): boolean {
  if (typeof v !== 'boolean') throw new EvalError(`predicate of ${name} should return bool, but got ${typeName(v)}`);
  return v;
}

function bodyOf(node: ExprNode): ExprNode {
  return node.type === 'closure' ? node.body : node;
}

/** Wraps `run(elements, test)` with argument checks; `test(i)` evaluates the predicate for element i. */
function predicateFn(minArgs: number, run: (xs: readonly unknown[], at: (i: number) => unknown, name: string) => unknown): PredicateFn {
  return (name, args, evaluate, predicate) => {
    if (args.length < minArgs) throw new EvalError(`not enough arguments to call ${name}`);
    if (args.length > 2) throw new EvalError(`too many arguments to call ${name}`);
    const [first, second] = args;
    if (first === undefined) throw new EvalError(`not enough arguments to call ${name}`);
    const xs = items(name, evaluate(first));
    const at = (i: number): unknown => (second === undefined ? xs[i] : predicate(bodyOf(second), xs[i], i));
    return run(xs, at, name);
  };
}

function indexWhere(xs: readonly unknown[], at: (i: number) => unknown, name: string, fromEnd: boolean): number {
  for (let k = 0; k < xs.length; k++) {
    const i = fromEnd ? xs.length - 1 - k : k;
    if (truth(name, at(i))) return i;
  }
  return -1;
}

/** Predicate functions by name. */
export const PREDICATE_FUNCTIONS: ReadonlyMap<string, PredicateFn> = new Map<string, PredicateFn>([
  ['all', predicateFn(2, (xs, at, n) => xs.every((_x, i) => truth(n, at(i))))],
  ['any', predicateFn(2, (xs, at, n) => xs.some((_x, i) => truth(n, at(i))))],
  ['none', predicateFn(2, (xs, at, n) => !xs.some((_x, i) => truth(n, at(i))))],
  ['one', predicateFn(2, (xs, at, n) => xs.filter((_x, i) => truth(n, at(i))).length === 1)],
  ['filter', predicateFn(2, (xs, at, n) => xs.filter((_x, i) => truth(n, at(i))))],
  ['map', predicateFn(2, (xs, at) => xs.map((_x, i) => at(i)))],
  ['count', predicateFn(1, (xs, at, n) => xs.filter((_x, i) => truth(n, at(i))).length)],
  ['sum', predicateFn(1, (xs, at, n) => xs.reduce<number>((s, _x, i) => s + num(at(i), n), 0))],
  ['find', predicateFn(2, (xs, at, n) => xs[indexWhere(xs, at, n, false)] ?? null)],
  ['findIndex', predicateFn(2, (xs, at, n) => indexWhere(xs, at, n, false))],
  ['findLast', predicateFn(2, (xs, at, n) => xs[indexWhere(xs, at, n, true)] ?? null)],
  ['findLastIndex', predicateFn(2, (xs, at, n) => indexWhere(xs, at, n, true))],
]);
