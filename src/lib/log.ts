// A tiny structured logger: one line per message, `level component: message key=value …` on stderr.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(component: string): Logger;
}

function isLevel(x: unknown): x is LogLevel {
  return typeof x === 'string' && x in ORDER;
}

const envLevel = process.env['SLUICE_LOG'];
let threshold: LogLevel = isLevel(envLevel) ? envLevel : 'info';
let sink: (line: string) => void = (line) => process.stderr.write(line + '\n');

/** Sets the minimum level and, optionally, where lines go (tests and the `up` command redirect them). */
export function configureLogging(level: LogLevel, to?: (line: string) => void): void {
  threshold = isLevel(level) ? level : 'info';
  if (to) sink = to;
}

function format(fields: Record<string, unknown> | undefined): string {
  if (!fields) return '';
  return Object.entries(fields)
    .map(([k, v]) => ` ${k}=${typeof v === 'string' ? (/\s/.test(v) ? JSON.stringify(v) : v) : v instanceof Error ? JSON.stringify(v.message) : JSON.stringify(v)}`)
    .join('');
}

/** A logger for one component. */
export function logger(component: string): Logger {
  const emit = (level: LogLevel, msg: string, fields?: Record<string, unknown>): void => {
    if (ORDER[level] < ORDER[threshold]) return;
    sink(`${new Date().toISOString()} ${level.padEnd(5)} ${component}: ${msg}${format(fields)}`);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (c) => logger(`${component}/${c}`),
  };
}
