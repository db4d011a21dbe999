// IntOrString values used for maxSurge / maxUnavailable and friends.
import { ApiError } from './api-error.js';

/** An integer or a percentage string (`"25%"`). Argo also accepts bare numeric strings as percents. */
export type IntOrPercent = number | string;

/**
 * Resolves an int-or-percent against a total. `roundUp` picks ceil (maxSurge) or floor (maxUnavailable).
 * Kubernetes: 25% of 10 rounding up → 3, rounding down → 2.
 * `anyStringIsPercent` reproduces Argo's reading where `"5"` means 5%.
 */
export function resolveIntOrPercent(v: IntOrPercent | undefined, total: number, roundUp: boolean, anyStringIsPercent = false): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const pct = v.endsWith('%') ? v.slice(0, -1) : anyStringIsPercent ? v : undefined;
  if (pct === undefined || !/^-?\d+$/.test(pct)) {
    throw new ApiError('BadRequest', `invalid value for IntOrString: invalid type: string is not a percentage: "${v}"`);
  }
  const raw = (Number(pct) * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}

/** True when the value is a well-formed int or percent (for validation). */
export function isIntOrPercent(v: unknown): v is IntOrPercent {
  return (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^-?\d+%?$/.test(v));
}
