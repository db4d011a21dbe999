// Istio VirtualService and DestinationRule as far as the router reads and writes them (Argo's istio_types.go);
// unknown fields are carried through untouched.
import type { KubeObject } from '../../api/meta.js';
import type { StringMatch } from '../../api/rollouts-v1alpha1.js';

/** A destination: host (a Service, short or fully qualified), subset, port. */
export interface IstioDestination { host?: string; subset?: string; port?: { number?: number }; [field: string]: unknown }

/** A weighted destination of a route. */
export interface IstioRouteDestination { destination?: IstioDestination; weight?: number; [field: string]: unknown }

/** An HTTP route match (only the fields the router writes are typed). */
export interface IstioHTTPMatch { headers?: Record<string, StringMatch>; method?: StringMatch; uri?: StringMatch; [field: string]: unknown }

/** `spec.http[]`. */
export interface IstioHTTPRoute {
  name?: string;
  match?: IstioHTTPMatch[];
  route?: IstioRouteDestination[];
  mirror?: IstioDestination;
  mirrorPercentage?: { value?: number };
  [field: string]: unknown;
}

/** `spec.tls[]` / `spec.tcp[]`. */
export interface IstioL4Route {
  match?: { port?: number; sniHosts?: string[]; [field: string]: unknown }[];
  route?: IstioRouteDestination[];
  [field: string]: unknown;
}

/** networking.istio.io VirtualService. */
export interface VirtualService extends KubeObject {
  spec?: { http?: IstioHTTPRoute[]; tls?: IstioL4Route[]; tcp?: IstioL4Route[]; [field: string]: unknown };
}

/** A DestinationRule subset. */
export interface IstioSubset { name: string; labels?: Record<string, string>; [field: string]: unknown }

/** networking.istio.io DestinationRule. */
export interface DestinationRule extends KubeObject {
  spec?: { host?: string; subsets?: IstioSubset[]; [field: string]: unknown };
}

/** The short name of a host: `reviews.prod.svc.cluster.local` → `reviews` (Argo's getHost). */
export function hostShortName(host: string | undefined): string {
  const h = host ?? '';
  const dot = h.indexOf('.');
  return dot < 0 ? h : dot === 0 ? '' : h.slice(0, dot);
}

/**
 * Where a `virtualService.name` points: Istio's `name.namespace` shorthand (a trailing `.cluster.local` is
 * ignored; the last dot-separated part is the namespace), else the Rollout's namespace.
 * `vsvc` → (rollout ns, `vsvc`); `vsvc.prod` → (`prod`, `vsvc`); `my.vs.prod.cluster.local` → (`prod`, `my.vs`).
 */
export function virtualServiceRef(name: string, rolloutNamespace: string): { namespace: string; name: string } {
  const trimmed = name.endsWith('.cluster.local') ? name.slice(0, -'.cluster.local'.length) : name;
  const dot = trimmed.lastIndexOf('.');
  return dot < 0 ? { namespace: rolloutNamespace, name: trimmed } : { namespace: trimmed.slice(dot + 1), name: trimmed.slice(0, dot) };
}
