// The Istio router: weights in VirtualService routes, canary/stable hashes in DestinationRule subsets, and header
// and mirror routes as managed HTTP routes (rollout/trafficrouting/istio/istio.go). Objects are updated whole
// (PUT with resourceVersion), as Argo does through the dynamic client.
import { isApiError } from '../../api/api-error.js';
import type { IstioTrafficRouting, IstioVirtualService, Rollout } from '../../api/rollouts-v1alpha1.js';
import type { KubeClient } from '../../control/client.js';
import { applyUpdate } from './apply-update.js';
import { type DestinationRule, type VirtualService, virtualServiceRef } from './istio-objects.js';
import { planDestinationRule } from './plan-istio-destination-rule.js';
import { type IstioCanaryTarget, type IstioRouteResult, planIstioHeaderRoute, planIstioMirrorRoute, planIstioRemoveManagedRoutes } from './plan-istio-managed-routes.js';
import type { IstioTargets } from './plan-istio-route-selection.js';
import { computeVirtualServiceWeight, planVirtualServiceWeights } from './plan-istio-weights.js';
import { maxWeightOf, rolloutKeyOf, servicesOf } from './plan-rollout-targets.js';
import { RouterError, rethrowNotFound } from './router-error.js';
import type { HeaderRoute, MirrorRoute, TrafficRouter, WeightUpdate } from './router.js';
import { type IstioAPIVersion, TR } from './traffic-resources.js';

/** Argo's `Istio` router (`trafficRouting.istio`). */
export class IstioRouter implements TrafficRouter {
  readonly type = 'Istio';
  private readonly cfg: IstioTrafficRouting;
  private readonly managedRoutes: string[];

  constructor(private readonly ro: Readonly<Rollout>, private readonly client: KubeClient, private readonly version: IstioAPIVersion = 'v1alpha3') {
    this.cfg = ro.spec.strategy.canary?.trafficRouting?.istio ?? {};
    this.managedRoutes = (ro.spec.strategy.canary?.trafficRouting?.managedRoutes ?? []).map((r) => r.name);
  }

  private get namespace(): string { return this.ro.metadata.namespace ?? ''; }

  private get virtualServices(): IstioVirtualService[] {
    return this.cfg.virtualServices ?? (this.cfg.virtualService !== undefined ? [this.cfg.virtualService] : []);
  }

  private get targets(): IstioTargets {
    const dr = this.cfg.destinationRule;
    const subsets = dr === undefined ? undefined : { canary: dr.canarySubsetName, stable: dr.stableSubsetName, additional: dr.additionalSubsetNames ?? [] };
    return { services: servicesOf(this.ro), ...(subsets !== undefined ? { subsets } : {}) };
  }

  private source(object: string): { rollout: string; router: string; object: string } {
    return { rollout: rolloutKeyOf(this.ro), router: this.type, object };
  }

  // Reads, plans and writes one VirtualService; a plan failure becomes a RouterError naming it.
  private updateVirtualService(ref: IstioVirtualService, plan: (vs: Readonly<VirtualService>) => IstioRouteResult, signal: AbortSignal): Promise<boolean> {
    const { namespace, name } = virtualServiceRef(ref.name, this.namespace);
    const source = this.source(`VirtualService "${name}"`);
    return applyUpdate<VirtualService>({
      client: this.client, type: TR.virtualServices(this.version), namespace, name, onReadError: (e) => rethrowNotFound(e, source, namespace),
    }, (vs) => {
      const r = plan(vs);
      if (!r.ok) throw new RouterError(source, `VirtualService "${name}": ${r.reason}`);
      return r.vs;
    }, signal);
  }

  async setWeight(d: WeightUpdate, signal: AbortSignal): Promise<void> {
    await this.updateDestinationRule(d, signal);
    const maxWeight = maxWeightOf(this.ro);
    for (const ref of this.virtualServices) {
      await this.updateVirtualService(ref, (vs) => planVirtualServiceWeights(vs, {
        ref, targets: this.targets, weight: d.weight, maxWeight, additional: d.additional, managedRoutes: this.managedRoutes,
      }), signal);
    }
  }

