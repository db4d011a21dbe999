// A request asking for a protocol upgrade (WebSocket), from the ingress or a service proxy: the next endpoint in
// turn (the others after it, should it refuse), the request head with Upgrade and Connection put back, then the
// tunnel of http1/upgrade-tunnel.ts.
import type { Rotation } from './forwarder.js';
import type { ClientRequest } from './http1/client-request.js';
import { formatRequestHead } from './http1/request-head.js';
import type { PoolSettings } from './http1/upstream-pool.js';
import { openTunnel } from './http1/upgrade-tunnel.js';
import { pickTarget } from './plan/pick-target.js';

/** A WebSocket (or other Upgrade) request: its own connection to the next endpoint in turn, then relayed bytes. */
export function tunnelRequest(req: ClientRequest, upgrade: string, headers: readonly string[], rotation: Rotation, settings: PoolSettings,
  record: (status: number, upstreamSeconds: number | undefined) => void): void {
  const first = pickTarget(rotation.targets, rotation.cursor, []);
  if (first !== undefined) rotation.cursor = first.cursor;
  const order = first === undefined ? [] : [first.target, ...rotation.targets.filter((t) => t !== first.target)];
  const withUpgrade = [...headers, 'connection', 'upgrade', 'upgrade', upgrade];
  const startMs = performance.now();
  openTunnel(req.takeover(), {
    targets: order, head: (target) => formatRequestHead(req.method, req.url, withUpgrade, target),
    connectTimeoutMs: settings.connectTimeoutMs, idleTimeoutMs: settings.readTimeoutMs,
    onStatus: (status) => record(status, status === 502 ? undefined : (performance.now() - startMs) / 1000),
  });
}
