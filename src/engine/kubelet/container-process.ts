// A container as a host process: spawned detached (its own process group, so the whole tree can be
// signalled) and, where util-linux's setpriv exists, with a parent-death signal so it dies with the
// runtime even on kill -9. When the main process exits, the rest of its group is killed, as a container's
// PID namespace would be.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import type { Timers } from '../../control/timers.js';

/** How a container process ended: exit code (128 + signal number when killed by a signal). */
export interface ExitInfo {
  readonly exitCode: number;
  readonly signal?: NodeJS.Signals;
  /** Set when the process could not be started at all. */
  readonly error?: string;
}

/** What to spawn. */
export interface SpawnSpec {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly onOutput: (stream: 'stdout' | 'stderr', chunk: Buffer) => void;
}

/** A running (or finished) container process. */
export interface ContainerProcess {
  readonly pid: number | undefined;
  readonly exited: Promise<ExitInfo>;
  /** preStop (bounded by the grace period), SIGTERM to the group, then SIGKILL once `graceMs` has passed. */
  terminate(graceMs: number, preStop?: (timeoutMs: number) => Promise<void>): Promise<ExitInfo>;
  /** SIGKILL to the whole group. */
  kill(): void;
}

/** How long after the main process exits its output may still be drained from the pipes. */
const PIPE_DRAIN_MS = 2000;

/** The setpriv binary when it exists and supports --pdeathsig, else undefined. */
export function findSetpriv(): string | undefined {
  for (const path of ['/usr/bin/setpriv', '/bin/setpriv']) {
    if (!existsSync(path)) continue;
    const r = spawnSync(path, ['--pdeathsig', 'SIGKILL', '--', 'true'], { stdio: 'ignore', timeout: 5000 });
    if (r.status === 0) return path;
  }
  return undefined;
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try { process.kill(-pid, signal); } catch { /* the group is gone */ }
}

/** Spawns a container process. `setpriv` comes from findSetpriv(). */
export function spawnContainer(spec: SpawnSpec, setpriv: string | undefined, timers: Timers): ContainerProcess {
  const [cmd = '', ...args] = spec.argv;
  const argv = setpriv !== undefined ? [setpriv, '--pdeathsig', 'SIGKILL', '--', cmd, ...args] : [cmd, ...args];
  const child = spawn(argv[0] ?? '', argv.slice(1), { cwd: spec.cwd, env: { ...spec.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d: Buffer) => spec.onOutput('stdout', d));
  child.stderr.on('data', (d: Buffer) => spec.onOutput('stderr', d));
  const pid = child.pid;
  const exited = new Promise<ExitInfo>((resolve) => {
    let info: ExitInfo | undefined;
    // Output written just before exit may still sit in the pipes: finish on 'close' (all stdio drained),
    // or shortly after 'exit' if an escaped descendant keeps the pipes open.
    const finish = (): void => { if (info !== undefined) resolve(info); };
    child.once('exit', (code, signal) => {
      signalGroup(pid, 'SIGKILL');
      info = signal !== null ? { exitCode: 128 + (constants.signals[signal] ?? 0), signal } : { exitCode: code ?? 0 };
      timers.setTimer(PIPE_DRAIN_MS, finish);
    });
    child.once('close', finish);
    child.once('error', (e) => {
      if (pid === undefined) resolve({ exitCode: 128, error: e.message });
    });
  });
  return {
    pid, exited,
    kill: () => signalGroup(pid, 'SIGKILL'),
    terminate: async (graceMs, preStop) => {
      // The grace period covers preStop and SIGTERM together.
      const cancel = timers.setTimer(graceMs, () => signalGroup(pid, 'SIGKILL'));
      if (preStop !== undefined) await Promise.race([preStop(graceMs).catch(() => undefined), exited]);
      signalGroup(pid, 'SIGTERM');
      const info = await exited;
      cancel();
      return info;
    },
  };
}
