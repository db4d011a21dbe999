// The values conditions compute with: nil (null), booleans, numbers, strings, arrays, maps (plain objects decoded
// from JSON), and expr's time.Time / time.Duration (for `now()` and `duration("1h")` in Prometheus range queries).
// Go type names appear in messages as expr prints them (`invalid operation: <nil> >= float64`).
import { isJsonObject } from '../../api/meta.js';

/** A point in time (expr's time.Time), in epoch milliseconds. */
export class ExprTime {
  constructor(readonly ms: number) {}
}

/** A length of time (expr's time.Duration), in milliseconds. */
export class ExprDuration {
  constructor(readonly ms: number) {}
}

/** An evaluation failure with expr's message (the interpreter throws it; evalCondition turns it into a result). */
export class EvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvalError';
  }
}

/** A map value: an object decoded from JSON (read through own properties only). */
export type ExprMap = Readonly<Record<string, unknown>>;

/** True for maps (plain JSON objects), false for arrays, times and durations. */
export function isExprMap(v: unknown): v is ExprMap {
  return isJsonObject(v) && !(v instanceof ExprTime) && !(v instanceof ExprDuration);
}

/** True for nil: JSON null, or a value that is absent. */
export function isNil(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

/** The Go type name of a value as expr's messages show it: `float64`, `string`, `<nil>`, `[]interface {}` … */
export function typeName(v: unknown): string {
  if (isNil(v)) return '<nil>';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof ExprTime) return 'time.Time';
  if (v instanceof ExprDuration) return 'time.Duration';
  if (isExprMap(v)) return 'map[string]interface {}';
  return 'unknown';
}

/** A map member, read only when it is the map's own property (`__proto__`, `constructor` are just missing keys). */
export function ownMember(m: ExprMap, key: string): unknown {
  return Object.hasOwn(m, key) ? m[key] : undefined;
}

/** expr's `==`: numbers by value, arrays and maps member by member, nil equals only nil, other types never equal. */
export function exprEqual(a: unknown, b: unknown): boolean {
  if (isNil(a) || isNil(b)) return isNil(a) && isNil(b);
  if (a instanceof ExprTime && b instanceof ExprTime) return a.ms === b.ms;
  if (a instanceof ExprDuration && b instanceof ExprDuration) return a.ms === b.ms;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => exprEqual(x, b[i]));
  }
  if (isExprMap(a) && isExprMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && exprEqual(a[k], b[k]));
  }
  return a === b;
}

/** A number argument, or an error naming the function. */
export function num(v: unknown, what: string): number {
  if (typeof v !== 'number') throw new EvalError(`invalid argument for ${what} (type ${typeName(v)})`);
  return v;
}

/** A string argument, or an error naming the function. */
export function str(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new EvalError(`invalid argument for ${what} (type ${typeName(v)})`);
  return v;
}

/** An array argument, or an error naming the function. */
export function arr(v: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(v)) throw new EvalError(`invalid argument for ${what} (type ${typeName(v)})`);
  return v;
}

/** A boolean, or expr's error for a non-boolean where one is required. */
export function bool(v: unknown, where: string): boolean {
  if (typeof v !== 'boolean') throw new EvalError(`${where}: expected bool, but got ${typeName(v)}`);
  return v;
}

/** A value as expr's `string()` prints it (numbers in Go's %v form). */
export function toText(v: unknown): string {
  if (isNil(v)) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof ExprTime) return new Date(v.ms).toISOString();
  if (v instanceof ExprDuration) return `${v.ms / 1000}s`;
  return JSON.stringify(v) ?? '';
}
