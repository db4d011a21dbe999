// Keep-alive connections to one endpoint: requests take the most recently used idle connection or open a new
// one (no upper limit, as nginx), and give it back when the response allows reuse. Up to `maxIdle` idle
// connections are kept, each closed after its idle timeout or as soon as the endpoint closes it.
import { UpstreamConnection, type ConnectionOwner, type ConnectionTimeouts } from './upstream-connection.js';

/** Pool settings. */
export interface PoolSettings extends ConnectionTimeouts {
  /** upstream-keepalive-connections: idle connections kept per endpoint (ingress-nginx: 320). */
  readonly maxIdle: number;
}

/** Connections to one `host:port`. */
export class UpstreamPool implements ConnectionOwner {
  private readonly idleConns: UpstreamConnection[] = [];
  private readonly busy = new Set<UpstreamConnection>();
  private closing = false;
  private drained: (() => void) | undefined;

  constructor(private readonly host: string, private readonly port: number, private readonly settings: PoolSettings) {}

  /** A connection for one request. */
  acquire(): UpstreamConnection {
    const conn = this.idleConns.pop() ?? new UpstreamConnection(this, this.host, this.port, this.settings);
    this.busy.add(conn);
    return conn;
  }

  /** Idle plus busy connections. */
  size(): number { return this.idleConns.length + this.busy.size; }

  release(conn: UpstreamConnection, keepAlive: boolean): void {
    this.busy.delete(conn);
    if (keepAlive && !this.closing && this.idleConns.length < this.settings.maxIdle) {
      this.idleConns.push(conn);
      conn.idle();
    } else {
      conn.close();
    }
    this.checkDrained();
  }

  discard(conn: UpstreamConnection): void {
    this.busy.delete(conn);
    const i = this.idleConns.indexOf(conn);
    if (i >= 0) this.idleConns.splice(i, 1);
    this.checkDrained();
  }

  /** Closes idle connections now and busy ones as their responses end; resolves when none is left. */
  close(): Promise<void> {
    this.closing = true;
    for (const c of [...this.idleConns]) c.close();
    if (this.busy.size === 0) return Promise.resolve();
    return new Promise((resolve) => { this.drained = resolve; });
  }

  /** Closes every connection at once. */
  destroy(): void {
    this.closing = true;
    for (const c of [...this.idleConns, ...this.busy]) c.close();
  }

  private checkDrained(): void {
    if (this.closing && this.busy.size === 0) {
      this.drained?.();
      this.drained = undefined;
    }
  }
}
