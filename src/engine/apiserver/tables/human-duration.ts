// Kubernetes' HumanDuration (k8s.io/apimachinery util/duration) and the Age cell built on it.
import { parseTime } from '../../../lib/clock.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY_H = 24;
const YEAR_D = 365;

/**
 * A duration in about two significant figures, exactly as `kubectl get` shows ages. Thresholds:
 * under 2m → seconds (`45s`, `119s`); under 10m → `3m20s`/`5m`; under 3h → minutes (`179m`);
 * under 8h → `3h5m`; under 2d → hours (`47h`); under 8d → `2d5h`; under 2y → days (`729d`);
 * under 8y → `2y10d`; then years (`9y`). Slightly negative values (clock skew under 2s) give `0s`,
 * anything earlier gives `<invalid>`.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) return withRest(minutes, 'm', seconds % 60, 's');
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) return withRest(hours, 'h', minutes % 60, 'm');
  if (hours < 2 * DAY_H) return `${hours}h`;
  const days = Math.trunc(hours / DAY_H);
  if (hours < 8 * DAY_H) return withRest(days, 'd', hours % DAY_H, 'h');
  if (hours < 2 * YEAR_D * DAY_H) return `${days}d`;
  const years = Math.trunc(days / YEAR_D);
  if (hours < 8 * YEAR_D * DAY_H) return withRest(years, 'y', days % YEAR_D, 'd');
  return `${years}y`;
}

function withRest(major: number, majorUnit: string, rest: number, restUnit: string): string {
  return rest === 0 ? `${major}${majorUnit}` : `${major}${majorUnit}${rest}${restUnit}`;
}

/** The Age cell: time since `timestamp` (RFC 3339) as a human duration; `<unknown>` when absent or unreadable. */
export function ageCell(timestamp: string | null | undefined, nowMs: number): string {
  const ms = parseTime(timestamp);
  return Number.isNaN(ms) ? '<unknown>' : humanDuration(nowMs - ms);
}
