// Starting and stopping the proxies' HTTP listeners.
import type { Server } from 'node:http';

/** Listens on `host:port` (0 = any free port); resolves with the bound port, rejects with the bind error (EACCES, EADDRINUSE…). */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error): void => reject(e);
    server.once('error', onError);
    server.listen({ host, port }, () => {
      server.off('error', onError);
      const a = server.address();
      resolve(typeof a === 'object' && a !== null ? a.port : port);
    });
  });
}

/**
 * Stops accepting, closes idle keep-alive connections at once and lets requests in flight finish; after
 * `graceMs` the remaining connections are cut.
 */
export function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) { resolve(); return; }
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => { clearTimeout(timer); resolve(); });
    server.closeIdleConnections();
  });
}
