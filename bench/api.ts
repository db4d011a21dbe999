// Bench: the embedded API server against a bare node:https JSON handler, measured in the same run.
// Figures: single-object GET and 100-item LIST throughput and latency at 32 connections, and watch fan-out
// latency to 1,000 concurrent watchers.
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { fileURLToPath } from 'node:url';
import { startChild } from './lib/child.js';
import { fmt, runLoad, type LoadResult } from './lib/load.js';

interface ServerInfo { url: string; token: string; ca: string }

const script = fileURLToPath(new URL(`./api-servers.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url));
const CM = '/api/v1/namespaces/default/configmaps';

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}

async function throughput(info: ServerInfo, path: string): Promise<LoadResult> {
  return runLoad({ url: info.url + path, connections: 32, durationMs: 4000, headers: { authorization: `Bearer ${info.token}`, accept: 'application/json' }, ca: info.ca });
}

function put(info: ServerInfo, agent: HttpsAgent, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(`${info.url}${CM}/cm-0`, { method: 'PUT', agent, ca: info.ca, headers: { authorization: `Bearer ${info.token}`, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Opens `n` watches, makes `rounds` changes, returns per-round time until every watcher saw the change. */
async function fanOut(info: ServerInfo, n: number, rounds: number): Promise<number[]> {
  const agent = new HttpsAgent({ keepAlive: true, maxSockets: Infinity, ca: info.ca });
  const received = new Map<string, number>();
  const open: Promise<void>[] = [];
  const reqs: ReturnType<typeof httpsRequest>[] = [];
  for (let i = 0; i < n; i++) {
    open.push(new Promise((resolve, reject) => {
      const req = httpsRequest(`${info.url}${CM}?watch=true&resourceVersion=999999999&fieldSelector=metadata.name%3Dcm-0`, { agent, headers: { authorization: `Bearer ${info.token}` } }, (res) => {
        resolve();
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          let nl: number;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl);
            buf = buf.slice(nl + 1);
            const m = /"round":"(\d+)"/.exec(line);
            if (m?.[1]) received.set(`${i}:${m[1]}`, performance.now());
          }
        });
      });
      req.on('error', reject);
      req.end();
      reqs.push(req);
    }));
  }
  await Promise.all(open);
  const results: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm-0', namespace: 'default' }, data: { round: String(r) } });
    const sent = performance.now();
    await put(info, agent, body);
    const deadline = sent + 30_000;
    while ([...Array(n).keys()].some((i) => !received.has(`${i}:${r}`)) && performance.now() < deadline) await new Promise((res) => setTimeout(res, 1));
    results.push(Math.max(...[...Array(n).keys()].map((i) => (received.get(`${i}:${r}`) ?? deadline) - sent)));
  }
  for (const req of reqs) req.destroy();
  agent.destroy();
  return results;
}

function row(name: string, ours: LoadResult, ref: LoadResult): string {
  return `${name.padEnd(26)} ${fmt(ours.rps).padStart(9)} req/s  p50 ${fmt(ours.p50Ms, 2)} ms  p99 ${fmt(ours.p99Ms, 2)} ms   | bare node: ${fmt(ref.rps).padStart(9)} req/s  p50 ${fmt(ref.p50Ms, 2)} ms  p99 ${fmt(ref.p99Ms, 2)} ms   | ratio ${fmt(ours.rps / ref.rps, 2)}${ours.errors + ref.errors > 0 ? `  errors ${ours.errors}/${ref.errors}` : ''}`;
}

/** Runs the API bench and prints its figures. */
export async function benchApi(): Promise<void> {
  const sluice = await startChild<ServerInfo>(script, ['sluice']);
  const bare = await startChild<ServerInfo>(script, ['bare']);
  try {
    console.log('API server (HTTPS, bearer token, 32 connections, 4 s each)');
    console.log(row('GET one object', await throughput(sluice.info, `${CM}/cm-1`), await throughput(bare.info, `${CM}/cm-1`)));
    console.log(row('LIST 100 objects', await throughput(sluice.info, CM), await throughput(bare.info, CM)));
    const ours = await fanOut(sluice.info, 1000, 20);
    const ref = await fanOut(bare.info, 1000, 20);
    console.log(`${'watch fan-out, 1000'.padEnd(26)} p50 ${fmt(percentile(ours, 50), 1)} ms  p99 ${fmt(percentile(ours, 99), 1)} ms until all watchers saw a change   | bare node: p50 ${fmt(percentile(ref, 50), 1)} ms  p99 ${fmt(percentile(ref, 99), 1)} ms   | ratio ${fmt(percentile(ours, 50) / percentile(ref, 50), 2)}`);
  } finally {
    await sluice.stop();
    await bare.stop();
  }
}
