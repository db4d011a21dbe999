// A Logger that keeps its lines in memory, for tests that assert on (or just silence) logging.
import type { Logger, LogLevel } from '../../lib/log.js';

/** One captured log line. */
export interface CapturedLine {
  level: LogLevel;
  component: string;
  msg: string;
  fields: Record<string, unknown>;
}

/** A logger writing into `lines`. */
export function captureLog(component = 'test', lines: CapturedLine[] = []): { log: Logger; lines: CapturedLine[] } {
  const emit = (level: LogLevel) => (msg: string, fields: Record<string, unknown> = {}): void => {
    lines.push({ level, component, msg, fields });
  };
  const log: Logger = {
    debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error'),
    child: (c) => captureLog(`${component}/${c}`, lines).log,
  };
  return { log, lines };
}
