// One request through a service proxy (`<clusterIP>:<port>` or a NodePort): transparent apart from hop-by-hop
// headers, round-robin over the service port's ready endpoints, 503 at once when there is none.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { forward } from './forwarder.js';
import type { NetworkTables } from './network-tables.js';
import { DEFAULT_INGRESS_CONFIG } from './plan/ingress-config.js';
import { computeServiceUpstreamHeaders } from './plan/upstream-headers.js';
import { readRequestBody } from './request-body.js';
import { sendError } from './send-error.js';
import type { UpstreamPools } from './upstream-pools.js';

const NOOP = (): void => undefined;

/** Handles one request that arrived on the listener `listenerKey` (`address:port`). */
export function handleServiceRequest(tables: NetworkTables, pools: UpstreamPools, listenerKey: string, req: IncomingMessage, res: ServerResponse): void {
  const binding = tables.listeners.get(listenerKey);
  if (binding === undefined) { sendError(res, 503); return; }
  const rotation = tables.rotation(binding.serviceKey, binding.port);
  if (rotation.targets.length === 0) { sendError(res, 503); return; }
  readRequestBody(req, 0, (r) => {
    if ('error' in r) return;
    const headers = computeServiceUpstreamHeaders(req.rawHeaders, r.body?.length);
    forward(pools, res, {
      method: req.method ?? 'GET', path: req.url ?? '/', headers, body: r.body,
      maxTries: DEFAULT_INGRESS_CONFIG.nextUpstreamTries, retryNonIdempotent: false, allowBackendServerHeader: true,
    }, rotation, NOOP);
  });
}
