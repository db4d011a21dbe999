// CPU time of processes from /proc (Linux): lets a bench report CPU per request, which stays meaningful when
// other work on the machine takes CPU away from the processes measured.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds of `pids` so far (undefined when /proc is not there). */
export function cpuSeconds(pids: readonly number[]): number | undefined {
  let ticks = 0;
  for (const pid of pids) {
    const f = statFields(pid);
    if (f === undefined) return undefined;
    // After the name: state(0) ppid(1) … utime(11) stime(12).
    ticks += Number(f[11] ?? 0) + Number(f[12] ?? 0);
  }
  return ticks / TICKS_PER_SECOND;
}

/** Pids whose parent is `ppid` (nginx's workers under its master). */
export function childPids(ppid: number): number[] {
  const out: number[] = [];
  let entries: string[];
  try { entries = readdirSync('/proc'); } catch { return out; }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    const f = statFields(Number(e));
    if (f !== undefined && Number(f[1]) === ppid) out.push(Number(e));
  }
  return out;
}
