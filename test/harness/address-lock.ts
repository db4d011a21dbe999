// Loopback ranges for test files that run at the same time: each reserves a second octet (127.<n>.x.y) with an
// exclusive lock file holding its pid, so two concurrent test processes never hand out the same pod or service
// addresses. Locks of processes that are gone are taken over; a process's locks go when it exits.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIR = join(tmpdir(), 'sluice-test-octets');
const held: string[] = [];
process.once('exit', () => { for (const f of held) rmSync(f, { force: true }); });

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

function tryLock(file: string): boolean {
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const owner = Number(readFileSync(file, 'utf8').trim());
    if (owner === process.pid) return false;
    if (Number.isInteger(owner) && owner > 0 && alive(owner)) return false;
    rmSync(file, { force: true }); // left by a process that is gone
    try { writeFileSync(file, String(process.pid), { flag: 'wx' }); return true; } catch { return false; }
  }
}

/** A second octet in [lo, hi], not in `exclude`, that no other live test process holds. */
export function reserveOctet(lo: number, hi: number, exclude: readonly number[] = []): number {
  mkdirSync(DIR, { recursive: true });
  const start = randomInt(lo, hi + 1);
  for (let i = 0; i <= hi - lo; i++) {
    const n = lo + ((start - lo + i) % (hi - lo + 1));
    if (exclude.includes(n)) continue;
    const file = join(DIR, String(n));
    if (tryLock(file)) { held.push(file); return n; }
  }
  throw new Error(`no free loopback range 127.${lo}–127.${hi} for this test process (locks in ${DIR})`);
}
