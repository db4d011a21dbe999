// Gateway API route objects (HTTPRoute, GRPCRoute, TCPRoute, TLSRoute) as far as the router reads and writes them,
// and the small predicates the weight and header-route plans share. Unknown fields are carried through untouched.
import type { KubeObject } from '../../api/meta.js';
import type { ResourceType } from '../../api/resources.js';
import { TR } from './traffic-resources.js';

/** The route kinds the router drives, as the config names them (`httpRoutes`, `grpcRoutes`, …). */
export type GatewayRouteKind = 'http' | 'grpc' | 'tcp' | 'tls';

/** A `backendRefs[]` entry; `weight` defaults to 1 in the Gateway API. */
export interface GatewayBackendRef {
  name: string;
  group?: string;
  kind?: string;
  namespace?: string;
  port?: number;
  weight?: number;
  [field: string]: unknown;
}

/** An HTTPHeaderMatch / GRPCHeaderMatch. */
export interface GatewayHeaderMatch { name: string; type?: 'Exact' | 'RegularExpression'; value: string }

/** An HTTPRouteMatch / GRPCRouteMatch (path, method, queryParams … pass through). */
export interface GatewayRouteMatch { headers?: GatewayHeaderMatch[]; [field: string]: unknown }

/** A route rule; `name` (GEP-995) marks the rules the router adds for header routes. */
export interface GatewayRouteRule {
  name?: string;
  matches?: GatewayRouteMatch[];
  filters?: unknown[];
  backendRefs?: GatewayBackendRef[];
  [field: string]: unknown;
}

/** A route's `status.parents[]` entry (RouteParentStatus). */
export interface GatewayParentStatus {
  parentRef?: Record<string, unknown>;
  conditions?: { type: string; status: string; observedGeneration?: number; reason?: string }[];
}

/** Any of the four route kinds. */
export interface GatewayRoute extends KubeObject {
  spec: { rules?: GatewayRouteRule[]; [field: string]: unknown };
  status?: { parents?: GatewayParentStatus[] };
}

/** REST descriptor and Kind of each route kind. */
export const GATEWAY_ROUTE_TYPES: Readonly<Record<GatewayRouteKind, ResourceType>> = {
  http: TR.httpRoutes, grpc: TR.grpcRoutes, tcp: TR.tcpRoutes, tls: TR.tlsRoutes,
};

/** `HTTPRoute "name"` for messages. */
export function routeLabel(kind: GatewayRouteKind, name: string): string {
  return `${GATEWAY_ROUTE_TYPES[kind].kind} "${name}"`;
}

/**
 * True when a rule is one the router added for `managedNames`: named exactly like a managed route, or like one
 * with a `-<n>` suffix (the names of the 2nd, 3rd … copies on multi-rule routes), as the Argo plugin names them.
 */
export function isManagedRuleName(ruleName: string | undefined, managedNames: ReadonlySet<string>): boolean {
  if (ruleName === undefined || ruleName === '') return false;
  if (managedNames.has(ruleName)) return true;
  const dash = ruleName.lastIndexOf('-');
  return dash > 0 && /^\d+$/.test(ruleName.slice(dash + 1)) && managedNames.has(ruleName.slice(0, dash));
}

/** True when the rule has backendRefs to both Services (a rule whose traffic the router splits). */
export function splitsBetween(rule: Readonly<GatewayRouteRule>, canary: string, stable: string): boolean {
  const refs = rule.backendRefs ?? [];
  return refs.some((r) => r.name === canary) && refs.some((r) => r.name === stable);
}