  private async updateDestinationRule(d: WeightUpdate, signal: AbortSignal): Promise<void> {
    const dr = this.cfg.destinationRule;
    if (dr === undefined) return;
    const input = {
      rolloutName: this.ro.metadata.name ?? '', canarySubset: dr.canarySubsetName, stableSubset: dr.stableSubsetName,
      canaryHash: d.canaryHash, stableHash: d.stableHash, additional: d.additional,
    };
    await applyUpdate<DestinationRule>({
      client: this.client, type: TR.destinationRules(this.version), namespace: this.namespace, name: dr.name,
      onReadError: (e) => rethrowNotFound(e, this.source(`DestinationRule "${dr.name}"`), this.namespace),
    }, (current) => planDestinationRule(current, input), signal);
  }

  // Header and mirror routes go to the canary Service, or with subsets to the DestinationRule's host.
  private async canaryTarget(signal: AbortSignal): Promise<IstioCanaryTarget> {
    const dr = this.cfg.destinationRule;
    if (dr === undefined) return { host: servicesOf(this.ro).canary, subset: '' };
    signal.throwIfAborted();
    try {
      const rule = await this.client.get<DestinationRule>(TR.destinationRules(this.version), this.namespace, dr.name);
      return { host: rule.spec?.host ?? '', subset: dr.canarySubsetName };
    } catch (e) {
      return rethrowNotFound(e, this.source(`DestinationRule "${dr.name}"`), this.namespace);
    }
  }

  async setHeaderRoute(route: HeaderRoute, signal: AbortSignal): Promise<void> {
    const target = await this.canaryTarget(signal);
    for (const ref of this.virtualServices) {
      await this.updateVirtualService(ref, (vs) => planIstioHeaderRoute(vs, ref, route, target, this.managedRoutes), signal);
    }
  }

  async setMirrorRoute(route: MirrorRoute, signal: AbortSignal): Promise<void> {
    const target = await this.canaryTarget(signal);
    for (const ref of this.virtualServices) {
      await this.updateVirtualService(ref, (vs) => planIstioMirrorRoute(vs, ref, route, target, this.managedRoutes), signal);
    }
  }

  /** Removes managed routes and the routes of the Rollout's header/mirror steps; a missing VirtualService is skipped. */
  async removeManagedRoutes(signal: AbortSignal): Promise<void> {
    const names = new Set(this.managedRoutes);
    for (const s of this.ro.spec.strategy.canary?.steps ?? []) {
      if (s.setHeaderRoute?.name !== undefined) names.add(s.setHeaderRoute.name);
      if (s.setMirrorRoute !== undefined) names.add(s.setMirrorRoute.name);
    }
    for (const ref of this.virtualServices) {
      try {
        await this.updateVirtualService(ref, (vs) => ({ ok: true, vs: planIstioRemoveManagedRoutes(vs, names) }), signal);
      } catch (e) {
        if (!(e instanceof RouterError && isApiError(e.cause, 'NotFound'))) throw e;
      }
    }
  }

  /** Istio reports no per-route weights back; as in Argo there is nothing to verify against. */
  verifyWeight(): Promise<'unsupported'> { return Promise.resolve('unsupported'); }

  /** The canary weight all VirtualServices agree on; undefined when they disagree or do not fit. */
  async currentWeight(signal: AbortSignal): Promise<number | undefined> {
    const weights = new Set<number | undefined>();
    for (const ref of this.virtualServices) {
      const { namespace, name } = virtualServiceRef(ref.name, this.namespace);
      signal.throwIfAborted();
      const vs = await this.client.get<VirtualService>(TR.virtualServices(this.version), namespace, name)
        .catch((e: unknown) => rethrowNotFound(e, this.source(`VirtualService "${name}"`), namespace));
      weights.add(computeVirtualServiceWeight(vs, { ref, targets: this.targets, maxWeight: maxWeightOf(this.ro), managedRoutes: this.managedRoutes }));
    }
    const [only] = [...weights];
    return weights.size === 1 ? only : undefined;
  }
}
