// One request through the ingress: route by host and path, choose main or canary (header, cookie, weight),
// buffer the body, set the forwarding headers, forward with retries, record the metrics.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { forward } from './forwarder.js';
import type { NetworkTables } from './network-tables.js';
import { cookieValue, decideByCookie, decideByHeader } from './plan/choose-canary.js';
import { isKnownHost, matchRoute, requestHost, requestPath } from './plan/match-route.js';
import type { Route } from './plan/route-types.js';
import { stepSmoothSplit } from './plan/smooth-split.js';
import { computeIngressUpstreamHeaders, type ClientView } from './plan/upstream-headers.js';
import { readRequestBody } from './request-body.js';
import type { RequestLabels, RequestMetrics } from './request-metrics.js';
import { sendError } from './send-error.js';
import type { UpstreamPools } from './upstream-pools.js';

/** What the ingress request handler works with. */
export interface IngressDeps {
  readonly tables: NetworkTables;
  readonly pools: UpstreamPools;
  readonly metrics: RequestMetrics;
  readonly newRequestId: () => string;
  readonly scheme: 'http' | 'https';
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * True when the canary serves this request. As ingress-nginx, a canary without ready endpoints is skipped
 * before any rule is evaluated; the split state only moves for requests the weight decides.
 */
export function chooseCanary(tables: NetworkTables, route: Route, req: IncomingMessage): boolean {
  const c = route.canary;
  if (c === undefined || tables.rotation(c.backend.serviceKey, c.backend.port).targets.length === 0) return false;
  const p = c.policy;
  const byHeader = decideByHeader(p, p.header === '' ? undefined : single(req.headers[p.header.toLowerCase()]));
  if (byHeader !== 'next') return byHeader === 'canary';
  const byCookie = decideByCookie(p, p.cookie === '' ? undefined : cookieValue(req.headers.cookie, p.cookie));
  if (byCookie !== 'next') return byCookie === 'canary';
  const step = stepSmoothSplit(tables.splits.get(route.splitKey) ?? 0, p.weight, p.weightTotal);
  tables.splits.set(route.splitKey, step.state);
  return step.canary;
}

function clientView(req: IncomingMessage, scheme: 'http' | 'https'): ClientView {
  const h = req.headers;
  return {
    rawHeaders: req.rawHeaders, host: h.host, xForwardedFor: single(h['x-forwarded-for']), xForwardedHost: single(h['x-forwarded-host']),
    xForwardedPort: single(h['x-forwarded-port']), xForwardedProto: single(h['x-forwarded-proto']), xRequestId: single(h['x-request-id']),
    remoteAddress: req.socket.remoteAddress ?? '', serverPort: req.socket.localPort ?? 0, scheme,
  };
}

function unrouted(deps: IngressDeps, req: IncomingMessage, res: ServerResponse, host: string, startMs: number): void {
  sendError(res, 404, 'default backend - 404\n');
  if (!isKnownHost(deps.tables.routes, host)) return;
  const labels = { namespace: '', ingress: '', service: '', path: '/', host, canary: '', method: req.method ?? 'GET', status: '404' };
  deps.metrics.record(labels, (performance.now() - startMs) / 1000, undefined);
}

/** Handles one client request on the ingress listener. */
export function handleIngressRequest(deps: IngressDeps, req: IncomingMessage, res: ServerResponse): void {
  const startMs = performance.now();
  const { tables } = deps;
  const host = requestHost(req.headers.host);
  const route = matchRoute(tables.routes, host, requestPath(req.url));
  if (route === undefined) { unrouted(deps, req, res, host, startMs); return; }
  const canary = chooseCanary(tables, route, req) ? route.canary : undefined;
  const backend = canary?.backend ?? route.backend;
  const rotation = tables.rotation(backend.serviceKey, backend.port);
  const cfg = tables.config;
  const method = req.method ?? 'GET';
  const record = (status: number, upstreamSeconds: number | undefined): void => {
    const labels: RequestLabels = {
      namespace: route.namespace, ingress: route.ingress, service: route.backend.service, path: route.path, host,
      canary: canary?.backend.upstreamName ?? '', method, status: String(status),
    };
    deps.metrics.record(labels, (performance.now() - startMs) / 1000, upstreamSeconds);
  };
  readRequestBody(req, cfg.proxyBodySizeBytes, (r) => {
    if ('error' in r) {
      if (r.error === 'tooLarge') sendError(res, 413, undefined, true);
      record(r.error === 'tooLarge' ? 413 : 499, undefined);
      return;
    }
    const { headers } = computeIngressUpstreamHeaders(clientView(req, deps.scheme), cfg, deps.newRequestId, r.body?.length);
    forward(deps.pools, res, {
      method, path: req.url ?? '/', headers, body: r.body, maxTries: cfg.nextUpstreamTries,
      retryNonIdempotent: cfg.retryNonIdempotent, allowBackendServerHeader: cfg.allowBackendServerHeader,
    }, rotation, record);
  });
}
