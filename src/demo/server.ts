// The demo application's HTTP server: the page, `/color`, a readiness endpoint, and a graceful shutdown that
// lets a proxy in front of the pod lose no request. Routes match on the last path segment, so the app also
// works behind an ingress path prefix that is not rewritten (`/demo/color` answers like `/color`).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../lib/clock.js';
import type { DemoConfig } from './config.js';
import { computeColorAnswer } from './color-answer.js';
import { parseColorOverrides } from './color-overrides.js';
import { demoPageHtml } from './page.js';

/** How to start a demo server. */
export interface DemoServerOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly config: DemoConfig;
  /** Source of "now" for `/healthz` uptime; defaults to the system clock. */
  readonly clock?: Clock;
  /** Random numbers in [0, 1) for colours and error draws; defaults to `Math.random`. */
  readonly random?: () => number;
  /** How long `shutdown` waits for busy connections before closing them anyway; default 30 s. */
  readonly shutdownTimeoutMs?: number;
}

/** How a shutdown ended: every request finished, or some were cut off at the timeout. */
export type ShutdownResult = { outcome: 'drained' } | { outcome: 'forced'; abandonedRequests: number };

/** A running demo server. */
export interface DemoServer {
  readonly host: string;
  readonly port: number;
  /** `http://<host>:<port>` */
  readonly url: string;
  /** Requests received and not yet answered (or abandoned by their client). */
  activeRequests(): number;
  /** Stops accepting connections, closes idle ones, lets in-flight requests finish; idempotent. */
  shutdown(): Promise<ShutdownResult>;
}

/** Idle keep-alive sockets stay open this long, longer than common proxy idle timeouts (60 s), so the proxy closes first. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
const MAX_BODY_BYTES = 64 * 1024;

interface ServerState {
  readonly options: DemoServerOptions;
  readonly server: http.Server;
  readonly startedAtMs: number;
  readonly page: string;
  active: number;
  draining: boolean;
}

function send(state: ServerState, res: http.ServerResponse, status: number, headers: http.OutgoingHttpHeaders, body: string): void {
  if (res.destroyed || res.headersSent) return;
  // Once draining, every answer tells the client (or proxy) not to reuse this connection.
  if (state.draining) res.setHeader('Connection', 'close');
  res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function readBody(req: http.IncomingMessage, done: (body: string | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on('end', () => done(size <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString('utf8') : undefined));
  req.on('error', () => undefined);
}

const TEXT = 'text/plain; charset=utf-8';

function handleColor(state: ServerState, req: http.IncomingMessage, res: http.ServerResponse): void {
  readBody(req, (body) => {
    if (body === undefined) return send(state, res, 413, { 'Content-Type': TEXT }, 'request body too large\n');
    const parsed = parseColorOverrides(body);
    if (!parsed.ok) return send(state, res, 400, { 'Content-Type': TEXT }, parsed.message + '\n');
    const answer = computeColorAnswer(state.options.config, parsed.overrides, state.options.random ?? Math.random);
    const headers = { 'Content-Type': TEXT, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
    const reply = (): void => send(state, res, answer.status, headers, JSON.stringify(answer.color));
    if (answer.delayMs <= 0) return reply();
    const timer = setTimeout(reply, answer.delayMs);
    res.on('close', () => clearTimeout(timer));
  });
}

function handleHealth(state: ServerState, res: http.ServerResponse): void {
  const nowMs = (state.options.clock ?? systemClock).now();
  const body = JSON.stringify({
    status: state.draining ? 'draining' : 'serving',
    color: state.options.config.color,
    uptimeSeconds: Math.max(0, Math.floor((nowMs - state.startedAtMs) / 1000)),
    activeRequests: state.active - 1, // not counting this one
  });
  send(state, res, state.draining ? 503 : 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, body + '\n');
}

function leafOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] ?? '/';
  return path.slice(path.lastIndexOf('/') + 1);
}

function handle(state: ServerState, req: http.IncomingMessage, res: http.ServerResponse): void {
  state.active += 1;
  res.on('close', () => {
    state.active -= 1;
    // An answer whose headers went out before draining began left its socket keep-alive: close it once idle.
    if (state.draining) setImmediate(() => state.server.closeIdleConnections());
  });
  switch (leafOf(req.url)) {
    case '':
    case 'index.html':
      return send(state, res, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }, state.page);
    case 'color':
      return handleColor(state, req, res);
    case 'healthz':
      return handleHealth(state, res);
    case 'favicon.ico':
      return send(state, res, 204, {}, '');
    default:
      return send(state, res, 404, { 'Content-Type': TEXT }, 'not found\n');
  }
}

function shutdownServer(state: ServerState): Promise<ShutdownResult> {
  const { server } = state;
  state.draining = true;
  return new Promise((resolve) => {
    let abandoned: number | undefined;
    const timer = setTimeout(() => {
      abandoned = state.active;
      server.closeAllConnections();
    }, state.options.shutdownTimeoutMs ?? 30_000);
    server.close(() => {
      clearTimeout(timer);
      resolve(abandoned === undefined ? { outcome: 'drained' } : { outcome: 'forced', abandonedRequests: abandoned });
    });
    server.closeIdleConnections();
  });
}

/** Starts the demo server and resolves once it is listening; rejects if the address cannot be bound. */
export function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const clock = options.clock ?? systemClock;
  const server = http.createServer();
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  const state: ServerState = { options, server, startedAtMs: clock.now(), page: demoPageHtml(), active: 0, draining: false };
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => handle(state, req, res));
  let stopping: Promise<ShutdownResult> | undefined;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      // After listening, a failed accept (say EMFILE) must not crash the pod; the next connection may succeed.
      server.on('error', () => undefined);
      const { port } = addressOf(server);
      const hostPart = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        host: options.host,
        port,
        url: `http://${hostPart}:${port}`,
        activeRequests: () => state.active,
        shutdown: () => (stopping ??= shutdownServer(state)),
      });
    });
  });
}

function addressOf(server: http.Server): AddressInfo {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new TypeError('Cannot read the demo server address: not a TCP listener');
  return address;
}
