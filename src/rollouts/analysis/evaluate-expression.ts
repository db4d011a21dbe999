// The interpreter: walks an ExprNode tree over plain data. Variables come from a fixed table (`result`, the
// predicate pointer `#` / `#index`), member access reads only own properties of maps and in-range array
// elements, and calls go only to the built-in table. Every node costs one step from a budget, so no condition
// can keep the controller busy for long.
import { callFunction } from './evaluate-functions.js';
import { applyBinary, applyUnary } from './evaluate-operators.js';
import type { ExprNode } from './evaluate-parse.js';
import { EvalError, bool, isExprMap, isNil, ownMember, typeName } from './evaluate-values.js';

/** Nodes one evaluation may visit before it is stopped. */
export const STEP_BUDGET = 1_000_000;

/** What an expression can see. */
export interface ExprEnv {
  /** Named variables (Argo's env has only `result`). */
  readonly vars: ReadonlyMap<string, unknown>;
  /** The measured value, which Argo's `isNil` and `default` consult. */
  readonly result: unknown;
  readonly nowMs: number;
}

interface Frame {
  readonly env: ExprEnv;
  readonly pointer?: { readonly element: unknown; readonly index: number };
  readonly budget: { steps: number };
}

/** Evaluates `node` in `env`; throws EvalError with expr's wording on failure. */
export function evaluateNode(node: ExprNode, env: ExprEnv): unknown {
  checkNames(node, env, false);
  return run(node, { env, budget: { steps: STEP_BUDGET } });
}

/** expr resolves names when it compiles: an unknown variable or function fails even on an untaken branch. */
function checkNames(node: ExprNode, env: ExprEnv, inPredicate: boolean): void {
  switch (node.type) {
    case 'ident':
      if (node.name === '#' || node.name === '#index') {
        if (!inPredicate) throw new EvalError(`cannot use pointer accessor outside predicate`);
      } else if (!env.vars.has(node.name)) throw new EvalError(`unknown name ${node.name}`);
      return;
    case 'call': {
      node.args.forEach((a, i) => checkNames(a, env, inPredicate || (i === 1 && isPredicateCall(node.callee))));
      return;
    }
    case 'closure': return checkNames(node.body, env, true);
    case 'field': return checkNames(node.object, env, inPredicate);
    case 'index': checkNames(node.object, env, inPredicate); return checkNames(node.index, env, inPredicate);
    case 'unary': return checkNames(node.arg, env, inPredicate);
    case 'binary': checkNames(node.left, env, inPredicate); return checkNames(node.right, env, inPredicate);
    case 'conditional': for (const n of [node.test, node.then, node.otherwise]) checkNames(n, env, inPredicate); return;
    case 'array': for (const n of node.elements) checkNames(n, env, inPredicate); return;
    case 'map': for (const e of node.entries) checkNames(e.value, env, inPredicate); return;
    case 'literal': return;
  }
}

const PREDICATE_CALLS = new Set(['all', 'any', 'none', 'one', 'filter', 'map', 'count', 'sum', 'find', 'findIndex', 'findLast', 'findLastIndex']);
function isPredicateCall(name: string): boolean {
  return PREDICATE_CALLS.has(name);
}

function run(node: ExprNode, f: Frame): unknown {
  if (--f.budget.steps < 0) throw new EvalError('expression is too expensive to evaluate');
  switch (node.type) {
    case 'literal': return node.value;
    case 'ident': return variable(node.name, f);
    case 'field': return fetchField(run(node.object, f), node.name, node.optional);
    case 'index': return fetchIndex(run(node.object, f), run(node.index, f), node.optional);
    case 'unary': return applyUnary(node.op, run(node.arg, f));
    case 'binary': return binary(node, f);
    case 'conditional': return bool(run(node.test, f), 'ternary condition') ? run(node.then, f) : run(node.otherwise, f);
    case 'array': return node.elements.map((e) => run(e, f));
    case 'map': return Object.fromEntries(node.entries.map((e) => [e.key, run(e.value, f)]));
    case 'closure': throw new EvalError('a predicate {…} can only be an argument of a predicate function');
    case 'call': return callFunction(node.callee, node.args, {
      result: f.env.result, nowMs: f.env.nowMs,
      evaluate: (n) => run(n, f),
      predicate: (body, element, index) => run(body, { env: f.env, budget: f.budget, pointer: { element, index } }),
    });
  }
}

function variable(name: string, f: Frame): unknown {
  if (name === '#' || name === '#index') {
    if (f.pointer === undefined) throw new EvalError('cannot use pointer accessor outside predicate');
    return name === '#' ? f.pointer.element : f.pointer.index;
  }
  if (!f.env.vars.has(name)) throw new EvalError(`unknown name ${name}`);
  return f.env.vars.get(name) ?? null;
}

function binary(node: Extract<ExprNode, { type: 'binary' }>, f: Frame): unknown {
  switch (node.op) {
    case '&&': case 'and': {
      const left = run(node.left, f);
      if (typeof left !== 'boolean') throw new EvalError(`invalid operation: ${typeName(left)} ${node.op} bool`);
      return left ? bool(run(node.right, f), `invalid operation: bool ${node.op}`) : false;
    }
    case '||': case 'or': {
      const left = run(node.left, f);
      if (typeof left !== 'boolean') throw new EvalError(`invalid operation: ${typeName(left)} ${node.op} bool`);
      return left ? true : bool(run(node.right, f), `invalid operation: bool ${node.op}`);
    }
    case '??': {
      const left = run(node.left, f);
      return isNil(left) ? run(node.right, f) : left;
    }
    default: return applyBinary(node.op, run(node.left, f), run(node.right, f));
  }
}

function fetchField(from: unknown, name: string, optional: boolean): unknown {
  if (isNil(from)) {
    if (optional) return null;
    throw new EvalError(`cannot fetch ${name} from <nil>`);
  }
  if (isExprMap(from)) return ownMember(from, name) ?? null;
  throw new EvalError(`cannot fetch ${name} from ${typeName(from)}`);
}

function fetchIndex(from: unknown, index: unknown, optional: boolean): unknown {
  if (isNil(from)) {
    if (optional) return null;
    throw new EvalError(`cannot fetch ${String(index)} from <nil>`);
  }
  if (Array.isArray(from) || typeof from === 'string') {
    const list = typeof from === 'string' ? [...from] : from;
    if (typeof index !== 'number' || !Number.isInteger(index)) throw new EvalError(`invalid operation: cannot index ${typeName(from)} with ${typeName(index)}`);
    const i = index < 0 ? list.length + index : index;
    if (i < 0 || i >= list.length) throw new EvalError(`index out of range: ${index} (array length is ${list.length})`);
    return list[i] ?? null;
  }
  if (isExprMap(from)) {
    if (typeof index !== 'string') throw new EvalError(`invalid operation: cannot index ${typeName(from)} with ${typeName(index)}`);
    return ownMember(from, index) ?? null;
  }
  throw new EvalError(`cannot fetch ${String(index)} from ${typeName(from)}`);
}
