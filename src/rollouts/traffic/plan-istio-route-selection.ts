// Which VirtualService routes the Istio router weights (Argo's getHttp/Tls/TcpRouteIndexesToPatch and the
// Validate*Routes checks): named HTTP routes, TLS routes by port + SNI hosts, TCP routes by port, or the only route
// of a kind when the Rollout names none.
import type { IstioVirtualService } from '../../api/rollouts-v1alpha1.js';
import { type IstioHTTPRoute, type IstioL4Route, type IstioRouteDestination, hostShortName } from './istio-objects.js';
import type { RolloutServices } from './plan-rollout-targets.js';

/** What identifies the canary and the stable destinations: Service host names, or DestinationRule subsets. */
export interface IstioTargets {
  readonly services: RolloutServices;
  /** Set when `destinationRule` is configured: then the subsets identify the destinations. */
  readonly subsets?: { readonly canary: string; readonly stable: string; readonly additional: readonly string[] };
}

/** Route indexes per kind, or why the VirtualService does not fit the Rollout. */
export type RouteSelection = { ok: true; http: number[]; tls: number[]; tcp: number[] } | { ok: false; reason: string };

/**
 * Selects the routes to weight and checks each has a canary and a stable destination. HTTP: the named `routes`,
 * or with none named the only (or first unnamed) route; managed routes are not counted. TLS/TCP: the routes whose
 * matches have exactly `port` (and the same SNI hosts), or the first when none is listed.
 */
export function selectIstioRoutes(ref: Readonly<IstioVirtualService>, spec: { http?: IstioHTTPRoute[]; tls?: IstioL4Route[]; tcp?: IstioL4Route[] },
  targets: IstioTargets, managedNames: ReadonlySet<string>): RouteSelection {
  const http = spec.http === undefined ? { ok: true as const, indexes: [] } : selectHttp(ref.routes ?? [], spec.http, managedNames);
  if (!http.ok) return http;
  const tls = spec.tls === undefined ? { ok: true as const, indexes: [] } : selectL4('tls', ref.tlsRoutes ?? [], spec.tls);
  if (!tls.ok) return tls;
  const tcp = spec.tcp === undefined ? { ok: true as const, indexes: [] } : selectL4('tcp', ref.tcpRoutes ?? [], spec.tcp);
  if (!tcp.ok) return tcp;
  const routes = [...http.indexes.map((i) => spec.http?.[i]), ...tls.indexes.map((i) => spec.tls?.[i]), ...tcp.indexes.map((i) => spec.tcp?.[i])];
  for (const r of routes) {
    const problem = missingDestination(r?.route ?? [], targets);
    if (problem !== undefined) return { ok: false, reason: problem };
  }
  return { ok: true, http: http.indexes, tls: tls.indexes, tcp: tcp.indexes };
}

type Indexes = { ok: true; indexes: number[] } | { ok: false; reason: string };

/** The HTTP routes a setWeight updates, plus (for header/mirror routes) which one carries the weights. */
export function selectHttp(names: readonly string[], routes: readonly IstioHTTPRoute[], managedNames: ReadonlySet<string>): Indexes {
  if (names.length === 0) {
    if (routes.filter((r) => !managedNames.has(r.name ?? '')).length > 1) {
      return { ok: false, reason: 'spec.http[] should be set in VirtualService and it must have exactly one route when omitting spec.strategy.canary.trafficRouting.istio.virtualService.routes' };
    }
    const unnamed = routes.length === 1 ? 0 : routes.findIndex((r) => (r.name ?? '') === '');
    return { ok: true, indexes: unnamed < 0 ? [] : [unnamed] };
  }
  const indexes: number[] = [];
  for (const name of names) {
    const i = routes.findIndex((r) => r.name === name);
    if (i < 0) return { ok: false, reason: `HTTP Route '${name}' is not found in the defined Virtual Service.` };
    indexes.push(i);
  }
  return { ok: true, indexes };
}

function selectL4(kind: 'tls' | 'tcp', refs: readonly { port?: number; sniHosts?: string[] }[], routes: readonly IstioL4Route[]): Indexes {
  const what = kind === 'tls' ? 'TLS' : 'TCP';
  if (refs.length === 0) {
    if (routes.length > 1) {
      return { ok: false, reason: `spec.${kind}[] should be set in VirtualService and it must have exactly one route when omitting spec.strategy.canary.trafficRouting.istio.virtualService.${kind}Routes` };
    }
    return { ok: true, indexes: routes.length === 0 ? [] : [0] };
  }
  const indexes: number[] = [];
  for (const ref of refs) {
    const found = routes.flatMap((r, i) => (l4Matches(r, ref, kind === 'tls') ? [i] : []));
    if (found.length === 0) return { ok: false, reason: `No matching ${what} routes found in the defined Virtual Service.` };
    indexes.push(...found);
  }
  return { ok: true, indexes };
}

// One port across all matches (0 when none), equal to the ref's; for TLS also the same set of SNI hosts.
function l4Matches(route: Readonly<IstioL4Route>, ref: { port?: number; sniHosts?: string[] }, withSni: boolean): boolean {
  const ports = new Set((route.match ?? []).map((m) => m.port ?? 0));
  if (ports.size > 1) return false;
  const [port = 0] = [...ports];
  if (port !== (ref.port ?? 0)) return false;
  if (!withSni) return true;
  const hosts = new Set((route.match ?? []).flatMap((m) => m.sniHosts ?? []));
  const want = new Set(ref.sniHosts ?? []);
  return hosts.size === want.size && [...want].every((h) => hosts.has(h));
}

function missingDestination(dests: readonly IstioRouteDestination[], t: IstioTargets): string | undefined {
  const has = (pred: (d: IstioRouteDestination) => boolean): boolean => dests.some(pred);
  if (t.subsets !== undefined) {
    const { canary, stable } = t.subsets;
    if (!has((d) => canary !== '' && d.destination?.subset === canary)) return `Canary DestinationRule subset '${canary}' not found in route`;
    if (!has((d) => stable !== '' && d.destination?.subset === stable)) return `Stable DestinationRule subset '${stable}' not found in route`;
    return undefined;
  }
  const { canary, stable } = t.services;
  if (!has((d) => canary !== '' && hostShortName(d.destination?.host) === canary)) return `Canary Service '${canary}' not found in route`;
  if (!has((d) => stable !== '' && hostShortName(d.destination?.host) === stable)) return `Stable Service '${stable}' not found in route`;
  return undefined;
}
