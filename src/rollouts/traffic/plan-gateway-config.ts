// The Gateway API router's configuration, resolved from `trafficRouting.gatewayAPI` or the
// `argoproj-labs/gatewayAPI` plugin config (same shape): routes by kind, label-selector discovery, namespace and
// the in-progress label, with the plugin's defaults.
import { isJsonObject } from '../../api/meta.js';
import type { LabelSelector, LabelSelectorRequirement } from '../../api/label-selector.js';
import { gatewayAPIConfigOf } from '../../api/rollouts-gateway-api.js';
import type { GatewayAPIRouteRef, Rollout } from '../../api/rollouts-v1alpha1.js';
import type { GatewayRouteKind } from './gateway-route.js';

/** The plugin's label on routes while a canary is in progress (weight > 0). */
export const IN_PROGRESS_LABEL = { key: 'rollouts.argoproj.io/gatewayapi-canary', value: 'in-progress' } as const;

/** One route the router drives; `useHeaderRoutes` opts it into setHeaderRoute steps. */
export interface GatewayRouteTarget { readonly kind: GatewayRouteKind; readonly name: string; readonly useHeaderRoutes: boolean }

/** The resolved config. `selectors` find more routes (with useHeaderRoutes false) at each call. */
export interface GatewayConfig {
  readonly namespace: string;
  readonly routes: readonly GatewayRouteTarget[];
  readonly selectors: readonly { readonly kind: GatewayRouteKind; readonly selector: LabelSelector }[];
  /** Absent when `disableInProgressLabel` is true. */
  readonly inProgressLabel?: { readonly key: string; readonly value: string };
}

const KINDS: readonly GatewayRouteKind[] = ['http', 'grpc', 'tcp', 'tls'];

/**
 * Resolves the config, or undefined when the Rollout configures no Gateway API routing. As in the plugin: the
 * list form (`httpRoutes`) comes first and the single form (`httpRoute`) is appended with useHeaderRoutes true;
 * `namespace` defaults to the Rollout's.
 */
export function computeGatewayConfig(ro: Readonly<Rollout>): GatewayConfig | undefined {
  const cfg = gatewayAPIConfigOf(ro.spec.strategy.canary?.trafficRouting);
  if (cfg === undefined) return undefined;
  const raw: Record<string, unknown> = { ...cfg };
  const routes: GatewayRouteTarget[] = [];
  const selectors: { kind: GatewayRouteKind; selector: LabelSelector }[] = [];
  for (const kind of KINDS) {
    const many: readonly GatewayAPIRouteRef[] = { http: cfg.httpRoutes, grpc: cfg.grpcRoutes, tcp: cfg.tcpRoutes, tls: cfg.tlsRoutes }[kind] ?? [];
    const one = { http: cfg.httpRoute, grpc: cfg.grpcRoute, tcp: cfg.tcpRoute, tls: cfg.tlsRoute }[kind];
    for (const r of many) routes.push({ kind, name: r.name, useHeaderRoutes: r.useHeaderRoutes === true });
    if (one !== undefined && one !== '') routes.push({ kind, name: one, useHeaderRoutes: true });
    const selector = decodeSelector(raw[`${kind}RouteSelector`]);
    if (selector !== undefined) selectors.push({ kind, selector });
  }
  const namespace = cfg.namespace !== undefined && cfg.namespace !== '' ? cfg.namespace : ro.metadata.namespace ?? '';
  if (raw['disableInProgressLabel'] === true) return { namespace, routes, selectors };
  const key = nonEmpty(raw['inProgressLabelKey']) ?? IN_PROGRESS_LABEL.key;
  const value = nonEmpty(raw['inProgressLabelValue']) ?? IN_PROGRESS_LABEL.value;
  return { namespace, routes, selectors, inProgressLabel: { key, value } };
}

/** The managed route names of the Rollout (`trafficRouting.managedRoutes[].name`). */
export function managedRouteNamesOf(ro: Readonly<Rollout>): Set<string> {
  return new Set((ro.spec.strategy.canary?.trafficRouting?.managedRoutes ?? []).map((r) => r.name));
}

function nonEmpty(x: unknown): string | undefined {
  return typeof x === 'string' && x !== '' ? x : undefined;
}


function decodeSelector(x: unknown): LabelSelector | undefined {
  if (!isJsonObject(x)) return undefined;
  const out: LabelSelector = {};
  const labels = x['matchLabels'];
  if (isJsonObject(labels)) {
    out.matchLabels = Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
  const exprs = x['matchExpressions'];
  if (Array.isArray(exprs)) out.matchExpressions = exprs.flatMap((e) => decodeRequirement(e));
  return out;
}

function decodeRequirement(e: unknown): LabelSelectorRequirement[] {
  if (!isJsonObject(e) || typeof e['key'] !== 'string') return [];
  const op = e['operator'];
  if (op !== 'In' && op !== 'NotIn' && op !== 'Exists' && op !== 'DoesNotExist') return [];
  const values = Array.isArray(e['values']) ? e['values'].filter((v): v is string => typeof v === 'string') : undefined;
  return [{ key: e['key'], operator: op, ...(values !== undefined ? { values } : {}) }];
}
