// Time as an input: code that needs "now" takes a Clock, so tests can drive time explicitly.

/** A source of the current time in milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to (tests, scenario runs). */
export class ManualClock implements Clock {
  private ms: number;
  constructor(startMs = Date.UTC(2025, 0, 1)) { this.ms = startMs; }
  now(): number { return this.ms; }
  advance(ms: number): void { this.ms += ms; }
  set(ms: number): void { this.ms = ms; }
}

/** RFC 3339 timestamp with second precision, as Kubernetes writes metav1.Time: `2025-01-01T00:00:00Z`. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Parses an RFC 3339 timestamp; NaN when absent or malformed. */
export function parseTime(t: string | null | undefined): number {
  return t ? Date.parse(t) : Number.NaN;
}
