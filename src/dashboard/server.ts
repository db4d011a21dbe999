// The dashboard's HTTP(S) server: the page, a read API with live updates (server-sent events from informers over
// the client port), and the actions (the same operations as the CLI) behind the bearer token. Loopback by default.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { isApiError } from '../api/api-error.js';
import type { KubeClient } from '../control/client.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { readRolloutObjects, listRollouts, watchRolloutList, watchRolloutObjects } from '../rollouts/ops/index.js';
import { isDashboardAction, runAction, runRollback } from './actions.js';
import { DASHBOARD_SCRIPT } from './page-script.js';
import { dashboardPageHtml } from './page.js';
import { hasToken, isAllowedHost } from './request-guard.js';
import { computeRolloutRows, computeRolloutView } from './rollout-view.js';
import { streamEvents } from './sse.js';

export interface DashboardOptions {
  readonly client: KubeClient;
  readonly host: string;
  /** 0: any free port. */
  readonly port: number;
  /** Bearer token every action must carry. */
  readonly token: string;
  /** Serve HTTPS with this certificate; absent: plain HTTP (loopback only is advised). */
  readonly tls?: { readonly certPem: string; readonly keyPem: string };
  /** Only this namespace's Rollouts (default: all). */
  readonly namespace?: string;
  readonly clock?: Clock;
}

export interface Dashboard {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store',
};

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': `${type}; charset=utf-8`, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, e: unknown): void {
  if (res.headersSent) { res.end(); return; }
  if (isApiError(e)) { send(res, e.code, { error: e.message, reason: e.reason }); return; }
  send(res, 500, { error: e instanceof Error ? e.message : String(e) });
}

/** `/api/rollouts/<ns>/<name>[/<rest>]` → its parts. */
function rolloutPath(path: string): { ns: string; name: string; rest: string } | undefined {
  const m = /^\/api\/rollouts\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/.exec(path);
  if (m?.[1] === undefined || m[2] === undefined) return undefined;
  return { ns: decodeURIComponent(m[1]), name: decodeURIComponent(m[2]), rest: m[3] ?? '' };
}

async function handle(o: DashboardOptions, clock: Clock, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!isAllowedHost(req.headers.host, o.host)) { send(res, 403, { error: 'unexpected Host header' }); return; }
  const url = new URL(req.url ?? '/', 'http://dashboard');
  const path = url.pathname;
  const namespace = o.namespace ?? (url.searchParams.get('namespace') || undefined);
  if (req.method === 'GET' && path === '/') { send(res, 200, dashboardPageHtml(), 'text/html'); return; }
  if (req.method === 'GET' && path === '/app.js') { send(res, 200, DASHBOARD_SCRIPT, 'text/javascript'); return; }
  if (req.method === 'GET' && path === '/healthz') { send(res, 200, 'ok\n', 'text/plain'); return; }
  if (req.method === 'GET' && path === '/api/rollouts') { send(res, 200, { items: computeRolloutRows(await listRollouts(o.client, namespace)) }); return; }
  if (req.method === 'GET' && path === '/api/rollouts/stream') {
    await streamEvents(req, res, async function* (signal) {
      for await (const list of watchRolloutList(o.client, namespace, { signal })) yield { items: computeRolloutRows(list) };
    }, (e) => sendError(res, e));
    return;
  }
  const target = rolloutPath(path);
  if (target === undefined || (o.namespace !== undefined && target.ns !== o.namespace)) { send(res, 404, { error: `no such page: ${path}` }); return; }
  const { ns, name, rest } = target;
  if (req.method === 'GET' && rest === '') { send(res, 200, computeRolloutView(await readRolloutObjects(o.client, ns, name), clock.now())); return; }
  if (req.method === 'GET' && rest === 'stream') {
    await streamEvents(req, res, async function* (signal) {
      for await (const objs of watchRolloutObjects(o.client, ns, name, { signal, tickMs: 1000 })) yield objs === undefined ? undefined : computeRolloutView(objs, clock.now());
    }, (e) => sendError(res, e));
    return;
  }
  if (req.method === 'POST' && (isDashboardAction(rest) || rest === 'rollback')) {
    if (!hasToken(req.headers.authorization, o.token)) { send(res, 401, { error: 'actions need the dashboard token (Authorization: Bearer …)' }); return; }
    const message = rest === 'rollback' ? await runRollback(o.client, ns, name, url.searchParams.get('revision')) : await runAction(o.client, rest, ns, name, clock.now());
    send(res, 200, { message });
    return;
  }
  send(res, req.method === 'GET' || req.method === 'POST' ? 404 : 405, { error: `${req.method ?? ''} ${path} is not served` });
}

/** Starts the dashboard; resolves once it listens. */
export function startDashboard(o: DashboardOptions): Promise<Dashboard> {
  const clock = o.clock ?? systemClock;
  const listener = (req: IncomingMessage, res: ServerResponse): void => { handle(o, clock, req, res).catch((e: unknown) => sendError(res, e)); };
  const server: Server = o.tls === undefined ? createHttpServer(listener) : createHttpsServer({ cert: o.tls.certPem, key: o.tls.keyPem }, listener);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: o.host, port: o.port }, () => {
      server.off('error', reject);
      const a = server.address();
      const port = typeof a === 'object' && a !== null ? a.port : o.port;
      const url = `${o.tls === undefined ? 'http' : 'https'}://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}/`;
      resolve({
        url, port,
        close: () => new Promise((done) => { server.close(() => done()); server.closeAllConnections(); }),
      });
    });
  });
}
