// Bench: the Sluice ingress against a backend reached directly and against nginx with an equivalent weighted
// config (when nginx is installed), in one run. Figures: requests/s, p50/p99 and CPU per request at 64
// connections (best of two alternating rounds, as other work on the machine makes single runs noisy), and the
// latency a proxy adds at light load (1 connection). nginx runs with `worker_processes auto` (as ingress-nginx)
// and with 1 worker; Sluice with one ingress process and with one per core (`ingressProcesses`). Load from wrk
// when installed, else undici in this process.
// Installs nothing; says what it skipped.
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startChild, type ChildServer } from './lib/child.js';
import { fmt, runLoad, type LoadResult } from './lib/load.js';
import { findNginx, startNginx, type NginxProcess } from './lib/nginx.js';
import { childPids, cpuSeconds } from './lib/proc-cpu.js';
import { findWrk, runWrk } from './lib/wrk.js';

const script = fileURLToPath(new URL(`./ingress-servers.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url));
const HEAVY = { connections: 64, seconds: 5, rounds: 2 };
const LIGHT = { connections: 1, seconds: 3 };

interface Target { name: string; port: number; pids: number[] }
interface Measured extends LoadResult { cpuUsPerRequest: number | undefined }

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a !== null ? a.port : 0));
    });
  });
}

async function measure(t: Target, connections: number, seconds: number): Promise<Measured> {
  const wrk = findWrk();
  const url = `http://127.0.0.1:${t.port}/color`;
  const before = cpuSeconds(t.pids);
  const r = wrk !== undefined
    ? await runWrk(wrk, { url, host: 'demo.info', connections, threads: Math.min(2, connections), durationS: seconds })
    : await runLoad({ url, connections, durationMs: seconds * 1000, headers: { host: 'demo.info' } });
  const after = cpuSeconds(t.pids);
  const cpu = before === undefined || after === undefined || t.pids.length === 0 ? undefined : ((after - before) / r.requests) * 1e6;
  return { ...r, cpuUsPerRequest: cpu };
}

function row(name: string, r: Measured, extra = ''): string {
  const cpu = r.cpuUsPerRequest === undefined ? '' : `  cpu ${fmt(r.cpuUsPerRequest, 0).padStart(3)} µs/req`;
  return `  ${name.padEnd(30)} ${fmt(r.rps).padStart(8)} req/s  p50 ${fmt(r.p50Ms, 2).padStart(6)} ms  p99 ${fmt(r.p99Ms, 2).padStart(6)} ms${cpu}${r.errors > 0 ? `  errors ${r.errors}` : ''}${extra}`;
}

async function heavy(targets: readonly Target[]): Promise<Map<string, Measured>> {
  const best = new Map<string, Measured>();
  for (let round = 0; round < HEAVY.rounds; round++) {
    for (const t of targets) {
      const r = await measure(t, HEAVY.connections, HEAVY.seconds);
      const prev = best.get(t.name);
      if (prev === undefined || r.rps > prev.rps) best.set(t.name, r);
    }
  }
  return best;
}

function ratios(name: string, r: Measured, all: Map<string, Measured>): string {
  if (!name.startsWith('sluice')) return '';
  const parts = [...all].filter(([n]) => n.startsWith('nginx')).map(([n, ref]) => `${fmt((r.rps / ref.rps) * 100)} % of ${n.replace('nginx, ', '')}`);
  return parts.length === 0 ? '' : `   | ${parts.join(', ')}`;
}

async function printFigures(targets: readonly Target[]): Promise<void> {
  console.log(`${HEAVY.connections} connections, ${HEAVY.seconds} s, best of ${HEAVY.rounds} alternating rounds`);
  const h = await heavy(targets);
  for (const [name, r] of h) console.log(row(name, r, ratios(name, r, h)));
  console.log(`${LIGHT.connections} connection, ${LIGHT.seconds} s (added = proxy - direct)`);
  const light = new Map<string, Measured>();
  for (const t of targets) light.set(t.name, await measure(t, LIGHT.connections, LIGHT.seconds));
  const direct = light.get('backend direct (main)');
  for (const [name, r] of light) {
    const added = direct === undefined || name.startsWith('backend') ? '' : `   | added p50 ${fmt(r.p50Ms - direct.p50Ms, 2)} ms, p99 ${fmt(r.p99Ms - direct.p99Ms, 2)} ms`;
    console.log(row(name, r, added));
  }
}

/** Runs the ingress bench and prints its figures. */
export async function benchIngress(): Promise<void> {
  const children: ChildServer<{ port: number }>[] = [];
  const nginxes: NginxProcess[] = [];
  try {
    const main = await startChild<{ port: number }>(script, ['backend', 'blue']);
    const canary = await startChild<{ port: number }>(script, ['backend', 'green']);
    children.push(main, canary);
    const mainAddr = `127.0.0.1:${main.info.port}`;
    const canaryAddr = `127.0.0.1:${canary.info.port}`;
    const targets: Target[] = [{ name: 'backend direct (main)', port: main.info.port, pids: main.child.pid === undefined ? [] : [main.child.pid] }];
    for (const processes of [...new Set([1, availableParallelism()])]) {
      const sluice = await startChild<{ port: number }>(script, ['sluice', mainAddr, canaryAddr, String(processes)]);
      children.push(sluice);
      const pid = sluice.child.pid;
      const pids = pid === undefined ? [] : [pid, ...childPids(pid)];
      targets.push({ name: processes === 1 ? 'sluice ingress, 1 process' : `sluice ingress, ${processes} processes`, port: sluice.info.port, pids });
    }
    const nginxBin = findNginx();
    for (const workers of nginxBin === undefined ? [] : (['auto', 1] as const)) {
      const n = await startNginx(nginxBin ?? '', await freePort(), mainAddr, canaryAddr, workers);
      nginxes.push(n);
      targets.push({ name: `nginx, ${workers === 'auto' ? `${n.workers.length} workers` : '1 worker'}`, port: n.port, pids: n.workers });
    }
    const loadGen = findWrk() === undefined ? 'undici in-process (wrk not installed: apt-get install wrk for fairer figures)' : 'wrk';
    console.log(`Ingress: host demo.info, canary weight 10 (nginx: split_clients 10 %), two node:http backends; load: ${loadGen}`);
    if (nginxBin === undefined) console.log('  nginx not installed (apt-get install nginx): reference skipped');
    for (const t of targets) await measure(t, 16, 1);
    await printFigures(targets);
  } finally {
    for (const n of nginxes) await n.stop();
    for (const c of children.reverse()) await c.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchIngress();
