// Composition root of the embedded runtime (`sluice up`): store, API server, built-in controllers,
// kubelet, network and the rollouts controller, all in one process on loopback.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { systemClock, type Clock } from '../lib/clock.js';
import { logger } from '../lib/log.js';
import { ApiServer } from './apiserver/api-server.js';
import { builtinHooks } from './apiserver/builtin-hooks.js';
import { crdHooks } from './apiserver/crd-hooks.js';
import { storeAllocator } from './apiserver/service-allocator.js';
import { loadOrCreatePki } from './apiserver/tls-certs.js';
import { startLifecycleControllers } from './controllers/lifecycle.js';
import { writeKubeconfig } from './kubeconfig.js';
import { installRolloutCrds } from './install-crds.js';
import { startBuiltinControllers } from './controllers/builtin-controllers.js';
import { RestClient } from '../control/rest-client.js';
import { startRolloutsManager } from '../rollouts/controller/manager.js';
import { SqliteStore } from './store/sqlite-store.js';

const log = logger('sluice');

export interface RuntimeOptions {
  dataDir: string;
  host: string;
  apiPort: number;
  clock?: Clock;
}

export interface Runtime {
  apiUrl: string;
  kubeconfig: string;
  api: ApiServer;
  stop(): Promise<void>;
}

/** The default data directory: $SLUICE_HOME or ~/.sluice. */
export function defaultDataDir(): string {
  return process.env['SLUICE_HOME'] ?? join(homedir(), '.sluice');
}

/** Starts everything; resolves once the API answers. */
export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const clock = opts.clock ?? systemClock;
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const store = new SqliteStore({ path: join(opts.dataDir, 'state.db') });
  const alloc = storeAllocator(store);
  const api = new ApiServer({ store, clock, builtinHooks: (d) => builtinHooks(d, alloc), crdHooks });
  const pki = loadOrCreatePki(join(opts.dataDir, 'pki'), [opts.host, 'localhost'], clock.now());
  const listening = await api.listen({ host: opts.host, port: opts.apiPort, tls: { certPem: pki.certPem, keyPem: pki.keyPem }, token: pki.token });
  const client = new RestClient(api.transport());
  await installRolloutCrds(client);
  const builtins = startBuiltinControllers({ client, clock });
  const rollouts = startRolloutsManager({ client, clock });
  const stops: (() => void | Promise<void>)[] = [startLifecycleControllers(api.ctx), () => builtins.stop(), () => rollouts.stop()];
  const kubeconfig = writeKubeconfig(join(opts.dataDir, 'kubeconfig'), { server: listening.url, caCertPem: pki.caCertPem, token: pki.token });
  log.info('API server listening', { url: listening.url });
  return {
    apiUrl: listening.url, kubeconfig, api,
    stop: async () => {
      for (const s of stops.reverse()) await s();
      await api.close();
      store.close();
    },
  };
}
