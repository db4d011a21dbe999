// The port every traffic router implements (style.md pair 9): a small interface, one implementation per
// mesh/ingress, and one contract suite (test/traffic/traffic-router-contract.ts) that every implementation passes.
import type { CanaryStep } from '../../api/rollouts-v1alpha1.js';
import type { WeightDestination } from '../../api/rollouts-status.js';

/**
 * One `setTrafficWeight` action: `weight` (0..maxTrafficWeight) goes to the canary, each `additional` destination
 * (experiment services) gets its own weight, and the stable gets the rest (see `stableWeightOf`).
 */
export interface WeightUpdate {
  readonly weight: number;
  readonly canaryHash: string;
  readonly stableHash: string;
  readonly additional: readonly WeightDestination[];
}

/** A `setHeaderRoute` step: `match` absent or empty removes the route named `name`. */
export type HeaderRoute = Readonly<NonNullable<CanaryStep['setHeaderRoute']>>;

/** A `setMirrorRoute` step: `match` absent removes the route named `name`. */
export type MirrorRoute = Readonly<NonNullable<CanaryStep['setMirrorRoute']>>;

/**
 * A traffic router for one Rollout. Every write is idempotent: when the object already says what is asked, nothing
 * is written. Failures are `RouterError` (configuration: a missing or mismatching object) or `ApiError` (the API).
 * `signal` is checked before every request.
 */
export interface TrafficRouter {
  /** Argo's router type name: `Nginx`, `Istio`, `SMI`, `GatewayAPI`. */
  readonly type: string;
  /** Moves `d.weight` to the canary (and records the canary/stable hashes where the router uses them). */
  setWeight(d: WeightUpdate, signal: AbortSignal): Promise<void>;
  /** Installs (or, without matches, removes) a header route; 'unsupported' when the router has none. */
  setHeaderRoute(route: HeaderRoute, signal: AbortSignal): Promise<void | 'unsupported'>;
  /** Installs (or, without matches, removes) a mirror route; 'unsupported' when the router has none. */
  setMirrorRoute(route: MirrorRoute, signal: AbortSignal): Promise<void | 'unsupported'>;
  /** Removes every header/mirror route this Rollout manages. Idempotent; a missing object is not an error. */
  removeManagedRoutes(signal: AbortSignal): Promise<void>;
  /** True when the traffic provider reports `weight` in effect; 'unsupported' when it cannot tell. */
  verifyWeight(weight: number, signal: AbortSignal): Promise<boolean | 'unsupported'>;
  /** The canary weight the router's objects carry now; undefined when they disagree or cannot be read. */
  currentWeight?(signal: AbortSignal): Promise<number | undefined>;
}
