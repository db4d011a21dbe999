// Pause durations: int seconds, a numeric string (seconds), or a Go duration (`30s`, `5m`, `1h30m`, `1.5h`).

const UNIT_MS: Record<string, number> = {
  ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000,
};

/**
 * Parses a Go `time.ParseDuration` string into milliseconds; undefined when malformed.
 * `"90s"` → 90000, `"1h30m"` → 5400000, `"1.5h"` → 5400000, `"0"` → 0, `"5"` → undefined (no unit).
 */
export function parseGoDurationMs(text: string): number | undefined {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  const term = /^(\d*\.?\d*)(ns|us|µs|μs|ms|s|m|h)/;
  while (s !== '') {
    const m = term.exec(s);
    const num = m?.[1] ?? '';
    const unit = UNIT_MS[m?.[2] ?? ''];
    if (m === null || num === '' || num === '.' || unit === undefined) return undefined;
    total += Number(num) * unit;
    s = s.slice(m[0].length);
  }
  return sign * total;
}

/**
 * Seconds of a pause step's duration as Argo's DurationSeconds computes it: absent → 0; int → itself; a numeric
 * string → that many seconds; a Go duration → whole seconds (truncated); anything else → -1 (invalid).
 * `30` → 30, `"30"` → 30, `"30s"` → 30, `"5m"` → 300, `"1h"` → 3600, `"1500ms"` → 1, `"soon"` → -1.
 */
export function pauseDurationSeconds(pause: { duration?: number | string } | undefined): number {
  const d = pause?.duration;
  if (d === undefined) return 0;
  if (typeof d === 'number') return Math.trunc(d);
  if (/^[-+]?\d+$/.test(d)) return Number(d);
  const ms = parseGoDurationMs(d);
  return ms === undefined ? -1 : Math.trunc(ms / 1000);
}
