// The ingress listener: one HTTP/1.1 listener on the ingress port for every Ingress host and path, served by
// this process and, when asked, by extra ingress processes sharing the socket (ingress-processes.ts).
import type { Logger } from '../../lib/log.js';
import { DEFAULT_LIMITS, listenRaw, serveHttp, type HttpListener } from './http1/http-listener.js';
import type { PoolSettings } from './http1/upstream-pool.js';
import { IngressProcesses } from './ingress-processes.js';
import { handleIngressRequest, type IngressDeps } from './ingress-request.js';
import type { NetworkTables } from './network-tables.js';
import type { ControllerLabels, Series } from './request-metrics.js';

/** The ingress: its port, its other processes' metrics, and how to stop it. */
export interface IngressServer extends HttpListener {
  /** Request series of the extra ingress processes (none when there are none). */
  otherMetrics(): Promise<Series[][]>;
}

/** What the ingress needs beyond the request handler's dependencies. */
export interface IngressServerOptions {
  readonly host: string;
  readonly port: number;
  /** Processes serving the port, this one included (1: this process only). */
  readonly processes: number;
  readonly tables: NetworkTables;
  readonly ingressClass: string;
  readonly pool: PoolSettings;
  readonly controller: ControllerLabels;
  /** Where ssl-redirect sends plain HTTP (undefined: no TLS listener). */
  readonly httpsPort?: number | undefined;
  readonly log: Logger;
}

/** Listens on `host:port` (0 = any free port). Request bodies are limited by `proxy-body-size`. */
export async function startIngressServer(deps: IngressDeps, o: IngressServerOptions): Promise<IngressServer> {
  const limits = { ...DEFAULT_LIMITS, bodyLimitBytes: () => deps.tables.config.proxyBodySizeBytes };
  const server = await listenRaw(o.host, o.port);
  const listener = serveHttp(server, (req, res) => handleIngressRequest(deps, req, res), limits);
  if (o.processes <= 1) return { ...listener, otherMetrics: () => Promise.resolve([]) };
  const others = new IngressProcesses({ count: o.processes - 1, server, tables: o.tables, ingressClass: o.ingressClass, pool: o.pool, controller: o.controller, httpsPort: o.httpsPort, log: o.log });
  await others.start();
  return {
    port: listener.port,
    otherMetrics: () => others.metrics(),
    close: async (graceMs) => { await Promise.all([listener.close(graceMs), others.stop(graceMs)]); },
  };
}
