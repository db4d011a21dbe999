// An ingress process: serves the ingress port it shares with the main process, from tables the main process
// keeps it current with (ingress-ipc.ts). Started by ingress-processes.ts with `fork`; exits on `stop` or when
// the main process goes away.
import type { Server } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS, serveHttp, type HttpListener } from './http1/http-listener.js';
import { decodeToIngressProcess, type FromIngressProcess, type ToIngressProcess } from './ingress-ipc.js';
import { handleIngressRequest, type IngressDeps } from './ingress-request.js';
import { SnapshotTables } from './ingress-tables.js';
import { requestIdSource } from './request-ids.js';
import { RequestMetrics } from './request-metrics.js';
import { UpstreamPools } from './upstream-pools.js';

interface Running {
  readonly tables: SnapshotTables;
  readonly pools: UpstreamPools;
  readonly metrics: RequestMetrics;
  readonly listener: HttpListener;
  readonly ingressClass: string;
}

function send(m: FromIngressProcess): void {
  process.send?.(m);
}

function start(m: Extract<ToIngressProcess, { op: 'init' }>, server: Server): Running {
  const tables = new SnapshotTables();
  const pools = new UpstreamPools(m.pool);
  const metrics = new RequestMetrics(m.controller);
  const deps: IngressDeps = { tables, pools, metrics, newRequestId: requestIdSource(), scheme: 'http', httpsPort: m.httpsPort ?? undefined };
  const limits = { ...DEFAULT_LIMITS, bodyLimitBytes: () => tables.config.proxyBodySizeBytes };
  const listener = serveHttp(server, (req, res) => handleIngressRequest(deps, req, res), limits);
  return { tables, pools, metrics, listener, ingressClass: m.ingressClass };
}

async function stop(r: Running | undefined, graceMs: number): Promise<never> {
  await r?.listener.close(graceMs);
  await r?.pools.close(graceMs);
  process.exit(0);
}

function apply(r: Running, m: ToIngressProcess): void {
  switch (m.op) {
    case 'ingresses':
      r.tables.setIngresses(m.items, r.ingressClass);
      return;
    case 'targets':
      r.tables.setTargets(m.serviceKey, m.targets === null ? undefined : new Map(m.targets));
      r.pools.retain(r.tables.rotations.allTargets());
      return;
    case 'config':
      r.tables.setConfig(m.data ?? undefined);
      return;
    case 'metrics':
      send({ op: 'metrics', id: m.id, series: r.metrics.snapshot() });
      return;
    default:
      return;
  }
}

/** Runs the process until told to stop. */
export function runIngressProcess(): void {
  let running: Running | undefined;
  process.on('message', (raw: unknown, handle: unknown) => {
    const m = decodeToIngressProcess(raw);
    if (m === undefined) return;
    if (m.op === 'init') {
      if (running !== undefined || !isServer(handle)) return;
      running = start(m, handle);
      send({ op: 'ready' });
    } else if (m.op === 'stop') {
      void stop(running, m.graceMs);
    } else if (running !== undefined) {
      apply(running, m);
    }
  });
  process.on('disconnect', () => { void stop(running, 5000); });
}

function isServer(x: unknown): x is Server {
  return typeof x === 'object' && x !== null && typeof Reflect.get(x, 'listen') === 'function' && typeof Reflect.get(x, 'address') === 'function';
}

if (process.send !== undefined && process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runIngressProcess();
