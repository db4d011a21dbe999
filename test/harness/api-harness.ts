// Starts the embedded API server (HTTPS, bearer token, durable store in a temp dir) for a test, with a
// kubeconfig for the real kubectl.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiServer, type ApiServerOptions } from '../../src/engine/apiserver/api-server.js';
import { builtinHooks } from '../../src/engine/apiserver/builtin-hooks.js';
import { crdHooks } from '../../src/engine/apiserver/crd-hooks.js';
import { storeAllocator } from '../../src/engine/apiserver/service-allocator.js';
import { startLifecycleControllers } from '../../src/engine/controllers/lifecycle.js';
import { loadOrCreatePki } from '../../src/engine/apiserver/tls-certs.js';
import { writeKubeconfig } from '../../src/engine/kubeconfig.js';
import { SqliteStore } from '../../src/engine/store/sqlite-store.js';
import { runKubectl, startKubectl, type KubectlResult } from './kubectl.js';

export interface TestApi {
  server: ApiServer;
  store: SqliteStore;
  url: string;
  dir: string;
  kubeconfig: string;
  token: string;
  caCertPem: string;
  kubectl(args: readonly string[] | string, input?: string): Promise<KubectlResult>;
  /** kubectl that must succeed; returns stdout. */
  k(args: readonly string[] | string, input?: string): Promise<string>;
  watch(args: readonly string[] | string): ReturnType<typeof startKubectl>;
  close(): Promise<void>;
}

const split = (a: readonly string[] | string): readonly string[] => (typeof a === 'string' ? a.split(/\s+/).filter((x) => x !== '') : a);

/** Starts a server on a free loopback port. `hooks` lets tests plug in the production hook wiring. */
export async function startTestApi(opts: Partial<Omit<ApiServerOptions, 'store'>> = {}, dir = mkdtempSync(join(tmpdir(), 'sluice-api-'))): Promise<TestApi> {
  const store = new SqliteStore({ path: join(dir, 'state.db') });
  const alloc = storeAllocator(store);
  const server = new ApiServer({ builtinHooks: (d) => builtinHooks(d, alloc), crdHooks, ...opts, store });
  const stopLifecycle = startLifecycleControllers(server.ctx);
  const pki = loadOrCreatePki(join(dir, 'pki'), ['127.0.0.1', 'localhost'], Date.now());
  const listening = await server.listen({ host: '127.0.0.1', port: 0, tls: { certPem: pki.certPem, keyPem: pki.keyPem }, token: pki.token });
  const kubeconfig = writeKubeconfig(join(dir, 'kubeconfig'), { server: listening.url, caCertPem: pki.caCertPem, token: pki.token });
  const cache = join(dir, 'kube-cache');
  const api: TestApi = {
    server, store, url: listening.url, dir, kubeconfig, token: pki.token, caCertPem: pki.caCertPem,
    kubectl: (args, input) => runKubectl(kubeconfig, cache, split(args), input),
    k: async (args, input) => {
      const r = await runKubectl(kubeconfig, cache, split(args), input);
      if (r.code !== 0) throw new Error(`kubectl ${split(args).join(' ')} failed (${r.code}): ${r.stderr}${r.stdout}`);
      return r.stdout;
    },
    watch: (args) => startKubectl(kubeconfig, cache, split(args)),
    close: async () => {
      stopLifecycle();
      await server.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return api;
}
