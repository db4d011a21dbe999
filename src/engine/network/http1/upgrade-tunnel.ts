// A protocol upgrade (WebSocket) through the proxy, as nginx does it with `proxy_http_version 1.1` and the
// Upgrade/Connection headers: a fresh connection to an endpoint (never a pooled one), the request head, then the
// bytes of both sides relayed as they come until either side closes. An endpoint refusing the connection is
// skipped for the next; when none can be reached the client gets 502.
import net from 'node:net';
import type { TakenOver } from './client-request.js';

export interface TunnelOptions {
  /** Endpoints (`ip:port`) in the order to try. */
  readonly targets: readonly string[];
  /** The request head for `target` (path, headers with Upgrade and Connection, Host). */
  readonly head: (target: string) => string;
  readonly connectTimeoutMs: number;
  /** The tunnel closes after this long without a byte either way (nginx's proxy_read_timeout). */
  readonly idleTimeoutMs: number;
  /** The upstream's status (101 when it switched), or 502 when no endpoint answered; called once. */
  readonly onStatus: (status: number) => void;
}

const BAD_GATEWAY = 'HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain\r\ncontent-length: 12\r\nconnection: close\r\n\r\nbad gateway\n';

function splitTarget(t: string): { host: string; port: number } {
  const i = t.lastIndexOf(':');
  return { host: t.slice(0, i).replace(/^\[|\]$/g, ''), port: Number(t.slice(i + 1)) };
}

/** Opens the tunnel for a connection taken over from the HTTP listener. */
export function openTunnel(client: TakenOver, o: TunnelOptions): void {
  const down = client.socket;
  let up: net.Socket | undefined;
  let reported = false;
  const report = (status: number): void => { if (!reported) { reported = true; o.onStatus(status); } };
  const attempt = (i: number): void => {
    const target = o.targets[i];
    if (target === undefined) {
      report(502);
      down.end(BAD_GATEWAY);
      return;
    }
    const conn = net.connect({ ...splitTarget(target), noDelay: true });
    up = conn;
    let connected = false;
    conn.setTimeout(o.connectTimeoutMs);
    conn.once('connect', () => {
      connected = true;
      conn.setTimeout(o.idleTimeoutMs);
      down.setTimeout(o.idleTimeoutMs);
      conn.write(o.head(target), 'latin1');
      if (client.rest !== undefined) conn.write(client.rest);
      relay(down, conn);
      relay(conn, down, (first) => report(statusOf(first)));
      down.resume();
    });
    const fail = (): void => {
      if (connected) { down.destroy(); conn.destroy(); return; }
      conn.destroy();
      attempt(i + 1);
    };
    conn.on('error', fail);
    conn.on('timeout', fail);
    conn.once('close', () => { if (connected) { report(502); down.destroy(); } });
  };
  down.on('error', () => down.destroy());
  down.on('timeout', () => { down.destroy(); up?.destroy(); });
  down.once('close', () => up?.destroy());
  attempt(0);
}

/** Copies `from` to `to` with back-pressure; an end is passed on as an end (half-close). */
function relay(from: net.Socket, to: net.Socket, first?: (chunk: Buffer) => void): void {
  let seen = false;
  from.on('data', (d: Buffer) => {
    if (!seen) { seen = true; first?.(d); }
    if (!to.write(d)) { from.pause(); to.once('drain', () => from.resume()); }
  });
  from.on('end', () => to.end());
}

/** The status code of the first response bytes (`HTTP/1.1 101 Switching Protocols`), 502 when unreadable. */
function statusOf(chunk: Buffer): number {
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(chunk.toString('latin1', 0, Math.min(chunk.length, 16)));
  return m?.[1] === undefined ? 502 : Number(m[1]);
}
