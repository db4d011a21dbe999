// The ingress listener: one HTTP server on the ingress port for every Ingress host and path.
import http from 'node:http';
import { handleIngressRequest, type IngressDeps } from './ingress-request.js';
import { closeServer, listen } from './listen.js';

/** A listening ingress. */
export interface IngressServer {
  readonly port: number;
  /** Stops accepting; requests in flight get `graceMs` to finish. */
  close(graceMs: number): Promise<void>;
}

/** Listens on `host:port` (0 = any free port). Keep-alive 75 s, as ingress-nginx's `keep-alive`. */
export async function startIngressServer(deps: IngressDeps, host: string, port: number): Promise<IngressServer> {
  const server = http.createServer({ keepAliveTimeout: 75_000, noDelay: true, requestTimeout: 0 }, (req, res) => handleIngressRequest(deps, req, res));
  server.headersTimeout = 60_000;
  const actual = await listen(server, host, port);
  return { port: actual, close: (graceMs) => closeServer(server, graceMs) };
}
