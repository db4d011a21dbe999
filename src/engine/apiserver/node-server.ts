// Serves an ApiHandler over HTTPS (or plain HTTP for tests that ask for it) with bearer-token authentication.
import { timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ApiError, toStatus } from '../../api/api-error.js';
import type { ApiHandler, ApiRequest, ApiResponse } from './http-types.js';
import { MAX_BODY_BYTES } from './request-body.js';

export interface NodeServerOptions {
  host: string;
  port: number;
  handler: ApiHandler;
  tls?: { certPem: string; keyPem: string };
  /** When set, every request but the public health/version paths must carry `Authorization: Bearer <token>`. */
  token?: string;
}

export interface RunningServer {
  port: number;
  url: string;
  /** Closes every open connection (watches included) but keeps listening: clients must reconnect. */
  dropConnections(): void;
  close(): Promise<void>;
}

const PUBLIC_PATHS = new Set(['/healthz', '/livez', '/readyz', '/version']);

function authorized(token: string | undefined, header: string | undefined, path: string): boolean {
  if (token === undefined || PUBLIC_PATHS.has(path)) return true;
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!m?.[1]) return false;
  const a = Buffer.from(m[1]);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

// Past the limit the body is drained and discarded so the client reads a clean 413, not a reset; a client
// that keeps sending far beyond it is cut off.
const DISCARD_LIMIT_BYTES = 16 * MAX_BODY_BYTES;

function readBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
      else if (size > DISCARD_LIMIT_BYTES) req.destroy();
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new ApiError('RequestEntityTooLarge', `the request body is too large: ${size} bytes (limit ${MAX_BODY_BYTES})`));
      else resolve(chunks.length === 0 ? undefined : Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, r: ApiResponse): void {
  if ('body' in r) {
    const body = typeof r.body === 'string' ? Buffer.from(r.body) : r.body;
    res.writeHead(r.status, { ...r.headers, 'content-length': String(body.length) });
    res.end(body);
    return;
  }
  res.writeHead(r.status, { ...r.headers, 'transfer-encoding': 'chunked' });
  res.flushHeaders();
  const cancel = r.stream({ write: (chunk) => { res.write(chunk); }, end: () => { res.end(); } });
  res.on('close', cancel);
}

async function serve(opts: NodeServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!authorized(opts.token, req.headers.authorization, url.pathname)) {
    req.resume();
    return send(res, { status: 401, headers: { 'content-type': 'application/json' }, body: JSON.stringify(toStatus(new ApiError('Unauthorized', 'Unauthorized'))) });
  }
  let body: Uint8Array | undefined;
  try {
    body = await readBody(req);
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError('BadRequest', 'could not read the request body');
    return send(res, { status: err.code, headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify(toStatus(err)) });
  }
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  const apiReq: ApiRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body, user: 'admin' };
  send(res, await opts.handler(apiReq));
}

/** Starts the server; resolves once it listens. */
export function startNodeServer(opts: NodeServerOptions): Promise<RunningServer> {
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    serve(opts, req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify(toStatus(new ApiError('InternalError', `Internal error occurred: ${e instanceof Error ? e.message : String(e)}`))));
    });
  };
  const server: Server = opts.tls
    ? createHttpsServer({ cert: opts.tls.certPem, key: opts.tls.keyPem }, onRequest)
    : createHttpServer(onRequest);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 70_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr !== null ? (addr satisfies AddressInfo).port : opts.port;
      const scheme = opts.tls ? 'https' : 'http';
      resolve({
        port,
        url: `${scheme}://${opts.host}:${port}`,
        dropConnections: () => server.closeAllConnections(),
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}
