// One request through the ingress: route by host and path, choose main or canary (header, cookie, weight), set
// the forwarding headers, forward with retries, record the metrics.
import { forward } from './forwarder.js';
import { tunnelRequest } from './tunnel-request.js';
import type { ClientRequest } from './http1/client-request.js';
import type { ClientResponse } from './http1/client-response.js';
import type { IngressTables } from './ingress-tables.js';
import { cookieValue, decideByCookie, decideByHeader } from './plan/choose-canary.js';
import { isKnownHost, matchRoute, requestHost, requestPath } from './plan/match-route.js';
import type { Route } from './plan/route-types.js';
import { redirectKey } from './plan/ingress-tls.js';
import { stepSmoothSplit } from './plan/smooth-split.js';
import { computeIngressUpstreamHeaders, type ClientView } from './plan/upstream-headers.js';
import type { RequestLabels, RequestMetrics } from './request-metrics.js';
import { sendError } from './send-error.js';
import type { UpstreamPools } from './upstream-pools.js';

/** What the ingress request handler works with. */
export interface IngressDeps {
  readonly tables: IngressTables;
  readonly pools: UpstreamPools;
  readonly metrics: RequestMetrics;
  readonly newRequestId: () => string;
  readonly scheme: 'http' | 'https';
  /** The ingress's HTTPS port, where ssl-redirect sends plain HTTP requests; undefined: no TLS listener. */
  readonly httpsPort?: number | undefined;
}

/**
 * True when the canary serves this request. As ingress-nginx, a canary without ready endpoints is skipped
 * before any rule is evaluated; the split state only moves for requests the weight decides.
 */
export function chooseCanary(tables: IngressTables, route: Route, req: ClientRequest): boolean {
  const c = route.canary;
  if (c === undefined || tables.rotation(c.backend.serviceKey, c.backend.port).targets.length === 0) return false;
  const p = c.policy;
  const byHeader = decideByHeader(p, p.header === '' ? undefined : req.header(p.header.toLowerCase()));
  if (byHeader !== 'next') return byHeader === 'canary';
  const byCookie = decideByCookie(p, p.cookie === '' ? undefined : cookieValue(req.header('cookie'), p.cookie));
  if (byCookie !== 'next') return byCookie === 'canary';
  const step = stepSmoothSplit(tables.splits.get(route.splitKey) ?? 0, p.weight, p.weightTotal);
  tables.splits.set(route.splitKey, step.state);
  return step.canary;
}

function clientView(req: ClientRequest, host: string | undefined, scheme: 'http' | 'https'): ClientView {
  return {
    rawHeaders: req.headers, host, xForwardedFor: req.header('x-forwarded-for'), xForwardedHost: req.header('x-forwarded-host'),
    xForwardedPort: req.header('x-forwarded-port'), xForwardedProto: req.header('x-forwarded-proto'), xRequestId: req.header('x-request-id'),
    remoteAddress: req.remoteAddress, serverPort: req.localPort, scheme,
  };
}

function unrouted(deps: IngressDeps, req: ClientRequest, res: ClientResponse, host: string, startMs: number): void {
  sendError(res, 404, 'default backend - 404\n');
  if (!isKnownHost(deps.tables.routes, host)) return;
  const labels = { namespace: '', ingress: '', service: '', path: '/', host, canary: '', method: req.method, status: '404' };
  deps.metrics.record(labels, (performance.now() - startMs) / 1000, undefined);
}

/** ingress-nginx's ssl-redirect: 308 to the same host and URI over HTTPS (the port shown unless it is 443). */
function redirectToHttps(res: ClientResponse, host: string, httpsPort: number, url: string): void {
  sendError(res, 308, undefined, ['location', `https://${host}${httpsPort === 443 ? '' : `:${httpsPort}`}${url}`]);
}

type Recorder = (status: number, upstreamSeconds: number | undefined) => void;

/** Records a request of `route` in the metrics; `canary` is the canary upstream that answered, or ''. */
function recorder(deps: IngressDeps, route: Route, host: string, method: string, canary: string, startMs: number): Recorder {
  return (status, upstreamSeconds) => {
    const labels: RequestLabels = {
      namespace: route.namespace, ingress: route.ingress, service: route.backend.service, path: route.path, host, canary, method, status: String(status),
    };
    deps.metrics.record(labels, (performance.now() - startMs) / 1000, upstreamSeconds);
  };
}

/** Handles one client request on the ingress listener. */
export function handleIngressRequest(deps: IngressDeps, req: ClientRequest, res: ClientResponse): void {
  const startMs = performance.now();
  const { tables } = deps;
  const hostHeader = req.header('host');
  const host = requestHost(hostHeader);
  const route = matchRoute(tables.routes, host, requestPath(req.url));
  if (route === undefined) { unrouted(deps, req, res, host, startMs); return; }
  if (deps.scheme === 'http' && deps.httpsPort !== undefined && tables.tls.redirects.has(redirectKey(route.namespace, route.ingress, host))) {
    redirectToHttps(res, host, deps.httpsPort, req.url);
    recorder(deps, route, host, req.method, '', startMs)(308, undefined);
    return;
  }
  const canary = chooseCanary(tables, route, req) ? route.canary : undefined;
  const backend = canary?.backend ?? route.backend;
  const cfg = tables.config;
  const method = req.method;
  const record = recorder(deps, route, host, method, canary?.backend.upstreamName ?? '', startMs);
  const { headers } = computeIngressUpstreamHeaders(clientView(req, hostHeader, deps.scheme), cfg, deps.newRequestId, req.body?.length);
  if (req.upgrade !== undefined) {
    tunnelRequest(req, req.upgrade, headers, tables.rotation(backend.serviceKey, backend.port), deps.pools.settings, record);
    return;
  }
  forward(deps.pools, res, {
    method, path: req.url, headers, body: req.body, maxTries: cfg.nextUpstreamTries,
    retryNonIdempotent: cfg.retryNonIdempotent, allowBackendServerHeader: cfg.allowBackendServerHeader,
  }, tables.rotation(backend.serviceKey, backend.port), record);
}
