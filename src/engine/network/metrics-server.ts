// Serves `GET /metrics` (Prometheus text) on its own port, apart from the traffic the ingress carries.
import http from 'node:http';
import { closeServer, listen } from './listen.js';

/** A listening metrics endpoint. */
export interface MetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Listens on `host:port` (0 = any free port) and answers `/metrics` with `render()`. */
export async function startMetricsServer(host: string, port: number, render: () => string | Promise<string>): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found\n');
      return;
    }
    void Promise.resolve(render()).then((body) => {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(req.method === 'HEAD' ? undefined : body);
    }, () => res.writeHead(500).end());
  });
  const actual = await listen(server, host, port);
  return { port: actual, close: () => closeServer(server, 0) };
}
