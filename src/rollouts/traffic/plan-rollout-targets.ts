// What every router reads off the Rollout: its services (ping-pong aware), the weight total, the stable's share,
// and the owner reference that makes router-created objects garbage-collected with the Rollout.
import type { ObjectMeta, OwnerReference } from '../../api/meta.js';
import { ROLLOUT_DEFAULTS } from '../../api/rollouts-constants.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import type { WeightDestination } from '../../api/rollouts-status.js';

/** The stable and canary Service names a router splits traffic between. */
export interface RolloutServices { readonly stable: string; readonly canary: string }

/**
 * `stableService`/`canaryService`; with ping-pong and neither set, the ping/pong pair ordered by
 * `status.canary.stablePingPong` (`ping` ⇒ stable is the ping service), as Argo's GetStableAndCanaryServices does.
 */
export function servicesOf(ro: Readonly<Rollout>): RolloutServices {
  const c = ro.spec.strategy.canary;
  const stable = c?.stableService ?? '';
  const canary = c?.canaryService ?? '';
  if (c?.pingPong !== undefined && stable === '' && canary === '') {
    const ping = ro.status?.canary?.stablePingPong === 'ping';
    return ping ? { stable: c.pingPong.pingService, canary: c.pingPong.pongService } : { stable: c.pingPong.pongService, canary: c.pingPong.pingService };
  }
  return { stable, canary };
}

/** `trafficRouting.maxTrafficWeight`, default 100. */
export function maxWeightOf(ro: Readonly<Rollout>): number {
  return ro.spec.strategy.canary?.trafficRouting?.maxTrafficWeight ?? ROLLOUT_DEFAULTS.maxTrafficWeight;
}

/**
 * The stable's weight: what is left of `maxWeight` after the canary and the additional destinations, never below 0.
 * maxWeight 100, canary 20, one experiment service at 10 → 70; canary 100 plus 10 → 0.
 */
export function stableWeightOf(maxWeight: number, canaryWeight: number, additional: readonly WeightDestination[]): number {
  const rest = maxWeight - canaryWeight - additional.reduce((sum, d) => sum + d.weight, 0);
  return Math.max(0, rest);
}

/** The controller owner reference to the Rollout (metav1.NewControllerRef). */
export function rolloutOwnerRef(ro: Readonly<Rollout>): OwnerReference {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: ro.metadata.name ?? '', uid: ro.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/** True when `meta`'s controller owner reference is the Rollout (metav1.IsControlledBy: same uid). */
export function isControlledBy(meta: Readonly<ObjectMeta>, ro: Readonly<Rollout>): boolean {
  const ref = meta.ownerReferences?.find((r) => r.controller === true);
  return ref !== undefined && ref.uid === (ro.metadata.uid ?? '');
}

/** `namespace/name` of the Rollout, for error sources. */
export function rolloutKeyOf(ro: Readonly<Rollout>): string {
  return `${ro.metadata.namespace ?? ''}/${ro.metadata.name ?? ''}`;
}
