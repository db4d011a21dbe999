// The optional body of a `/color` request: the page's per-colour sliders, sent with every poll as a JSON
// array `[{ "color": "blue", "return500": 20, "delayLength": 1.5 }, …]`. An empty body, `[]` and the JSON
// string `"[]"` (which older pages sent) all mean "no overrides".
import { tryParseJson } from '../lib/json.js';

/** Per-colour behaviour a client asks for; a field is absent when the request did not set it above 0. */
export interface ColorOverride {
  readonly color: string;
  /** Percent of this colour's answers to fail with HTTP 500, 1..100 (field `return500`). */
  readonly errorPercent?: number;
  /** Delay before this colour's answers, in seconds, > 0 (field `delayLength`). */
  readonly latencySeconds?: number;
}

/** The longest delay a request may ask for, in seconds; the page's slider stops at 5. */
export const MAX_OVERRIDE_LATENCY_SECONDS = 60;

/** The parsed overrides, or why the body was refused. */
export type ParsedOverrides = { ok: true; overrides: readonly ColorOverride[] } | { ok: false; message: string };

function positiveNumber(x: unknown, max: number): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) && x > 0 ? Math.min(x, max) : undefined;
}

function overrideFrom(entry: unknown): ColorOverride | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined;
  const color: unknown = Reflect.get(entry, 'color');
  if (typeof color !== 'string') return undefined;
  const errorPercent = positiveNumber(Reflect.get(entry, 'return500'), 100);
  const latencySeconds = positiveNumber(Reflect.get(entry, 'delayLength'), MAX_OVERRIDE_LATENCY_SECONDS);
  return {
    color,
    ...(errorPercent === undefined ? {} : { errorPercent }),
    ...(latencySeconds === undefined ? {} : { latencySeconds }),
  };
}

/**
 * Parses a `/color` request body. Entries that are not objects with a string `color` are skipped and
 * out-of-range numbers are ignored or clamped, so a sloppy client still gets a colour; only a body that is
 * not JSON, or not an array, is refused.
 */
export function parseColorOverrides(body: string): ParsedOverrides {
  if (body.trim() === '') return { ok: true, overrides: [] };
  const parsed = tryParseJson(body);
  if (!parsed.ok) return { ok: false, message: `Cannot read the /color request body: ${parsed.error}` };
  if (parsed.value === '[]') return { ok: true, overrides: [] };
  if (!Array.isArray(parsed.value)) {
    return { ok: false, message: 'Cannot read the /color request body: expected a JSON array of {color, return500, delayLength}' };
  }
  const overrides: ColorOverride[] = [];
  for (const entry of parsed.value) {
    const o = overrideFrom(entry);
    if (o) overrides.push(o);
  }
  return { ok: true, overrides };
}
