// Header and mirror routes in a VirtualService (Argo's SetHeaderRoute/SetMirrorRoute/RemoveManagedRoutes): a
// managed route is an HTTP route named after a `managedRoutes` entry; managed routes always come first, in
// `managedRoutes` order, ahead of the user's routes.
import type { IstioVirtualService, StringMatch } from '../../api/rollouts-v1alpha1.js';
import { deepEqual } from '../../lib/deep-equal.js';
import type { IstioDestination, IstioHTTPMatch, IstioHTTPRoute, VirtualService } from './istio-objects.js';
import { selectHttp } from './plan-istio-route-selection.js';
import type { HeaderRoute, MirrorRoute } from './router.js';

/** Where header and mirror routes send traffic: the canary Service (or the DestinationRule host) and subset. */
export interface IstioCanaryTarget { readonly host: string; readonly subset: string }

/** The VirtualService to write (undefined: no change), or why the route cannot be set. */
export type IstioRouteResult = { ok: true; vs: VirtualService | undefined } | { ok: false; reason: string };

/** Managed routes first, in `managedRoutes` order; the others after them in their own order (a stable partition). */
export function orderManagedRoutes(routes: readonly IstioHTTPRoute[], managedRoutes: readonly string[]): IstioHTTPRoute[] {
  if (managedRoutes.length === 0) return [...routes];
  const managed = managedRoutes.flatMap((name) => routes.filter((r) => (r.name ?? '') !== '' && r.name === name));
  return [...managed, ...routes.filter((r) => !managedRoutes.includes(r.name ?? '') || (r.name ?? '') === '')];
}

/**
 * Installs `header` as `{name, match: [{headers: {<h>: <value>}} …], route: [{destination: canary, weight: 100}]}`
 * (appended, then ordered), replacing a route of the same name; with no match it only removes that route.
 */
export function planIstioHeaderRoute(vs: Readonly<VirtualService>, ref: Readonly<IstioVirtualService>, header: HeaderRoute,
  target: IstioCanaryTarget, managedRoutes: readonly string[]): IstioRouteResult {
  const http = vs.spec?.http;
  if (http === undefined) return { ok: false, reason: `VirtualService "${vs.metadata.name ?? ''}" has no spec.http` };
  const name = header.name ?? '';
  const others = http.filter((r) => r.name !== name);
  if ((header.match ?? []).length === 0) return changed(vs, orderManagedRoutes(others, managedRoutes));
  const port = canaryPort(http, ref, managedRoutes);
  const route: IstioHTTPRoute = {
    name,
    match: (header.match ?? []).map((m) => ({ headers: { [m.headerName]: stringMatch(m.headerValue) } })),
    route: [{ destination: destination(target, port), weight: 100 }],
  };
  return changed(vs, orderManagedRoutes([...others, route], managedRoutes));
}

/**
 * Installs `mirror` as a route (prepended, then ordered) with the step's matches (`path` becomes `uri`), the
 * destinations and weights of the weighted route, and `mirror` to the canary at `percentage` (default 100).
 */
export function planIstioMirrorRoute(vs: Readonly<VirtualService>, ref: Readonly<IstioVirtualService>, mirror: MirrorRoute,
  target: IstioCanaryTarget, managedRoutes: readonly string[]): IstioRouteResult {
  const http = vs.spec?.http;
  if (http === undefined) return { ok: false, reason: `VirtualService "${vs.metadata.name ?? ''}" has no spec.http` };
  const others = http.filter((r) => r.name !== mirror.name);
  if (mirror.match === undefined) return changed(vs, orderManagedRoutes(others, managedRoutes));
  const weighted = weightedRoute(http, ref, managedRoutes);
  if (weighted === undefined) return { ok: false, reason: `VirtualService "${vs.metadata.name ?? ''}" has no route to keep the weights of` };
  const match: IstioHTTPMatch[] = mirror.match.map((m) => ({
    ...(m.method !== undefined ? { method: m.method } : {}),
    ...(m.path !== undefined ? { uri: m.path } : {}),
    ...(m.headers !== undefined ? { headers: m.headers } : {}),
  }));
  const route: IstioHTTPRoute = {
    name: mirror.name,
    match,
    route: structuredClone(weighted.route ?? []),
    mirror: destination(target, weighted.route?.[0]?.destination?.port?.number ?? 0),
    mirrorPercentage: { value: mirror.percentage ?? 100 },
  };
  return changed(vs, orderManagedRoutes([route, ...others], managedRoutes));
}

/** Removes the routes named by `names` (managed routes and the Rollout's header/mirror steps). */
export function planIstioRemoveManagedRoutes(vs: Readonly<VirtualService>, names: ReadonlySet<string>): VirtualService | undefined {
  const http = vs.spec?.http;
  if (http === undefined) return undefined;
  const result = changed(vs, http.filter((r) => !names.has(r.name ?? '') || (r.name ?? '') === ''));
  return result.ok ? result.vs : undefined;
}

function changed(vs: Readonly<VirtualService>, http: IstioHTTPRoute[]): IstioRouteResult {
  if (deepEqual(http, vs.spec?.http)) return { ok: true, vs: undefined };
  return { ok: true, vs: { ...vs, spec: { ...vs.spec, http } } };
}

// The first route setWeight updates (Argo's getVirtualServiceSetWeightRoute).
function weightedRoute(http: readonly IstioHTTPRoute[], ref: Readonly<IstioVirtualService>, managedRoutes: readonly string[]): IstioHTTPRoute | undefined {
  const sel = selectHttp(ref.routes ?? [], http, new Set(managedRoutes));
  const [first] = sel.ok ? sel.indexes : [];
  return first === undefined ? undefined : http[first];
}

function canaryPort(http: readonly IstioHTTPRoute[], ref: Readonly<IstioVirtualService>, managedRoutes: readonly string[]): number {
  return weightedRoute(http, ref, managedRoutes)?.route?.[0]?.destination?.port?.number ?? 0;
}

function destination(t: IstioCanaryTarget, port: number): IstioDestination {
  return { host: t.host, ...(port > 0 ? { port: { number: port } } : {}), ...(t.subset !== '' ? { subset: t.subset } : {}) };
}

function stringMatch(v: Readonly<StringMatch>): Record<string, string> {
  return {
    ...((v.exact ?? '') !== '' ? { exact: v.exact ?? '' } : {}),
    ...((v.regex ?? '') !== '' ? { regex: v.regex ?? '' } : {}),
    ...((v.prefix ?? '') !== '' ? { prefix: v.prefix ?? '' } : {}),
  };
}
