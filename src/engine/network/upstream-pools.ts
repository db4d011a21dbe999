// One pool of keep-alive connections per endpoint `ip:port`, shared by the ingress and the service proxies.
// Pools of endpoints that left every Service are closed gracefully: requests already on them finish, and their
// idle connections are closed by us, before the pod's own shutdown could close them under a request.
import { UpstreamPool, type PoolSettings } from './http1/upstream-pool.js';

/** ingress-nginx's defaults: proxy-connect-timeout 5 s, proxy-read-timeout 60 s, upstream-keepalive-timeout 60 s
 * (below the demo app's 65 s, so the proxy closes idle connections first), upstream-keepalive-connections 320. */
export const DEFAULT_POOL_SETTINGS: PoolSettings = Object.freeze({ connectTimeoutMs: 5000, readTimeoutMs: 60_000, idleTimeoutMs: 60_000, maxIdle: 320 });

/** `127.1.0.5:8080` → [`127.1.0.5`, 8080]; `[::1]:80` → [`::1`, 80]. */
export function splitTarget(target: string): [host: string, port: number] {
  const colon = target.lastIndexOf(':');
  const host = target.slice(0, colon);
  return [host.startsWith('[') ? host.slice(1, -1) : host, Number(target.slice(colon + 1))];
}

/** Pools by endpoint. */
export class UpstreamPools {
  private readonly pools = new Map<string, UpstreamPool>();
  private readonly closing = new Set<Promise<void>>();

  constructor(readonly settings: PoolSettings = DEFAULT_POOL_SETTINGS) {}

  /** The pool for `target` (`ip:port`), created on first use. */
  get(target: string): UpstreamPool {
    let pool = this.pools.get(target);
    if (pool === undefined) {
      const [host, port] = splitTarget(target);
      pool = new UpstreamPool(host, port, this.settings);
      this.pools.set(target, pool);
    }
    return pool;
  }

  /** Endpoints with a pool. */
  targets(): string[] { return [...this.pools.keys()]; }

  /** Closes (gracefully) the pools of endpoints not in `live`. */
  retain(live: ReadonlySet<string>): void {
    for (const [target, pool] of this.pools) {
      if (live.has(target)) continue;
      this.pools.delete(target);
      this.track(pool.close());
    }
  }

  /** Closes every pool; requests still running after `graceMs` are cut off. */
  async close(graceMs = 5000): Promise<void> {
    const all = [...this.pools.values()];
    this.pools.clear();
    for (const p of all) this.track(p.close());
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), graceMs); });
    const outcome = await Promise.race([Promise.all(this.closing).then(() => 'closed' as const), deadline]);
    clearTimeout(timer);
    if (outcome === 'late') for (const p of all) p.destroy();
  }

  private track(p: Promise<void>): void {
    this.closing.add(p);
    void p.then(() => this.closing.delete(p));
  }
}
