// Kubernetes' HumanDuration (apimachinery util/duration): the AGE column of kubectl and of `get rollout`.

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

function pair(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major}${majorUnit}` : `${major}${majorUnit}${minor}${minorUnit}`;
}

/**
 * A duration to about two significant figures: 45 s → `45s`, 200 s → `3m20s`, 2 h 5 m → `2h5m`, 50 h → `2d2h`,
 * 400 d → `400d`, 3 y 10 d → `3y10d`. Up to 2 s in the future (clock skew) reads `0s`; further is `<invalid>`.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND_MS);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE_MS);
  if (minutes < 10) return pair(minutes, 'm', seconds % 60, 's');
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR_MS);
  if (hours < 8) return pair(hours, 'h', minutes % 60, 'm');
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 8 * 24) return pair(days, 'd', hours % 24, 'h');
  if (days < 2 * 365) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (days < 8 * 365) return pair(years, 'y', days % 365, 'd');
  return `${years}y`;
}

/** Age of an object created at `timestamp` (RFC 3339) at `nowMs`; `<unknown>` when the time is missing. */
export function ageOf(timestamp: string | undefined, nowMs: number): string {
  const t = timestamp === undefined ? Number.NaN : Date.parse(timestamp);
  return Number.isNaN(t) ? '<unknown>' : humanDuration(nowMs - t);
}
