// Assembles the embedded API server: registry (built-ins + CRDs), handler, in-process transport and the
// HTTPS listener. The store is passed in so the runtime can share it with store-level components.
import { randomInt, randomUUID } from 'node:crypto';
import type { Transport } from '../../control/transport.js';
import { systemClock, type Clock } from '../../lib/clock.js';
import type { Store } from '../store/store.js';
import { startCrdRegistrar, type CrdHooksFactory } from './crd-registrar.js';
import { createApiHandler } from './handler.js';
import type { ApiHandler } from './http-types.js';
import { localTransport } from './local-transport.js';
import { startNodeServer, type RunningServer } from './node-server.js';
import { builtinResources } from './registry/builtin-resources.js';
import { Registry } from './registry/registry.js';
import type { ResourceDef, ResourceHooks } from './registry/resource-def.js';
import type { PodLogSource, ServerContext } from './server-context.js';
import { createStored } from './verbs/create.js';

export interface ApiServerOptions {
  store: Store;
  clock?: Clock;
  /** Behaviour of built-in kinds (defaulting, validation, printing, patching). */
  builtinHooks?: (def: ResourceDef) => ResourceHooks;
  /** Behaviour of custom resources, from their CRD's schema and printer columns. */
  crdHooks?: CrdHooksFactory;
  logs?: PodLogSource;
}

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** The embedded Kubernetes API server. */
export class ApiServer {
  readonly ctx: ServerContext;
  readonly handler: ApiHandler;
  private readonly stopCrds: () => void;
  private listener: RunningServer | undefined;

  constructor(opts: ApiServerOptions) {
    const registry = new Registry();
    const hooks = opts.builtinHooks ?? ((): ResourceHooks => ({}));
    registry.setSource('builtin', builtinResources().map((d) => ({ ...d, hooks: hooks(d) })));
    const clock = opts.clock ?? systemClock;
    this.ctx = {
      store: opts.store, registry, clock,
      newUid: () => randomUUID(),
      randomSuffix: () => Array.from({ length: 5 }, () => SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)]).join(''),
      ...(opts.logs ? { logs: opts.logs } : {}),
    };
    this.stopCrds = startCrdRegistrar(opts.store, registry, opts.crdHooks ?? (() => ({})), () => clock.now());
    this.handler = createApiHandler(this.ctx, () => (this.listener ? `127.0.0.1:${this.listener.port}` : '127.0.0.1'));
    this.ensureSystemNamespaces();
  }

  /** Sets the kubelet's log source once it exists (the kubelet itself needs the API first). */
  setLogSource(logs: PodLogSource): void {
    this.ctx.logs = logs;
  }

  /** A client transport that calls this server in-process. */
  transport(user?: string): Transport {
    return localTransport(this.handler, user);
  }

  /** Starts listening (HTTPS when `tls` is given). */
  async listen(opts: { host: string; port: number; tls?: { certPem: string; keyPem: string }; token?: string }): Promise<RunningServer> {
    this.listener = await startNodeServer({ ...opts, handler: this.handler });
    return this.listener;
  }

  /** Drops every client connection (tests use it to force watch reconnects). */
  dropConnections(): void {
    this.listener?.dropConnections();
  }

  async close(): Promise<void> {
    this.stopCrds();
    await this.listener?.close();
    this.listener = undefined;
  }

  private ensureSystemNamespaces(): void {
    const def = this.ctx.registry.lookup('', 'v1', 'namespaces');
    if (!def) return;
    for (const name of SYSTEM_NAMESPACES) {
      if (this.ctx.store.get('namespaces', '', name)) continue;
      createStored(this.ctx, def, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, undefined,
        { dryRun: false, mode: 'Ignore', scope: { warnings: [] } });
    }
  }
}
