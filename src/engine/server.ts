// Composition root of the embedded runtime (`sluice up`): store, API server, built-in controllers,
// kubelet, network and the rollouts controller, all in one process on loopback. Tests start it in-process.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { RestClient } from '../control/rest-client.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { logger } from '../lib/log.js';
import { startRolloutsManager } from '../rollouts/controller/manager.js';
import { ApiServer } from './apiserver/api-server.js';
import { builtinHooks } from './apiserver/builtin-hooks.js';
import { crdHooks } from './apiserver/crd-hooks.js';
import { CLUSTER_IP_PREFIX, storeAllocator } from './apiserver/service-allocator.js';
import { loadOrCreatePki, type ServerPki } from './apiserver/tls-certs.js';
import { startBuiltinControllers } from './controllers/builtin-controllers.js';
import { startLifecycleControllers } from './controllers/lifecycle.js';
import { installRolloutCrds } from './install-crds.js';
import { startKubelet, type KubeletOptions } from './kubelet/kubelet.js';
import { writeKubeconfig } from './kubeconfig.js';
import { startNetwork } from './network/start-network.js';
import { SqliteStore } from './store/sqlite-store.js';

const log = logger('sluice');

export interface RuntimeOptions {
  dataDir: string;
  host: string;
  apiPort: number;
  /** The ingress listener (default 8080); 0 picks a free port. */
  ingressPort?: number;
  /** Ingress request metrics (Prometheus text); default 10254 as ingress-nginx; 0 picks a free port. */
  metricsPort?: number;
  /** The ingress's HTTPS port (0: any free port); absent: no HTTPS listener. */
  ingressTlsPort?: number;
  clock?: Clock;
  /** First pod IP (default 127.1.0.1) and cluster-IP prefix (default 127.96.): tests give each runtime its own. */
  firstPodIP?: string;
  clusterIPPrefix?: string;
  kubelet?: Partial<Pick<KubeletOptions, 'backoff' | 'stopGraceMs'>>;
  /** Run the rollouts controller in-process (default true); false when a separate `sluice controller` runs. */
  rolloutsController?: boolean;
  /** Extra ingress processes sharing the ingress port (default 1). */
  ingressProcesses?: number;
}

export interface Runtime {
  apiUrl: string;
  kubeconfig: string;
  ingressPort: number;
  metricsPort: number | undefined;
  ingressTlsPort: number | undefined;
  /** The runtime's CA, serving certificate (127.0.0.1, localhost) and bearer token. */
  pki: ServerPki;
  api: ApiServer;
  store: SqliteStore;
  client: RestClient;
  stop(): Promise<void>;
}

/** The default data directory: $SLUICE_HOME or ~/.sluice. */
export function defaultDataDir(): string {
  return process.env['SLUICE_HOME'] ?? join(homedir(), '.sluice');
}

/** Starts everything; resolves once the API answers and the controllers run. */
export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const clock = opts.clock ?? systemClock;
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const store = new SqliteStore({ path: join(opts.dataDir, 'state.db') });
  const alloc = storeAllocator(store, Math.random, opts.clusterIPPrefix ?? CLUSTER_IP_PREFIX);
  const api = new ApiServer({ store, clock, builtinHooks: (d) => builtinHooks(d, alloc), crdHooks });
  const pki = loadOrCreatePki(join(opts.dataDir, 'pki'), [opts.host, 'localhost'], clock.now());
  const listening = await api.listen({ host: opts.host, port: opts.apiPort, tls: { certPem: pki.certPem, keyPem: pki.keyPem }, token: pki.token });
  const stops: (() => void | Promise<void>)[] = [() => api.close(), () => store.close(), startLifecycleControllers(api.ctx)];
  const stop = async (): Promise<void> => { for (const s of stops.reverse()) await s(); };
  try {
    const client = new RestClient(api.transport());
    await installRolloutCrds(client);
    const builtins = startBuiltinControllers({ client, clock });
    stops.push(() => builtins.stop());
    const kubelet = await startKubelet({
      client, dataDir: join(opts.dataDir, 'kubelet'), clock,
      ...(opts.firstPodIP ? { firstPodIP: opts.firstPodIP } : {}), ...(opts.kubelet ?? {}),
    });
    api.setLogSource(kubelet.logs);
    stops.push(() => kubelet.stop());
    const network = await startNetwork({
      client, host: opts.host, ingressPort: opts.ingressPort ?? 8080, metricsPort: opts.metricsPort ?? 10254, clock, ingressProcesses: opts.ingressProcesses ?? 1,
      // Hosts without a TLS Secret get the runtime's own serving certificate (signed by pki/ca.crt).
      ...(opts.ingressTlsPort === undefined ? {} : { ingressTls: { port: opts.ingressTlsPort, defaultCertificate: { certPem: pki.certPem, keyPem: pki.keyPem } } }),
    });
    stops.push(() => network.stop());
    if (opts.rolloutsController !== false) {
      const rollouts = startRolloutsManager({ client, clock });
      stops.push(() => rollouts.stop());
    }
    const kubeconfig = writeKubeconfig(join(opts.dataDir, 'kubeconfig'), { server: listening.url, caCertPem: pki.caCertPem, token: pki.token });
    log.info('runtime started', { api: listening.url, ingress: network.ingressPort });
    return { apiUrl: listening.url, kubeconfig, ingressPort: network.ingressPort, metricsPort: network.metricsPort, ingressTlsPort: network.ingressTlsPort, pki, api, store, client, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
