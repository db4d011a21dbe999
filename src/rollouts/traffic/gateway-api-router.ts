// The Gateway API router, built in: weights on HTTPRoute/GRPCRoute/TCPRoute/TLSRoute backendRefs and header routes
// on HTTP/GRPC routes, behaving like the argoproj-labs/gatewayAPI plugin so the plugin's manifests work unchanged.
import { isApiError } from '../../api/api-error.js';
import { formatSelector } from '../../api/label-selector.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import type { KubeClient } from '../../control/client.js';
import { applyUpdate } from './apply-update.js';
import { GATEWAY_ROUTE_TYPES, type GatewayRoute, routeLabel } from './gateway-route.js';
import { type GatewayConfig, type GatewayRouteTarget, computeGatewayConfig, managedRouteNamesOf } from './plan-gateway-config.js';
import { planGatewayHeaderRoute, planGatewayRemoveManagedRoutes } from './plan-gateway-header-route.js';
import { computeRouteCanaryWeight, isRouteAccepted, planGatewayRouteWeights } from './plan-gateway-weights.js';
import { maxWeightOf, rolloutKeyOf, servicesOf, stableWeightOf } from './plan-rollout-targets.js';
import { RouterError, rethrowNotFound } from './router-error.js';
import type { HeaderRoute, TrafficRouter, WeightUpdate } from './router.js';

/** Sluice's `GatewayAPI` router (`trafficRouting.gatewayAPI` or `plugins['argoproj-labs/gatewayAPI']`). */
export class GatewayAPIRouter implements TrafficRouter {
  readonly type = 'GatewayAPI';
  private readonly managedNames: Set<string>;

  constructor(private readonly ro: Readonly<Rollout>, private readonly client: KubeClient) {
    this.managedNames = managedRouteNamesOf(ro);
  }

  private config(): GatewayConfig {
    const cfg = computeGatewayConfig(this.ro);
    if (cfg === undefined) throw this.error('Rollout', 'no Gateway API routing is configured');
    return cfg;
  }

  private error(object: string, message: string): RouterError {
    return new RouterError({ rollout: rolloutKeyOf(this.ro), router: this.type, object }, message);
  }

  // Configured routes, then those the selectors find now; at least one is required (as in the plugin).
  private async targets(cfg: GatewayConfig, signal: AbortSignal): Promise<GatewayRouteTarget[]> {
    const out = [...cfg.routes];
    for (const { kind, selector } of cfg.selectors) {
      signal.throwIfAborted();
      const list = await this.client.list<GatewayRoute>(GATEWAY_ROUTE_TYPES[kind], cfg.namespace, { labelSelector: formatSelector(selector) });
      for (const r of list.items) out.push({ kind, name: r.metadata.name ?? '', useHeaderRoutes: false });
    }
    if (out.length === 0) throw this.error('Rollout', 'the Gateway API config names no route: set httpRoute(s), grpcRoute(s), tcpRoute(s) or tlsRoute(s)');
    return out;
  }

  private update(cfg: GatewayConfig, t: GatewayRouteTarget, compute: (r: Readonly<GatewayRoute>) => GatewayRoute | undefined,
    signal: AbortSignal): Promise<boolean> {
    const source = { rollout: rolloutKeyOf(this.ro), router: this.type, object: routeLabel(t.kind, t.name) };
    return applyUpdate<GatewayRoute>({
      client: this.client, type: GATEWAY_ROUTE_TYPES[t.kind], namespace: cfg.namespace, name: t.name,
      onReadError: (e) => rethrowNotFound(e, source, cfg.namespace),
    }, compute, signal);
  }

