// One request through a service proxy (`<clusterIP>:<port>` or a NodePort): transparent apart from hop-by-hop
// headers, round-robin over the service port's ready endpoints, 503 at once when there is none.
import { forward } from './forwarder.js';
import type { ClientRequest } from './http1/client-request.js';
import type { ClientResponse } from './http1/client-response.js';
import type { NetworkTables } from './network-tables.js';
import { DEFAULT_INGRESS_CONFIG } from './plan/ingress-config.js';
import { computeServiceUpstreamHeaders } from './plan/upstream-headers.js';
import { sendError } from './send-error.js';
import { tunnelRequest } from './tunnel-request.js';
import type { UpstreamPools } from './upstream-pools.js';

const NOOP = (): void => undefined;

/** Handles one request that arrived on the listener `listenerKey` (`address:port`). */
export function handleServiceRequest(tables: NetworkTables, pools: UpstreamPools, listenerKey: string, req: ClientRequest, res: ClientResponse): void {
  const binding = tables.listeners.get(listenerKey);
  if (binding === undefined) { sendError(res, 503); return; }
  const rotation = tables.rotation(binding.serviceKey, binding.port);
  if (rotation.targets.length === 0) { sendError(res, 503); return; }
  const headers = computeServiceUpstreamHeaders(req.headers, req.body?.length);
  if (req.upgrade !== undefined) { tunnelRequest(req, req.upgrade, headers, rotation, pools.settings, NOOP); return; }
  forward(pools, res, {
    method: req.method, path: req.url, headers, body: req.body,
    maxTries: DEFAULT_INGRESS_CONFIG.nextUpstreamTries, retryNonIdempotent: false, allowBackendServerHeader: true,
  }, rotation, NOOP);
}
