// A stand-in for a pod's process: a node:http server on its own loopback IP that answers every request with
// its colour as a JSON string (`"blue"`), like the demo app, and echoes what it received in headers; WebSocket
// messages are echoed as `<colour>:<text>`.
import http from 'node:http';
import { websocketEcho } from './websocket-echo.js';

export interface ColourBackend {
  readonly ip: string;
  readonly port: number;
  readonly colour: string;
  /** Requests answered so far. */
  requests(): number;
  /** Graceful stop as the demo app does on SIGTERM: stop accepting, close idle keep-alive sockets, finish the rest. */
  stop(): Promise<void>;
  /** Abrupt stop: every connection is cut at once (a crash or kill -9). */
  kill(): Promise<void>;
}

export interface ColourBackendOptions {
  /** Status of every answer (default 200); `bad` backends answer 500. */
  status?: number;
  /** Keep-alive idle timeout of the server (default 65 s like the demo app). */
  keepAliveTimeoutMs?: number;
}

/** Starts a backend on `ip:port`. */
export function startColourBackend(ip: string, port: number, colour: string, o: ColourBackendOptions = {}): Promise<ColourBackend> {
  let count = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      count++;
      const body = JSON.stringify(colour);
      res.writeHead(o.status ?? 200, {
        'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), server: `colour-backend/${colour}`,
        'x-seen-host': req.headers.host ?? '', 'x-seen-xff': String(req.headers['x-forwarded-for'] ?? ''), 'x-seen-real-ip': String(req.headers['x-real-ip'] ?? ''),
        'x-seen-proto': String(req.headers['x-forwarded-proto'] ?? ''), 'x-seen-request-id': String(req.headers['x-request-id'] ?? ''),
        'x-seen-body': String(Buffer.concat(chunks).length), 'x-seen-method': req.method ?? '',
      });
      res.end(body);
    });
  });
  server.on('upgrade', (req, socket, head: Buffer) => websocketEcho(req, socket, head, colour));
  server.keepAliveTimeout = o.keepAliveTimeoutMs ?? 65_000;
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: ip, port }, () => {
      resolve({
        ip, port, colour, requests: () => count,
        stop: async () => { if (server.listening) { server.close(); server.closeIdleConnections(); } await closed; },
        kill: async () => { if (server.listening) server.close(); server.closeAllConnections(); await closed; },
      });
    });
  });
}
