// The ingress listener: one HTTP/1.1 listener on the ingress port for every Ingress host and path, served by
// this process and, when asked, by extra ingress processes sharing the socket (ingress-processes.ts).
import { DEFAULT_LIMITS, listenRaw, serveHttp, type HttpListener } from './http1/http-listener.js';
import { IngressProcesses, type IngressProcessOptions } from './ingress-processes.js';
import { handleIngressRequest, type IngressDeps } from './ingress-request.js';
import type { Series } from './request-metrics.js';

/** The ingress: its port, its other processes' metrics, and how to stop it. */
export interface IngressServer extends HttpListener {
  /** Request series of the extra ingress processes (none when there are none). */
  otherMetrics(): Promise<Series[][]>;
}

/** What the ingress needs beyond the request handler's dependencies. */
export interface IngressServerOptions extends Omit<IngressProcessOptions, 'count' | 'server'> {
  readonly host: string;
  readonly port: number;
  /** Processes serving the port, this one included (1: this process only). */
  readonly processes: number;
}

/** Listens on `host:port` (0 = any free port). Request bodies are limited by `proxy-body-size`. */
export async function startIngressServer(deps: IngressDeps, o: IngressServerOptions): Promise<IngressServer> {
  const limits = { ...DEFAULT_LIMITS, bodyLimitBytes: () => deps.tables.config.proxyBodySizeBytes };
  const server = await listenRaw(o.host, o.port);
  const listener = serveHttp(server, (req, res) => handleIngressRequest(deps, req, res), limits);
  if (o.processes <= 1) return { ...listener, otherMetrics: () => Promise.resolve([]) };
  const { host: _host, port: _port, processes, ...shared } = o;
  const others = new IngressProcesses({ ...shared, count: processes - 1, server });
  await others.start();
  return {
    port: listener.port,
    otherMetrics: () => others.metrics(),
    close: async (graceMs) => { await Promise.all([listener.close(graceMs), others.stop(graceMs)]); },
  };
}
