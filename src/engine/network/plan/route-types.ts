// The ingress routing table: what the ingress listener consults for every request. Built by
// computeRouteTable (ingress-routes.ts), read by matchRoute (match-route.ts); plain frozen data.
import type { IngressServiceBackend } from '../../../api/networking-v1.js';
import type { CanaryPolicy } from './canary-policy.js';

/** A Service port an Ingress path sends traffic to. */
export interface BackendRef {
  readonly namespace: string;
  readonly service: string;
  /** The Ingress backend's `port.number` or `port.name`. */
  readonly port: number | string;
  /** `namespace/service`: where the service's targets are kept. */
  readonly serviceKey: string;
  /** ingress-nginx's upstream name, `namespace-service-port` (the `canary` metric label). */
  readonly upstreamName: string;
}

/** The canary Ingress attached to a main route. */
export interface CanaryRoute {
  readonly ingress: string;
  readonly backend: BackendRef;
  readonly policy: CanaryPolicy;
}

/** One location: a host and path of a main Ingress, with at most one canary. */
export interface Route {
  /** Namespace and name of the main Ingress (ingress-nginx's `namespace` and `ingress` labels). */
  readonly namespace: string;
  readonly ingress: string;
  /** Lower-case host, '' for rules without a host. */
  readonly host: string;
  /** The path as written in the Ingress ('/' for a default backend). */
  readonly path: string;
  /** ImplementationSpecific is served as Prefix, as ingress-nginx does. */
  readonly pathType: 'Exact' | 'Prefix';
  readonly backend: BackendRef;
  readonly canary: CanaryRoute | undefined;
  /** Changes whenever anything deciding this route's weight split changes; keys the split state. */
  readonly splitKey: string;
}

/** A Prefix route and its path without the trailing slash ('' for `/`). */
export interface PrefixRoute {
  readonly prefix: string;
  readonly route: Route;
}

/** The locations of one server (host). */
export interface HostRoutes {
  readonly exact: ReadonlyMap<string, Route>;
  /** Longest prefix first. */
  readonly prefixes: readonly PrefixRoute[];
  /** The Ingress `defaultBackend` for requests no path matches. */
  readonly fallback: Route | undefined;
}

/** Every server: exact hosts, `*.suffix` wildcards (longest first), and the catch-all server. */
export interface RouteTable {
  readonly hosts: ReadonlyMap<string, HostRoutes>;
  readonly wildcards: readonly { readonly suffix: string; readonly routes: HostRoutes }[];
  readonly catchAll: HostRoutes;
  /** `namespace/name` of every Ingress this controller serves (main and canary), sorted. */
  readonly served: readonly string[];
}

/** A backend reference from an Ingress service backend. */
export function backendRef(namespace: string, b: Readonly<IngressServiceBackend>): BackendRef {
  const port = b.port.number !== undefined && b.port.number > 0 ? b.port.number : (b.port.name ?? '');
  return {
    namespace, service: b.name, port, serviceKey: `${namespace}/${b.name}`,
    upstreamName: port === '' ? `${namespace}-INVALID` : `${namespace}-${b.name}-${port}`,
  };
}

/** A table that routes nothing. */
export const EMPTY_ROUTE_TABLE: RouteTable = Object.freeze({
  hosts: new Map(), wildcards: [], catchAll: { exact: new Map(), prefixes: [], fallback: undefined }, served: [],
});

/** Every route of every server (exact paths, prefixes, default backends). */
export function allRoutes(table: RouteTable): Route[] {
  const out: Route[] = [];
  const add = (h: HostRoutes): void => {
    out.push(...h.exact.values(), ...h.prefixes.map((p) => p.route));
    if (h.fallback !== undefined) out.push(h.fallback);
  };
  for (const h of table.hosts.values()) add(h);
  for (const w of table.wildcards) add(w.routes);
  add(table.catchAll);
  return out;
}
