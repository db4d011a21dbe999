// The processes this kubelet started, kept in `<dataDir>/kubelet-processes.json` so that a later run can
// kill whatever survived a crash of this one. Every container process also carries the environment marker
// `SLUICE_KUBELET=<id of dataDir>`; on Linux the reaper finds escaped descendants by scanning /proc for it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** Name of the environment variable that marks container processes of one data directory. */
export const MARKER_ENV = 'SLUICE_KUBELET';

/** One recorded container process; it leads its own process group (pgid = pid). */
export interface ProcessEntry {
  readonly pid: number;
  readonly pod: string;
  readonly uid: string;
  readonly container: string;
  readonly restartCount: number;
}

/** The marker value of a data directory: a short hash of its absolute path. */
export function markerOf(dataDir: string): string {
  return createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
}

/** The process table file of a data directory. */
export function processTablePath(dataDir: string): string {
  return join(dataDir, 'kubelet-processes.json');
}

/** Reads a process table (empty when missing or unreadable). */
export function readProcessTable(path: string): ProcessEntry[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((e): e is ProcessEntry => typeof e === 'object' && e !== null && 'pid' in e && typeof e.pid === 'number');
  } catch {
    return [];
  }
}

/** The live process table of one kubelet run, written through on every change. */
export class ProcessTable {
  private readonly entries = new Map<number, ProcessEntry>();

  constructor(private readonly path: string) {
    this.flush();
  }

  add(e: ProcessEntry): void { this.entries.set(e.pid, e); this.flush(); }
  remove(pid: number): void { if (this.entries.delete(pid)) this.flush(); }
  list(): ProcessEntry[] { return [...this.entries.values()]; }

  private flush(): void {
    writeFileSync(this.path, JSON.stringify(this.list(), null, 1) + '\n');
  }
}

function environHas(pid: number, needle: string): boolean | undefined {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(needle);
  } catch {
    return undefined;
  }
}

/** True while `pid` runs; a zombie counts as gone (it holds no port and no CPU, only a table slot). */
export function isProcessRunning(pid: number): boolean {
  try {
    if (existsSync(`/proc/${pid}/stat`) && / Z /.test(readFileSync(`/proc/${pid}/stat`, 'latin1'))) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Pids of processes carrying the marker (Linux /proc scan; empty elsewhere). */
export function markedProcesses(marker: string): number[] {
  if (!existsSync('/proc/self/environ')) return [];
  const needle = `${MARKER_ENV}=${marker}`;
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number)
    .filter((pid) => pid !== process.pid && environHas(pid, needle) === true);
}

/**
 * Kills every process left by an earlier run on this data directory (recorded groups, plus marked
 * processes found in /proc) and waits up to `timeoutMs` for them to be gone. Returns the pids it killed.
 */
export async function reapSurvivors(dataDir: string, timeoutMs = 5000): Promise<number[]> {
  const marker = markerOf(dataDir);
  const needle = `${MARKER_ENV}=${marker}`;
  const victims = new Set<number>(markedProcesses(marker));
  for (const e of readProcessTable(processTablePath(dataDir))) {
    // Without /proc, trust the table; with it, make sure the pid was not reused by someone else.
    if (environHas(e.pid, needle) !== false && isProcessRunning(e.pid)) victims.add(e.pid);
  }
  for (const pid of victims) {
    for (const target of [-pid, pid]) {
      try { process.kill(target, 'SIGKILL'); } catch { /* already gone */ }
    }
  }
  for (let waitedMs = 0; waitedMs < timeoutMs && [...victims].some(isProcessRunning); waitedMs += 20) await delay(20);
  return [...victims];
}
