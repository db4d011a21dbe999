// Builds the routing table from Ingresses as ingress-nginx builds its servers and locations: Ingresses in
// creation order (oldest first; equal timestamps by namespace/name, descending), the first Ingress to claim a
// host + path keeps it, canary Ingresses attach to the main route with the same host, path and pathType (one
// canary per route; a canary with no such main route is ignored).
import type { HTTPIngressPath, Ingress, IngressBackend } from '../../../api/networking-v1.js';
import { parseCanaryPolicy, type CanaryPolicy } from './canary-policy.js';
import { backendRef, type BackendRef, type HostRoutes, type Route, type RouteTable } from './route-types.js';

/** The annotation older clients use to pick an ingress class. */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** True when this controller (class `ingressClass`) serves `ing`; Ingresses without a class are served too. */
export function isServedIngress(ing: Readonly<Ingress>, ingressClass: string): boolean {
  const annotated = ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION];
  if (annotated !== undefined) return annotated === ingressClass;
  const named = ing.spec.ingressClassName;
  return named === undefined || named === ingressClass;
}

/** ingress-nginx's order: creationTimestamp ascending; ties by `namespace/name` descending. */
export function compareIngresses(a: Readonly<Ingress>, b: Readonly<Ingress>): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return Date.parse(ta) - Date.parse(tb) || (ta < tb ? -1 : 1);
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`;
  return ka === kb ? 0 : ka > kb ? -1 : 1;
}

interface MutableHost {
  exact: Map<string, Route>;
  prefixes: Map<string, Route>;
  fallback: Route | undefined;
}

type Hosts = Map<string, MutableHost>;

/** Prefix path without its trailing slash, so `/foo` and `/foo/` both match `/foo` and `/foo/bar`: `/` → ''. */
export function normalizePrefix(path: string): string {
  return path.endsWith('/') ? path.slice(0, -1) : path;
}

function hostOf(hosts: Hosts, host: string): MutableHost {
  let h = hosts.get(host);
  if (h === undefined) {
    h = { exact: new Map(), prefixes: new Map(), fallback: undefined };
    hosts.set(host, h);
  }
  return h;
}

function splitKeyOf(r: Omit<Route, 'splitKey'>): string {
  const c = r.canary;
  const canary = c === undefined ? '-' : `${c.backend.upstreamName}|${c.policy.weight}/${c.policy.weightTotal}`;
  return `${r.host}|${r.pathType}|${r.path}|${r.backend.upstreamName}|${canary}`;
}

function route(ing: Readonly<Ingress>, host: string, path: string, pathType: Route['pathType'], backend: BackendRef): Route {
  const r = { namespace: ing.metadata.namespace ?? '', ingress: ing.metadata.name ?? '', host, path, pathType, backend, canary: undefined };
  return { ...r, splitKey: splitKeyOf(r) };
}

function serviceBackend(ing: Readonly<Ingress>, b: Readonly<IngressBackend> | undefined): BackendRef | undefined {
  return b?.service === undefined ? undefined : backendRef(ing.metadata.namespace ?? '', b.service);
}

function pathTypeOf(p: Readonly<HTTPIngressPath>): Route['pathType'] {
  return p.pathType === 'Exact' ? 'Exact' : 'Prefix';
}

function addMain(hosts: Hosts, ing: Readonly<Ingress>): void {
  const fallback = serviceBackend(ing, ing.spec.defaultBackend);
  const rules = ing.spec.rules ?? [];
  if (fallback !== undefined && rules.length === 0) {
    const h = hostOf(hosts, '');
    h.fallback ??= route(ing, '', '/', 'Prefix', fallback);
  }
  for (const rule of rules) {
    const host = (rule.host ?? '').toLowerCase();
    const isNew = !hosts.has(host);
    const h = hostOf(hosts, host);
    if (isNew && fallback !== undefined) h.fallback = route(ing, host, '/', 'Prefix', fallback);
    for (const p of rule.http?.paths ?? []) {
      const backend = serviceBackend(ing, p.backend);
      if (backend === undefined) continue;
      const path = p.path === undefined || p.path === '' ? '/' : p.path;
      const pathType = pathTypeOf(p);
      const table = pathType === 'Exact' ? h.exact : h.prefixes;
      const key = pathType === 'Exact' ? path : normalizePrefix(path);
      if (!table.has(key)) table.set(key, route(ing, host, path, pathType, backend));
    }
  }
}

function withCanary(r: Route, ing: Readonly<Ingress>, backend: BackendRef, policy: CanaryPolicy): Route {
  // One canary per route, and never the route's own backend (ingress-nginx skips both).
  if (r.canary !== undefined || r.backend.upstreamName === backend.upstreamName) return r;
  const next = { ...r, canary: { ingress: ing.metadata.name ?? '', backend, policy } };
  return { ...next, splitKey: splitKeyOf(next) };
}

function attachToMatching(h: MutableHost, ing: Readonly<Ingress>, p: Readonly<HTTPIngressPath>, backend: BackendRef, policy: CanaryPolicy): void {
  const path = p.path === undefined || p.path === '' ? '/' : p.path;
  const pathType = pathTypeOf(p);
  const table = pathType === 'Exact' ? h.exact : h.prefixes;
  const key = pathType === 'Exact' ? path : normalizePrefix(path);
  const main = table.get(key);
  if (main !== undefined && main.path === path) table.set(key, withCanary(main, ing, backend, policy));
}

function addCanary(hosts: Hosts, ing: Readonly<Ingress>, policy: CanaryPolicy): void {
  const catchAll = serviceBackend(ing, ing.spec.defaultBackend);
  const anyHost = hosts.get('');
  if (catchAll !== undefined && anyHost !== undefined) {
    for (const table of [anyHost.exact, anyHost.prefixes]) {
      for (const [key, r] of table) table.set(key, withCanary(r, ing, catchAll, policy));
    }
    if (anyHost.fallback !== undefined) anyHost.fallback = withCanary(anyHost.fallback, ing, catchAll, policy);
  }
  for (const rule of ing.spec.rules ?? []) {
    const h = hosts.get((rule.host ?? '').toLowerCase());
    if (h === undefined) continue;
    for (const p of rule.http?.paths ?? []) {
      const backend = serviceBackend(ing, p.backend);
      if (backend !== undefined) attachToMatching(h, ing, p, backend, policy);
    }
  }
}

function freezeHost(h: MutableHost): HostRoutes {
  const prefixes = [...h.prefixes].map(([prefix, r]) => ({ prefix, route: r })).sort((a, b) => b.prefix.length - a.prefix.length);
  return { exact: h.exact, prefixes, fallback: h.fallback };
}

/** The routing table of every served Ingress (see the file comment for the precedence rules). */
export function computeRouteTable(ingresses: readonly Readonly<Ingress>[], ingressClass: string): RouteTable {
  const served = ingresses.filter((i) => isServedIngress(i, ingressClass)).sort(compareIngresses);
  const hosts: Hosts = new Map();
  const canaries: [Readonly<Ingress>, CanaryPolicy][] = [];
  for (const ing of served) {
    const policy = parseCanaryPolicy(ing.metadata.annotations);
    if (policy === undefined) addMain(hosts, ing);
    else canaries.push([ing, policy]);
  }
  for (const [ing, policy] of canaries) addCanary(hosts, ing, policy);
  const exactHosts = new Map<string, HostRoutes>();
  const wildcards: { suffix: string; routes: HostRoutes }[] = [];
  for (const [host, h] of hosts) {
    if (host === '') continue;
    if (host.startsWith('*.')) wildcards.push({ suffix: host.slice(1), routes: freezeHost(h) });
    else exactHosts.set(host, freezeHost(h));
  }
  wildcards.sort((a, b) => b.suffix.length - a.suffix.length);
  const any = hosts.get('');
  return {
    hosts: exactHosts, wildcards,
    catchAll: any === undefined ? { exact: new Map(), prefixes: [], fallback: undefined } : freezeHost(any),
    served: served.map((i) => `${i.metadata.namespace ?? ''}/${i.metadata.name ?? ''}`).sort(),
  };
}
