// Small readers for what commander hands a command: typed, validated, with CLI-style error messages.
import { parseGoDurationMs } from '../rollouts/plan/index.js';
import { CliError } from './cli-error.js';

/** The positional at `i` as a string (commander has checked that required ones are present). */
export function positional(values: readonly unknown[], i: number): string {
  const v = values[i];
  return typeof v === 'string' ? v : '';
}

/** A variadic positional (`<NAME...>`) as a list of strings. */
export function positionalList(values: readonly unknown[], i: number): string[] {
  const v = values[i];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

/** A string option, or undefined. */
export function stringOption(opts: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const v = opts[key];
  return typeof v === 'string' ? v : undefined;
}

/** A boolean option (absent → `fallback`). */
export function boolOption(opts: Readonly<Record<string, unknown>>, key: string, fallback = false): boolean {
  const v = opts[key];
  return typeof v === 'boolean' ? v : fallback;
}

/** A repeatable option's values. */
export function listOption(opts: Readonly<Record<string, unknown>>, key: string): string[] {
  const v = opts[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** `-o` value checked against the allowed formats. */
export function outputOption<F extends string>(opts: Readonly<Record<string, unknown>>, allowed: readonly F[]): F | undefined {
  const v = stringOption(opts, 'output');
  if (v === undefined || v === '') return undefined;
  const hit = allowed.find((a) => a === v);
  if (hit === undefined) throw new CliError(`unknown output format "${v}": use ${allowed.map((a) => `-o ${a}`).join(' or ')}`);
  return hit;
}

/**
 * A duration flag as Argo's DurationString reads it: a bare integer is seconds, else a Go duration (`30s`, `5m`,
 * `1h30m`). `"30"` → 30000, `"1m"` → 60000, `"soon"` → error.
 */
export function durationOption(value: string, flag: string): number {
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const ms = parseGoDurationMs(value);
  if (ms === undefined || ms < 0) throw new CliError(`invalid value "${value}" for ${flag}: expected a duration such as 30s, 5m or 1h`);
  return ms;
}

/** A non-negative integer flag. */
export function intOption(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new CliError(`invalid value "${value}" for ${flag}: expected a whole number`);
  return Number(value);
}

/** `true`/`false` for flags that take an optional boolean (`--watch=false`). */
export function boolValue(value: string): boolean {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new CliError(`invalid boolean "${value}": use true or false`);
}
