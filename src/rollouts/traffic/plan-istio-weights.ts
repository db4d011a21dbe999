// Weights in a VirtualService (Argo's reconcileVirtualService/processRoutes): in each selected route the canary
// destination gets `weight`, the stable one the rest, experiment services their own weight (added when missing),
// destinations of additional DestinationRule subsets keep theirs, and any other destination is removed.
import type { IstioVirtualService } from '../../api/rollouts-v1alpha1.js';
import type { WeightDestination } from '../../api/rollouts-status.js';
import { deepEqual } from '../../lib/deep-equal.js';
import { type IstioHTTPRoute, type IstioRouteDestination, type VirtualService, hostShortName } from './istio-objects.js';
import { orderManagedRoutes } from './plan-istio-managed-routes.js';
import { type IstioTargets, selectIstioRoutes } from './plan-istio-route-selection.js';

/** What a setWeight asks of one VirtualService. */
export interface IstioWeightInput {
  readonly ref: Readonly<IstioVirtualService>;
  readonly targets: IstioTargets;
  readonly weight: number;
  readonly maxWeight: number;
  readonly additional: readonly WeightDestination[];
  /** `trafficRouting.managedRoutes` names, in order (mirror routes among them are weighted too). */
  readonly managedRoutes: readonly string[];
}

/** The VirtualService to write (undefined: already at these weights), or why it does not fit. */
export type IstioWeightResult = { ok: true; vs: VirtualService | undefined } | { ok: false; reason: string };

/** Sets the weights of the selected routes and of managed mirror routes; then orders managed routes first. */
export function planVirtualServiceWeights(vs: Readonly<VirtualService>, input: IstioWeightInput): IstioWeightResult {
  const spec = vs.spec ?? {};
  const managed = new Set(input.managedRoutes);
  const sel = selectIstioRoutes(input.ref, spec, input.targets, managed);
  if (!sel.ok) return sel;
  const mirrors = (spec.http ?? []).flatMap((r, i) => (r.mirror !== undefined && managed.has(r.name ?? '') && !sel.http.includes(i) ? [i] : []));
  const reweigh = <R extends { route?: IstioRouteDestination[] }>(routes: readonly R[], picked: readonly number[]): R[] =>
    routes.map((r, i) => (picked.includes(i) ? { ...r, route: weighDestinations(r.route ?? [], input) } : r));
  const next = {
    ...spec,
    ...(spec.http !== undefined ? { http: orderManagedRoutes(reweigh<IstioHTTPRoute>(spec.http, [...sel.http, ...mirrors]), input.managedRoutes) } : {}),
    ...(spec.tls !== undefined ? { tls: reweigh(spec.tls, sel.tls) } : {}),
    ...(spec.tcp !== undefined ? { tcp: reweigh(spec.tcp, sel.tcp) } : {}),
  };
  return { ok: true, vs: deepEqual(next, spec) ? undefined : { ...vs, spec: next } };
}

/**
 * New destinations of one route. maxWeight 100, weight 10, an additional subset destination at 20 →
 * canary 10, stable 70, the additional subset 20 (Argo's TestHttpReconcileMultipleDestRule).
 */
export function weighDestinations(dests: readonly IstioRouteDestination[], input: IstioWeightInput): IstioRouteDestination[] {
  const subsets = input.targets.subsets;
  const { canary, stable } = input.targets.services;
  const isAdditionalSubset = (s: string | undefined): boolean => s !== undefined && s !== '' && (subsets?.additional ?? []).includes(s);
  const extra = new Map(input.additional.map((d) => [d.serviceName ?? '', d.weight]));
  let stableWeight = input.maxWeight - input.weight - input.additional.reduce((sum, d) => sum + d.weight, 0);
  for (const d of dests) if (isAdditionalSubset(d.destination?.subset)) stableWeight -= d.weight ?? 0;
  stableWeight = Math.max(0, stableWeight);
  const out: IstioRouteDestination[] = [];
  for (const d of dests) {
    const host = hostShortName(d.destination?.host);
    const subset = d.destination?.subset ?? '';
    if (host === '') out.push(d);
    else if (host === canary || (subset !== '' && subset === subsets?.canary)) out.push({ ...d, weight: input.weight });
    else if (host === stable || (subset !== '' && subset === subsets?.stable)) out.push({ ...d, weight: stableWeight });
    else if (extra.has(host)) { out.push({ ...d, weight: extra.get(host) ?? 0 }); extra.delete(host); }
    else if (isAdditionalSubset(subset)) out.push(d);
  }
  for (const host of [...extra.keys()].filter((h) => h !== '').sort()) out.push({ destination: { host }, weight: extra.get(host) ?? 0 });
  return out;
}

/** The canary weight of the first weighted route (HTTP, then TLS, then TCP); undefined when the VS does not fit. */
export function computeVirtualServiceWeight(vs: Readonly<VirtualService>, input: Omit<IstioWeightInput, 'weight' | 'additional'>): number | undefined {
  const spec = vs.spec ?? {};
  const sel = selectIstioRoutes(input.ref, spec, input.targets, new Set(input.managedRoutes));
  if (!sel.ok) return undefined;
  const first = [...sel.http.map((i) => spec.http?.[i]), ...sel.tls.map((i) => spec.tls?.[i]), ...sel.tcp.map((i) => spec.tcp?.[i])][0];
  const { canary } = input.targets.services;
  const subset = input.targets.subsets?.canary;
  const dest = (first?.route ?? []).find((d) => (subset !== undefined ? d.destination?.subset === subset : hostShortName(d.destination?.host) === canary));
  return dest === undefined ? undefined : dest.weight ?? 0;
}
