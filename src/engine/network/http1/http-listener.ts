// A proxy listener: a TCP server whose connections speak HTTP/1.1 through ClientConnection. `serveHttp` also
// serves a listening socket received from another process (the ingress processes share one).
import net from 'node:net';
import { ClientConnection } from './client-connection.js';
import type { ListenerLimits, RequestHandler } from './client-request.js';

/** A listening proxy socket. */
export interface HttpListener {
  readonly port: number;
  /** Stops accepting; idle connections close now, busy ones after their response, all after `graceMs`. */
  close(graceMs: number): Promise<void>;
}

/** nginx-like defaults: 32 KiB of request head, 60 s to read a request, 75 s keep-alive. */
export const DEFAULT_LIMITS = { maxHeadBytes: 32 * 1024, readTimeoutMs: 60_000, idleTimeoutMs: 75_000 } as const;

/** Serves HTTP on an already listening `server` (a TLS server: pass `'secureConnection'`). */
export function serveHttp(server: net.Server, handler: RequestHandler, limits: ListenerLimits, event: 'connection' | 'secureConnection' = 'connection'): HttpListener {
  const conns = new Set<ClientConnection>();
  server.on(event, (socket: net.Socket) => {
    const c = new ClientConnection(socket, handler, limits);
    conns.add(c);
    socket.once('close', () => conns.delete(c));
  });
  server.on('error', () => undefined);
  const a = server.address();
  return {
    port: typeof a === 'object' && a !== null ? a.port : 0,
    close: (graceMs) => new Promise((done) => {
      const timer = setTimeout(() => { for (const c of conns) c.socket.destroy(); }, graceMs);
      server.close(() => { clearTimeout(timer); done(); });
      for (const c of conns) c.drain();
    }),
  };
}

/** Listens on `host:port` (0 = any free port); rejects with the bind error (EACCES, EADDRINUSE…). */
export function listenHttp(host: string, port: number, handler: RequestHandler, limits: ListenerLimits): Promise<HttpListener> {
  return listenRaw(host, port).then((server) => serveHttp(server, handler, limits));
}

/** Makes `server` (a plain TCP one by default) listen, without a handler yet (to be shared with other processes before serving). */
export function listenRaw(host: string, port: number, server: net.Server = net.createServer()): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
