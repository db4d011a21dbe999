// Entry point of the embedded network: the endpoints controller, the live tables, the service proxies, the
// ingress listener (and its extra processes, if asked), the Ingress status writer and the metrics listener,
// started and stopped together.
import type { ConfigMap, Endpoints, Secret, Service } from '../../api/core-v1.js';
import type { Ingress } from '../../api/networking-v1.js';
import { R } from '../../api/resources.js';
import type { KubeClient } from '../../control/client.js';
import type { RunningController } from '../../control/controller.js';
import type { Informer } from '../../control/informer.js';
import { SharedInformers } from '../../control/shared-informers.js';
import { systemClock, type Clock } from '../../lib/clock.js';
import { logger, type Logger } from '../../lib/log.js';
import { startEndpointsController } from '../controllers/endpoints/index.js';
import type { PoolSettings } from './http1/upstream-pool.js';
import type { IngressDeps } from './ingress-request.js';
import { startIngressServer, type IngressServer } from './ingress-server.js';
import { startIngressStatusController } from './ingress-status.js';
import { startIngressTlsListener, type CertificatePem } from './ingress-tls-listener.js';
import type { HttpListener } from './http1/http-listener.js';
import { startMetricsServer, type MetricsServer } from './metrics-server.js';
import { NetworkTables } from './network-tables.js';
import { requestIdSource } from './request-ids.js';
import { RequestMetrics, type ControllerLabels } from './request-metrics.js';
import { ServiceProxies } from './service-proxies.js';
import { DEFAULT_POOL_SETTINGS, UpstreamPools } from './upstream-pools.js';

/** How to start the network. */
export interface NetworkOptions {
  readonly client: KubeClient;
  /** Port of the ingress listener (0 = any free port; the runtime uses 8080). */
  readonly ingressPort: number;
  /** HTTPS listener of the ingress (TLS from the Ingresses' Secrets, `default` otherwise); absent: none. */
  readonly ingressTls?: { readonly port: number; readonly defaultCertificate: CertificatePem };
  /** Port of the Prometheus `/metrics` listener (0 = any free port); absent: no metrics listener. */
  readonly metricsPort?: number;
  /** Address the ingress, the metrics and the NodePorts listen on, and the Ingress status shows. */
  readonly host: string;
  readonly log?: Logger;
  readonly clock?: Clock;
  /** Informers shared with other controllers; by default the network makes its own. */
  readonly informers?: SharedInformers;
  /** Ingress class served (`spec.ingressClassName` or the class annotation); Ingresses without one are served too. Default `nginx`. */
  readonly ingressClass?: string;
  /** The ingress-nginx ConfigMap: default name `nginx-configuration` in any namespace (the chapter's). */
  readonly configMap?: { readonly name: string; readonly namespace?: string };
  /** Run the endpoints controller (default true). */
  readonly endpointsController?: boolean;
  /** Listen on cluster IPs and NodePorts (default true). */
  readonly serviceProxies?: boolean;
  /** Processes serving the ingress port, this one included (default 1; e.g. `os.availableParallelism()`). */
  readonly ingressProcesses?: number;
  /** Constant labels of the request metrics. */
  readonly controllerLabels?: Partial<ControllerLabels>;
  readonly poolSettings?: Partial<PoolSettings>;
}

/** A running network. */
export interface RunningNetwork {
  readonly ingressPort: number;
  readonly ingressTlsPort: number | undefined;
  readonly metricsPort: number | undefined;
  /** The request metrics as Prometheus text (every ingress process included). */
  renderMetrics(): Promise<string>;
  /** Addresses the service proxies listen on (`address:port`). */
  serviceListeners(): string[];
  /** Stops listening (requests in flight finish, up to 5 s), the controllers and the informers it started. */
  stop(): Promise<void>;
}

const GRACE_MS = 5000;

/** Default constant labels of the request metrics: ingress-nginx's controller class, so dashboards match. */
export const DEFAULT_CONTROLLER_LABELS: ControllerLabels = Object.freeze({
  controller_class: 'k8s.io/ingress-nginx', controller_namespace: 'sluice-system', controller_pod: 'sluice-ingress',
});

function informersFor(informers: SharedInformers, cm: NonNullable<NetworkOptions['configMap']>) {
  const cmScope = { fieldSelector: `metadata.name=${cm.name}`, ...(cm.namespace === undefined ? {} : { namespace: cm.namespace }) };
  return {
    services: informers.informer<Service>(R.services), endpoints: informers.informer<Endpoints>(R.endpoints),
    ingresses: informers.informer<Ingress>(R.ingresses), configMaps: informers.informer<ConfigMap>(R.configmaps, cmScope),
  };
}

