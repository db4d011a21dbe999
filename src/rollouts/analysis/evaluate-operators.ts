// expr's operators on evaluated operands (the short-circuit ones, `&&`, `||`, `??`, live in the interpreter).
// Division is always floating point (`7 / 2` is 3.5); `%` needs whole numbers; comparisons work on numbers, strings,
// times and durations; anything else is expr's "invalid operation" error.
import { compileGoRegex } from './go-regex.js';
import { EvalError, ExprDuration, ExprTime, exprEqual, isExprMap, isNil, typeName } from './evaluate-values.js';

function invalid(a: unknown, op: string, b: unknown): EvalError {
  return new EvalError(`invalid operation: ${typeName(a)} ${op} ${typeName(b)}`);
}

/** Applies a unary operator (`-`, `+`, `!`, `not`). */
export function applyUnary(op: string, v: unknown): unknown {
  switch (op) {
    case '!':
    case 'not':
      if (typeof v !== 'boolean') throw new EvalError(`invalid operation: ${op} ${typeName(v)}`);
      return !v;
    case '-':
      if (typeof v === 'number') return -v;
      if (v instanceof ExprDuration) return new ExprDuration(-v.ms);
      throw new EvalError(`invalid operation: - ${typeName(v)}`);
    case '+':
      if (typeof v === 'number') return v;
      throw new EvalError(`invalid operation: + ${typeName(v)}`);
    default:
      throw new EvalError(`unknown operator ${op}`);
  }
}

/** Applies a binary operator other than `&&`, `||` and `??`. */
export function applyBinary(op: string, a: unknown, b: unknown): unknown {
  if (op.startsWith('not ')) return !applyMembership(op.slice(4), a, b);
  switch (op) {
    case '==': return exprEqual(a, b);
    case '!=': return !exprEqual(a, b);
    case '<': case '>': case '<=': case '>=': return compare(op, a, b);
    case '+': return add(a, b);
    case '-': return subtract(a, b);
    case '*': case '/': case '%': case '**': case '^': return arithmetic(op, a, b);
    case 'in': case 'matches': case 'contains': case 'startsWith': case 'endsWith': return applyMembership(op, a, b);
    default: throw new EvalError(`unknown operator ${op}`);
  }
}

function compare(op: string, a: unknown, b: unknown): boolean {
  const pair = comparable(a, b);
  if (pair === undefined) throw invalid(a, op, b);
  const [x, y] = pair;
  switch (op) {
    case '<': return x < y;
    case '>': return x > y;
    case '<=': return x <= y;
    default: return x >= y;
  }
}

function comparable(a: unknown, b: unknown): [number, number] | [string, string] | undefined {
  if (typeof a === 'number' && typeof b === 'number') return [a, b];
  if (typeof a === 'string' && typeof b === 'string') return [a, b];
  if (a instanceof ExprTime && b instanceof ExprTime) return [a.ms, b.ms];
  if (a instanceof ExprDuration && b instanceof ExprDuration) return [a.ms, b.ms];
  return undefined;
}

function add(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  if (a instanceof ExprTime && b instanceof ExprDuration) return new ExprTime(a.ms + b.ms);
  if (a instanceof ExprDuration && b instanceof ExprTime) return new ExprTime(a.ms + b.ms);
  if (a instanceof ExprDuration && b instanceof ExprDuration) return new ExprDuration(a.ms + b.ms);
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  throw invalid(a, '+', b);
}

function subtract(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a instanceof ExprTime && b instanceof ExprDuration) return new ExprTime(a.ms - b.ms);
  if (a instanceof ExprTime && b instanceof ExprTime) return new ExprDuration(a.ms - b.ms);
  if (a instanceof ExprDuration && b instanceof ExprDuration) return new ExprDuration(a.ms - b.ms);
  throw invalid(a, '-', b);
}

function arithmetic(op: string, a: unknown, b: unknown): number {
  if (typeof a !== 'number' || typeof b !== 'number') throw invalid(a, op, b);
  switch (op) {
    case '*': return a * b;
    case '/': return a / b;
    case '%':
      if (!Number.isInteger(a) || !Number.isInteger(b)) throw invalid(a, '%', b);
      if (b === 0) throw new EvalError('integer divide by zero');
      return a % b;
    default: return a ** b;
  }
}

function applyMembership(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case 'in':
      if (Array.isArray(b)) return b.some((x) => exprEqual(a, x));
      if (isExprMap(b)) {
        if (typeof a !== 'string') throw invalid(a, 'in', b);
        return Object.hasOwn(b, a);
      }
      if (isNil(b)) return false;
      throw invalid(a, 'in', b);
    case 'matches': {
      if (typeof a !== 'string' || typeof b !== 'string') throw invalid(a, 'matches', b);
      const re = compileGoRegex(b);
      if (!re.ok) throw new EvalError(re.error);
      return re.re.test(a);
    }
    default: {
      if (typeof a !== 'string' || typeof b !== 'string') throw invalid(a, op, b);
      if (op === 'contains') return a.includes(b);
      return op === 'startsWith' ? a.startsWith(b) : a.endsWith(b);
    }
  }
}
