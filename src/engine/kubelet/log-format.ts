// Renders log records the way `kubectl logs` options ask for: whole lines joined from partial records,
// optional timestamps, sinceSeconds, tailLines and limitBytes.
import type { LogRecord } from './log-file.js';

/** The subset of log options that shape output. */
export interface LogFormatOptions {
  readonly timestamps: boolean;
  readonly tailLines?: number;
  /** Drop lines written before this time (ms since the epoch). */
  readonly sinceMs?: number;
  readonly limitBytes?: number;
}

interface Line {
  ts: string;
  text: string;
  complete: boolean;
}

function joinLines(records: readonly LogRecord[]): Line[] {
  const lines: Line[] = [];
  let open: Line | undefined;
  for (const r of records) {
    if (open === undefined) open = { ts: r.ts, text: '', complete: false };
    open.text += r.text;
    if (!r.partial) {
      open.complete = true;
      lines.push(open);
      open = undefined;
    }
  }
  if (open !== undefined) lines.push(open);
  return lines;
}

/** Cuts text to at most `limit` bytes. */
export function limitBytes(text: string, limit: number | undefined): string {
  if (limit === undefined || limit <= 0) return text;
  const buf = Buffer.from(text);
  return buf.length <= limit ? text : buf.subarray(0, limit).toString('utf8');
}

/** The text kubectl prints for these records. Example: records `a` (P), `b` (F), `c` (F), tailLines 1 → `c\n`. */
export function formatLogRecords(records: readonly LogRecord[], o: LogFormatOptions): string {
  let lines = joinLines(records);
  if (o.sinceMs !== undefined) {
    const since = o.sinceMs;
    lines = lines.filter((l) => Date.parse(l.ts) >= since);
  }
  if (o.tailLines !== undefined && o.tailLines >= 0) lines = o.tailLines === 0 ? [] : lines.slice(-o.tailLines);
  const text = lines.map((l) => `${o.timestamps ? `${l.ts} ` : ''}${l.text}${l.complete ? '\n' : ''}`).join('');
  return limitBytes(text, o.limitBytes);
}

/** Formats records one by one for a follower; remembers whether the next record starts a line. */
export function recordFormatter(timestamps: boolean): (r: LogRecord) => string {
  let atLineStart = true;
  return (r) => {
    const prefix = timestamps && atLineStart ? `${r.ts} ` : '';
    atLineStart = !r.partial;
    return `${prefix}${r.text}${r.partial ? '' : '\n'}`;
  };
}
