// The routers a Rollout configures, in Argo's order (Istio, NGINX, ALB, SMI, …, plugins last). Several at once are
// "mixed" routing: apply drives each in turn. Routers Sluice does not implement fail with a RouterError saying so.
import { gatewayAPIConfigOf } from '../../api/rollouts-gateway-api.js';
import { GATEWAY_API_PLUGIN_NAME } from '../../api/rollouts-constants.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import type { KubeClient } from '../../control/client.js';
import { GatewayAPIRouter } from './gateway-api-router.js';
import { IstioRouter } from './istio-router.js';
import { NginxRouter } from './nginx-router.js';
import { rolloutKeyOf } from './plan-rollout-targets.js';
import { RouterError } from './router-error.js';
import type { TrafficRouter } from './router.js';
import { SMIRouter } from './smi-router.js';
import type { IstioAPIVersion, SMIAPIVersion } from './traffic-resources.js';

/** Argo's `--istio-api-version` and `--smi-api-version` controller flags. */
export interface RouterOptions {
  readonly istioAPIVersion?: IstioAPIVersion;
  readonly smiAPIVersion?: SMIAPIVersion;
}

const UNSUPPORTED = ['alb', 'ambassador', 'appMesh', 'traefik', 'apisix'] as const;

/** Every router the Rollout's `trafficRouting` configures; empty without traffic routing. */
export function routersFor(ro: Readonly<Rollout>, client: KubeClient, opts: RouterOptions = {}): TrafficRouter[] {
  const tr = ro.spec.strategy.canary?.trafficRouting;
  if (tr === undefined) return [];
  const out: TrafficRouter[] = [];
  if (tr.istio !== undefined) out.push(new IstioRouter(ro, client, opts.istioAPIVersion));
  if (tr.nginx !== undefined) out.push(new NginxRouter(ro, client));
  for (const field of UNSUPPORTED) if (tr[field] !== undefined) out.push(unsupportedRouter(ro, `trafficRouting.${field}`));
  if (tr.smi !== undefined) out.push(new SMIRouter(ro, client, opts.smiAPIVersion));
  if (gatewayAPIConfigOf(tr) !== undefined) out.push(new GatewayAPIRouter(ro, client));
  for (const name of Object.keys(tr.plugins ?? {})) {
    if (name !== GATEWAY_API_PLUGIN_NAME) out.push(unsupportedRouter(ro, `trafficRouting.plugins["${name}"]`));
  }
  return out;
}

/** A router for a configuration Sluice does not implement: every call fails with a RouterError that says so. */
export function unsupportedRouter(ro: Readonly<Rollout>, field: string): TrafficRouter {
  const fail = (): Promise<never> => Promise.reject(new RouterError({ rollout: rolloutKeyOf(ro), router: field, object: 'Rollout' },
    `${field} is not supported by Sluice; use nginx, istio, smi or gatewayAPI (plugin "${GATEWAY_API_PLUGIN_NAME}")`));
  return {
    type: field, setWeight: fail, setHeaderRoute: fail, setMirrorRoute: fail, removeManagedRoutes: fail, verifyWeight: fail,
  };
}
