// The service proxies: one HTTP listener per `address:port` the Services ask for (cluster IPs on 127.96.x.y,
// NodePorts on the node host), opened and closed as Services change. A listener looks its binding up on every
// request, so a Service whose selector or Endpoints change keeps its socket. A bind that fails (EACCES for a
// port below 1024 without privileges, EADDRINUSE) is logged once and not retried until the binding goes away
// and comes back; the Service stays reachable through its NodePort or the ingress.
import type { Logger } from '../../lib/log.js';
import { DEFAULT_LIMITS, listenHttp, type HttpListener } from './http1/http-listener.js';
import type { NetworkTables } from './network-tables.js';
import type { ListenerBinding } from './plan/service-listeners.js';
import { handleServiceRequest } from './service-request.js';
import type { UpstreamPools } from './upstream-pools.js';

type Slot = { readonly state: 'open'; readonly listener: HttpListener } | { readonly state: 'opening' | 'failed' };

/** Service proxies buffer request bodies up to 64 MiB. */
const LIMITS = { ...DEFAULT_LIMITS, bodyLimitBytes: () => 64 * 1024 * 1024 };

/** Listeners per `address:port`. */
export class ServiceProxies {
  private readonly slots = new Map<string, Slot>();
  private stopped = false;

  constructor(private readonly tables: NetworkTables, private readonly pools: UpstreamPools, private readonly log: Logger) {}

  /** Opens missing listeners and closes unwanted ones. */
  apply(bindings: ReadonlyMap<string, ListenerBinding>): void {
    if (this.stopped) return;
    for (const [key, slot] of this.slots) {
      if (bindings.has(key)) continue;
      this.slots.delete(key);
      if (slot.state === 'open') void slot.listener.close(30_000);
    }
    for (const [key, b] of bindings) if (!this.slots.has(key)) this.open(key, b);
  }

  /** Addresses listened on. */
  listening(): string[] {
    return [...this.slots].filter(([, s]) => s.state === 'open').map(([k]) => k);
  }

  /** Closes every listener; requests in flight get `graceMs` to finish. */
  async close(graceMs: number): Promise<void> {
    this.stopped = true;
    const open = [...this.slots.values()].flatMap((s) => (s.state === 'open' ? [s.listener] : []));
    this.slots.clear();
    await Promise.all(open.map((l) => l.close(graceMs)));
  }

  private open(key: string, b: ListenerBinding): void {
    this.slots.set(key, { state: 'opening' });
    listenHttp(b.address, b.listenPort, (req, res) => handleServiceRequest(this.tables, this.pools, key, req, res), LIMITS).then((listener) => {
      if (this.slots.get(key)?.state !== 'opening') { void listener.close(0); return; }
      this.slots.set(key, { state: 'open', listener });
      this.log.debug('service listener open', { address: key, service: b.serviceKey, via: b.via });
    }, (e: unknown) => {
      if (this.slots.get(key)?.state === 'opening') this.slots.set(key, { state: 'failed' });
      const code = e instanceof Error ? Reflect.get(e, 'code') : undefined;
      const why = code === 'EACCES' ? `${String(code)}: ports below 1024 need root or CAP_NET_BIND_SERVICE` : String(code ?? e);
      const rest = b.via === 'clusterIP' ? '; it stays reachable through its NodePort (if any) and the ingress' : '';
      this.log.warn(`Cannot listen on ${key} for Service ${b.serviceKey} (${b.via}): ${why}${rest}`);
    });
  }
}