  async setWeight(d: WeightUpdate, signal: AbortSignal): Promise<void> {
    const cfg = this.config();
    const maxWeight = maxWeightOf(this.ro);
    const input = {
      services: servicesOf(this.ro), maxWeight, weight: d.weight, stableWeight: stableWeightOf(maxWeight, d.weight, d.additional),
      additional: d.additional, managedNames: this.managedNames,
      previousAdditional: (this.ro.status?.canary?.weights?.additional ?? []).map((a) => a.serviceName ?? ''),
      ...(cfg.inProgressLabel !== undefined ? { inProgressLabel: cfg.inProgressLabel } : {}),
    };
    for (const t of await this.targets(cfg, signal)) {
      await this.update(cfg, t, (route) => {
        const r = planGatewayRouteWeights(route, { ...input, kind: t.kind });
        if (!r.ok) throw this.error(routeLabel(t.kind, t.name), r.reason);
        return r.route;
      }, signal);
    }
  }

  async setHeaderRoute(header: HeaderRoute, signal: AbortSignal): Promise<void> {
    const cfg = this.config();
    const services = servicesOf(this.ro);
    for (const t of await this.targets(cfg, signal)) {
      if (!t.useHeaderRoutes || (t.kind !== 'http' && t.kind !== 'grpc')) continue;
      await this.update(cfg, t, (route) => {
        const r = planGatewayHeaderRoute(route, t.kind, services, header, this.managedNames);
        if (!r.ok) throw this.error(routeLabel(t.kind, t.name), r.reason);
        return r.route;
      }, signal);
    }
  }

  /** The plugin has no mirror routes either. */
  setMirrorRoute(): Promise<'unsupported'> { return Promise.resolve('unsupported'); }

  async removeManagedRoutes(signal: AbortSignal): Promise<void> {
    const cfg = this.config();
    const { canary } = servicesOf(this.ro);
    const stepHeaders = (this.ro.spec.strategy.canary?.steps ?? []).flatMap((s) =>
      s.setHeaderRoute !== undefined && this.managedNames.has(s.setHeaderRoute.name ?? '') ? [(s.setHeaderRoute.match ?? []).map((m) => m.headerName)] : []);
    for (const t of await this.targets(cfg, signal)) {
      if (!t.useHeaderRoutes || (t.kind !== 'http' && t.kind !== 'grpc')) continue;
      try {
        await this.update(cfg, t, (route) => planGatewayRemoveManagedRoutes(route, canary, this.managedNames, stepHeaders), signal);
      } catch (e) {
        if (!(e instanceof RouterError && isApiError(e.cause, 'NotFound'))) throw e;
      }
    }
  }

  /** True when every route carries `weight` and every gateway reporting on it accepted its current generation. */
  async verifyWeight(weight: number, signal: AbortSignal): Promise<boolean> {
    const routes = await this.readAll(signal);
    return routes.every((r) => this.weightOf(r) === weight && isRouteAccepted(r));
  }

  /** The canary weight all routes agree on (see computeRouteCanaryWeight); undefined when they do not. */
  async currentWeight(signal: AbortSignal): Promise<number | undefined> {
    const weights = new Set((await this.readAll(signal)).map((r) => this.weightOf(r)));
    const [only] = [...weights];
    return weights.size === 1 ? only : undefined;
  }

  private weightOf(route: Readonly<GatewayRoute>): number | undefined {
    return computeRouteCanaryWeight(route, servicesOf(this.ro), this.managedNames, maxWeightOf(this.ro));
  }

  private async readAll(signal: AbortSignal): Promise<GatewayRoute[]> {
    const cfg = this.config();
    const out: GatewayRoute[] = [];
    for (const t of await this.targets(cfg, signal)) {
      signal.throwIfAborted();
      try {
        out.push(await this.client.get<GatewayRoute>(GATEWAY_ROUTE_TYPES[t.kind], cfg.namespace, t.name));
      } catch (e) {
        rethrowNotFound(e, { rollout: rolloutKeyOf(this.ro), router: this.type, object: routeLabel(t.kind, t.name) }, cfg.namespace);
      }
    }
    return out;
  }
}
