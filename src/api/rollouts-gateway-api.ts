// Resolving the Gateway API router config from either Sluice's first-class field or Argo's plugin form.
import { isJsonObject } from './meta.js';
import { GATEWAY_API_PLUGIN_NAME } from './rollouts-constants.js';
import type { GatewayAPITrafficRouting, RolloutTrafficRouting } from './rollouts-v1alpha1.js';

/**
 * The Gateway API router config of a Rollout: `trafficRouting.gatewayAPI` if set, else the config of the
 * `argoproj-labs/gatewayAPI` plugin (the same shape), else undefined.
 */
export function gatewayAPIConfigOf(tr: Readonly<RolloutTrafficRouting> | undefined): GatewayAPITrafficRouting | undefined {
  if (tr === undefined) return undefined;
  if (tr.gatewayAPI !== undefined) return tr.gatewayAPI;
  const plugin = tr.plugins?.[GATEWAY_API_PLUGIN_NAME];
  return isJsonObject(plugin) ? (plugin as GatewayAPITrafficRouting) : undefined;
}

/** Every route name the Gateway API config points at, by kind (`httpRoute` and `httpRoutes[]` merged). */
export function gatewayAPIRouteNames(cfg: Readonly<GatewayAPITrafficRouting>): { http: string[]; grpc: string[]; tcp: string[]; tls: string[] } {
  const merge = (one: string | undefined, many: readonly { name: string }[] | undefined): string[] =>
    [...(one ? [one] : []), ...(many ?? []).map((r) => r.name)];
  return {
    http: merge(cfg.httpRoute, cfg.httpRoutes),
    grpc: merge(cfg.grpcRoute, cfg.grpcRoutes),
    tcp: merge(cfg.tcpRoute, cfg.tcpRoutes),
    tls: merge(cfg.tlsRoute, cfg.tlsRoutes),
  };
}