/** The ingress's HTTPS listener, sharing tables, pools and metrics with the plain one. */
function startTls(host: string, o: NonNullable<NetworkOptions['ingressTls']>, shared: Pick<IngressDeps, 'tables' | 'pools' | 'metrics'> & { tables: NetworkTables },
  secrets: Informer<Secret>, log: Logger): Promise<HttpListener> {
  const deps: IngressDeps = { ...shared, newRequestId: requestIdSource(), scheme: 'https' };
  return startIngressTlsListener(deps, { host, port: o.port, defaultCertificate: o.defaultCertificate, secrets, plan: () => shared.tables.tls, log: log.child('ingress-tls') });
}

/** Starts everything; resolves once the caches are filled and the listeners are open. */
export async function startNetwork(opts: NetworkOptions): Promise<RunningNetwork> {
  const log = opts.log ?? logger('network');
  const clock = opts.clock ?? systemClock;
  const informers = opts.informers ?? new SharedInformers(opts.client, { clock });
  const ingressClass = opts.ingressClass ?? 'nginx';
  const abort = new AbortController();
  const controllers: RunningController[] = [];
  if (opts.endpointsController ?? true) {
    controllers.push(startEndpointsController({ client: opts.client, informers, clock, signal: abort.signal, log: log.child('endpoints') }));
  }
  const inf = informersFor(informers, opts.configMap ?? { name: 'nginx-configuration' });
  const pool = { ...DEFAULT_POOL_SETTINGS, ...opts.poolSettings };
  const pools = new UpstreamPools(pool);
  let proxies: ServiceProxies | undefined;
  const tables = new NetworkTables(inf, { ingressClass, nodeHost: opts.host, onTargets: (live) => pools.retain(live), onListeners: (b) => proxies?.apply(b) });
  if (opts.serviceProxies ?? true) proxies = new ServiceProxies(tables, pools, log.child('service-proxy'));
  controllers.push(startIngressStatusController({ client: opts.client, ingresses: inf.ingresses, ingressClass, ip: opts.host, clock, signal: abort.signal, log: log.child('ingress-status') }));
  const controller = { ...DEFAULT_CONTROLLER_LABELS, ...opts.controllerLabels };
  const metrics = new RequestMetrics(controller);
  let ingress: IngressServer | undefined;
  let ingressTls: HttpListener | undefined;
  const secrets = opts.ingressTls === undefined ? undefined : informers.informer<Secret>(R.secrets);
  let metricsServer: MetricsServer | undefined;
  const renderMetrics = async (): Promise<string> => metrics.render(await (ingress?.otherMetrics() ?? Promise.resolve([])));
  const stop = async (): Promise<void> => {
    abort.abort();
    tables.detach();
    await Promise.all([ingress?.close(GRACE_MS), ingressTls?.close(GRACE_MS), proxies?.close(GRACE_MS), metricsServer?.close()]);
    await pools.close(GRACE_MS);
    if (opts.informers === undefined) await informers.stop();
    await Promise.all(controllers.map((c) => c.stopped));
  };
  try {
    informers.start();
    await Promise.all([...Object.values(inf), ...(secrets === undefined ? [] : [secrets])].map((i) => i.synced()));
    proxies?.apply(tables.listeners);
    if (opts.ingressTls !== undefined && secrets !== undefined) ingressTls = await startTls(opts.host, opts.ingressTls, { tables, pools, metrics }, secrets, log);
    const deps = { tables, pools, metrics, newRequestId: requestIdSource(), scheme: 'http' as const, httpsPort: ingressTls?.port };
    ingress = await startIngressServer(deps, { host: opts.host, port: opts.ingressPort, processes: opts.ingressProcesses ?? 1, tables, ingressClass, pool, controller, httpsPort: ingressTls?.port, log });
    if (opts.metricsPort !== undefined) metricsServer = await startMetricsServer(opts.host, opts.metricsPort, renderMetrics);
  } catch (e) {
    await stop();
    throw e;
  }
  log.info('network started', { ingress: `${opts.host}:${ingress.port}`, ...(ingressTls === undefined ? {} : { ingressTls: `${opts.host}:${ingressTls.port}` }), metrics: metricsServer === undefined ? 'off' : `${opts.host}:${metricsServer.port}` });
  return { ingressPort: ingress.port, ingressTlsPort: ingressTls?.port, metricsPort: metricsServer?.port, renderMetrics, serviceListeners: () => proxies?.listening() ?? [], stop };
}
