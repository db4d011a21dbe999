// Everything a CLI command touches outside itself: output streams, environment, home directory, exit code, Ctrl-C,
// time. `processIo()` is the real process; tests pass `bufferIo()` and read what was written.
import { homedir } from 'node:os';
import { systemClock, type Clock } from '../lib/clock.js';
import { systemTimers, type Timers } from '../control/index.js';

/** The CLI's view of its process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  /** Whether stdout is a terminal (colours, screen clearing). */
  readonly isTTY: boolean;
  readonly clock: Clock;
  readonly timers: Timers;
  setExitCode(code: number): void;
  /** Calls `fn` on Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt(fn: () => void): () => void;
}

/** The real process. */
export function processIo(): CliIo {
  return {
    stdout: (t) => { process.stdout.write(t); },
    stderr: (t) => { process.stderr.write(t); },
    env: process.env,
    homeDir: homedir(),
    isTTY: process.stdout.isTTY === true,
    clock: systemClock,
    timers: systemTimers,
    setExitCode: (code) => { process.exitCode = code; },
    onInterrupt: (fn) => {
      process.on('SIGINT', fn);
      return () => { process.off('SIGINT', fn); };
    },
  };
}

/** An in-memory process for tests: output accumulates in `out`/`err`, the exit code in `exitCode`. */
export interface BufferIo extends CliIo {
  out: string;
  err: string;
  exitCode: number;
  /** Simulates Ctrl-C. */
  interrupt(): void;
}

/** A BufferIo with the given environment and home directory (non-TTY unless `isTTY`). */
export function bufferIo(opts: { env?: Record<string, string | undefined>; homeDir?: string; isTTY?: boolean; clock?: Clock; timers?: Timers } = {}): BufferIo {
  const handlers = new Set<() => void>();
  const io: BufferIo = {
    out: '', err: '', exitCode: 0,
    stdout: (t) => { io.out += t; },
    stderr: (t) => { io.err += t; },
    env: opts.env ?? {},
    homeDir: opts.homeDir ?? '/nonexistent-home',
    isTTY: opts.isTTY ?? false,
    clock: opts.clock ?? systemClock,
    timers: opts.timers ?? systemTimers,
    setExitCode: (code) => { io.exitCode = code; },
    onInterrupt: (fn) => { handlers.add(fn); return () => { handlers.delete(fn); }; },
    interrupt: () => { for (const h of [...handlers]) h(); },
  };
  return io;
}
