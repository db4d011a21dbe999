// The ingress-nginx router: one canary Ingress per stable Ingress, weighted with the `canary-weight` annotation.
// ingress-nginx has no header/mirror routes a router could install: header canaries are configured with
// `additionalIngressAnnotations: {canary-by-header: X-Canary}` (plus `canary-by-header-value`/`-pattern`), which
// this router writes onto the canary Ingress with the prefix, and which ingress-nginx evaluates before the weight.
import { isApiError } from '../../api/api-error.js';
import type { KubeObject } from '../../api/meta.js';
import type { Ingress } from '../../api/networking-v1.js';
import { R } from '../../api/resources.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import type { KubeClient } from '../../control/client.js';
import { ingressSpecFromV1beta1, type IngressSpecV1beta1 } from './plan-nginx-legacy-ingress.js';
import {
  NGINX_ANNOTATION_PREFIX, canaryIngressName, planCanaryIngressWrite, planDesiredCanaryIngress, stableIngressNamesOf,
} from './plan-nginx-canary-ingress.js';
import { rolloutKeyOf } from './plan-rollout-targets.js';
import { RouterError, rethrowNotFound } from './router-error.js';
import type { TrafficRouter, WeightUpdate } from './router.js';
import { TR } from './traffic-resources.js';

interface LegacyIngress extends KubeObject { spec?: IngressSpecV1beta1 }

/** Argo's `Nginx` router (`trafficRouting.nginx`). */
export class NginxRouter implements TrafficRouter {
  readonly type = 'Nginx';

  constructor(private readonly ro: Readonly<Rollout>, private readonly client: KubeClient) {}

  private get namespace(): string { return this.ro.metadata.namespace ?? ''; }

  private get stableNames(): string[] {
    const names = stableIngressNamesOf(this.ro.spec.strategy.canary?.trafficRouting?.nginx ?? {});
    if (names.length === 0) throw this.error('Rollout', 'trafficRouting.nginx names no stableIngress or stableIngresses');
    return names;
  }

  private error(object: string, message: string, cause?: unknown): RouterError {
    return new RouterError({ rollout: rolloutKeyOf(this.ro), router: this.type, object }, message, cause === undefined ? undefined : { cause });
  }

  async setWeight(d: WeightUpdate, signal: AbortSignal): Promise<void> {
    for (const name of this.stableNames) await this.setIngressWeight(name, d.weight, signal);
  }

  private async setIngressWeight(stableName: string, weight: number, signal: AbortSignal): Promise<void> {
    const stable = await this.readStableIngress(stableName, signal);
    const desired = planDesiredCanaryIngress(this.ro, stable, weight);
    if (!desired.ok) throw this.error(`Ingress "${stableName}"`, desired.reason);
    let existing = await this.readCanaryIngress(desired.ingress.metadata.name ?? '', signal);
    let write = planCanaryIngressWrite(this.ro, existing, desired.ingress);
    if (write.op === 'create') {
      signal.throwIfAborted();
      try {
        await this.client.create(R.ingresses, write.ingress);
        return;
      } catch (e) {
        if (!isApiError(e, 'AlreadyExists')) throw e;
      }
      // Created by someone else between our read and our create: continue as if it had been there.
      existing = await this.readCanaryIngress(desired.ingress.metadata.name ?? '', signal);
      write = planCanaryIngressWrite(this.ro, existing, desired.ingress);
    }
    if (write.op === 'notOwned') throw this.error(`Ingress "${desired.ingress.metadata.name ?? ''}"`, write.reason);
    if (write.op !== 'patch') return;
    signal.throwIfAborted();
    await this.client.patch(R.ingresses, this.namespace, desired.ingress.metadata.name ?? '', 'merge', write.patch);
  }

  // networking.k8s.io/v1 first; a server without it (or without the object there) is asked for extensions/v1beta1.
  private async readStableIngress(name: string, signal: AbortSignal): Promise<Ingress> {
    signal.throwIfAborted();
    try {
      return await this.client.get<Ingress>(R.ingresses, this.namespace, name);
    } catch (e) {
      if (!isApiError(e, 'NotFound')) throw e;
    }
    signal.throwIfAborted();
    try {
      const legacy = await this.client.get<LegacyIngress>(TR.legacyIngresses, this.namespace, name);
      return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: legacy.metadata, spec: ingressSpecFromV1beta1(legacy.spec ?? {}) };
    } catch (e) {
      return rethrowNotFound(e, { rollout: rolloutKeyOf(this.ro), router: this.type, object: `Ingress "${name}"` }, this.namespace);
    }
  }

  private async readCanaryIngress(name: string, signal: AbortSignal): Promise<Ingress | undefined> {
    signal.throwIfAborted();
    try {
      return await this.client.get<Ingress>(R.ingresses, this.namespace, name);
    } catch (e) {
      if (isApiError(e, 'NotFound')) return undefined;
      throw e;
    }
  }

  setHeaderRoute(): Promise<'unsupported'> { return Promise.resolve('unsupported'); }
  setMirrorRoute(): Promise<'unsupported'> { return Promise.resolve('unsupported'); }
  /** The canary Ingress stays (at weight 0) after promotion, as in Argo; there are no managed routes to remove. */
  removeManagedRoutes(): Promise<void> { return Promise.resolve(); }
  verifyWeight(): Promise<'unsupported'> { return Promise.resolve('unsupported'); }

  /** `canary-weight` of the canary Ingresses (0 where one does not exist yet); undefined when they disagree. */
  async currentWeight(signal: AbortSignal): Promise<number | undefined> {
    const prefix = this.ro.spec.strategy.canary?.trafficRouting?.nginx?.annotationPrefix ?? NGINX_ANNOTATION_PREFIX;
    const weights = new Set<number>();
    for (const stableName of this.stableNames) {
      const canary = await this.readCanaryIngress(canaryIngressName(this.ro.metadata.name ?? '', stableName), signal);
      const raw = canary?.metadata.annotations?.[`${prefix}/canary-weight`];
      weights.add(canary === undefined ? 0 : Number(raw ?? 'NaN'));
    }
    const [only] = [...weights];
    return weights.size === 1 && only !== undefined && Number.isFinite(only) ? only : undefined;
  }
}
