// The SMI router: one TrafficSplit per Rollout, created and owned by it, its backends weighted on every setWeight.
// SMI has no header or mirror routes and reports nothing back to verify.
import { isApiError } from '../../api/api-error.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import type { KubeClient } from '../../control/client.js';
import { rolloutKeyOf, servicesOf } from './plan-rollout-targets.js';
import {
  type TrafficSplit, computeTrafficSplitWeight, planDesiredTrafficSplit, planTrafficSplitWrite, trafficSplitNameOf,
} from './plan-smi-traffic-split.js';
import { RouterError } from './router-error.js';
import type { TrafficRouter, WeightUpdate } from './router.js';
import { type SMIAPIVersion, TR } from './traffic-resources.js';

/** Argo's `SMI` router (`trafficRouting.smi`). */
export class SMIRouter implements TrafficRouter {
  readonly type = 'SMI';

  constructor(private readonly ro: Readonly<Rollout>, private readonly client: KubeClient, private readonly version: SMIAPIVersion = 'v1alpha1') {}

  private get namespace(): string { return this.ro.metadata.namespace ?? ''; }

  async setWeight(d: WeightUpdate, signal: AbortSignal): Promise<void> {
    const desired = planDesiredTrafficSplit(this.ro, this.version, d.weight, d.additional);
    let write = planTrafficSplitWrite(this.ro, await this.read(signal), desired);
    if (write.op === 'create') {
      signal.throwIfAborted();
      try {
        await this.client.create(TR.trafficSplits(this.version), write.split);
        return;
      } catch (e) {
        if (!isApiError(e, 'AlreadyExists')) throw e;
      }
      write = planTrafficSplitWrite(this.ro, await this.read(signal), desired);
    }
    if (write.op === 'notOwned') {
      throw new RouterError({ rollout: rolloutKeyOf(this.ro), router: this.type, object: `TrafficSplit "${trafficSplitNameOf(this.ro)}"` }, write.reason);
    }
    if (write.op !== 'patch') return;
    signal.throwIfAborted();
    await this.client.patch(TR.trafficSplits(this.version), this.namespace, trafficSplitNameOf(this.ro), 'merge', write.patch);
  }

  private async read(signal: AbortSignal): Promise<TrafficSplit | undefined> {
    signal.throwIfAborted();
    try {
      return await this.client.get<TrafficSplit>(TR.trafficSplits(this.version), this.namespace, trafficSplitNameOf(this.ro));
    } catch (e) {
      if (isApiError(e, 'NotFound')) return undefined;
      throw e;
    }
  }

  setHeaderRoute(): Promise<'unsupported'> { return Promise.resolve('unsupported'); }
  setMirrorRoute(): Promise<'unsupported'> { return Promise.resolve('unsupported'); }
  removeManagedRoutes(): Promise<void> { return Promise.resolve(); }
  verifyWeight(): Promise<'unsupported'> { return Promise.resolve('unsupported'); }

  /** The canary backend's weight; 0 while the TrafficSplit does not exist yet. */
  async currentWeight(signal: AbortSignal): Promise<number | undefined> {
    const split = await this.read(signal);
    return split === undefined ? 0 : computeTrafficSplitWeight(split, servicesOf(this.ro).canary);
  }
}
