// Weights on a Gateway API route (the argoproj-labs/gatewayAPI plugin's setHTTPRouteWeight & co.): in every rule
// that has backendRefs to both the canary and the stable Service, canary gets `weight` and stable the rest of
// maxTrafficWeight; experiment services are added, re-weighted and removed again; the in-progress label follows.
import type { WeightDestination } from '../../api/rollouts-status.js';
import { deepEqual } from '../../lib/deep-equal.js';
import {
  type GatewayBackendRef, type GatewayRoute, type GatewayRouteKind, type GatewayRouteRule, isManagedRuleName, routeLabel, splitsBetween,
} from './gateway-route.js';
import type { RolloutServices } from './plan-rollout-targets.js';

/** Everything the weight plan needs besides the route. */
export interface GatewayWeightInput {
  readonly kind: GatewayRouteKind;
  readonly services: RolloutServices;
  readonly maxWeight: number;
  readonly weight: number;
  /** See stableWeightOf: maxWeight − weight − Σ additional, ≥ 0. */
  readonly stableWeight: number;
  readonly additional: readonly WeightDestination[];
  /** Experiment services set on the route before (status.canary.weights.additional); dropped when no longer listed. */
  readonly previousAdditional: readonly string[];
  readonly managedNames: ReadonlySet<string>;
  readonly inProgressLabel?: { readonly key: string; readonly value: string };
}

/** The route to write (undefined: it already carries these weights), or why it cannot be weighted. */
export type GatewayWeightResult = { ok: true; route: GatewayRoute | undefined } | { ok: false; reason: string };

/**
 * Rules the router added for header routes, and rules with a single backendRef to the canary (a canary-only path
 * the user wrote, or a header rule from an older plugin), are never weighted: weight 0 there would mean HTTP 500.
 */
export function isWeightedRule(rule: Readonly<GatewayRouteRule>, services: RolloutServices, managedNames: ReadonlySet<string>): boolean {
  if (isManagedRuleName(rule.name, managedNames)) return false;
  return splitsBetween(rule, services.canary, services.stable);
}

/**
 * Sets the weights. Example (maxWeight 100, weight 20, one experiment service `exp` at 10): canary 20, exp 10
 * (appended with the canary's port when missing), stable 70.
 */
export function planGatewayRouteWeights(route: Readonly<GatewayRoute>, input: GatewayWeightInput): GatewayWeightResult {
  const rules = route.spec.rules ?? [];
  const { canary, stable } = input.services;
  if (!rules.some((r) => isWeightedRule(r, input.services, input.managedNames))) {
    return { ok: false, reason: `${routeLabel(input.kind, route.metadata.name ?? '')} has no rule with backendRefs to both service "${canary}" and service "${stable}"` };
  }
  const nextRules = rules.map((r) => (isWeightedRule(r, input.services, input.managedNames) ? weightedRule(r, input) : r));
  const labels = nextLabels(route.metadata.labels, input);
  if (deepEqual(nextRules, rules) && deepEqual(labels, route.metadata.labels ?? {})) return { ok: true, route: undefined };
  return { ok: true, route: { ...route, metadata: { ...route.metadata, labels }, spec: { ...route.spec, rules: nextRules } } };
}

function weightedRule(rule: Readonly<GatewayRouteRule>, input: GatewayWeightInput): GatewayRouteRule {
  const { canary, stable } = input.services;
  const extra = new Map(input.additional.filter((d) => (d.serviceName ?? '') !== '').map((d) => [d.serviceName ?? '', d.weight]));
  const stale = new Set(input.previousAdditional.filter((name) => !extra.has(name) && name !== canary && name !== stable));
  const refs: GatewayBackendRef[] = [];
  for (const ref of rule.backendRefs ?? []) {
    if (stale.has(ref.name)) continue;
    const weight = ref.name === canary ? input.weight : ref.name === stable ? input.stableWeight : extra.get(ref.name);
    refs.push(weight === undefined ? ref : { ...ref, weight });
  }
  const canaryRef = refs.find((r) => r.name === canary);
  for (const [name, weight] of extra) {
    if (refs.some((r) => r.name === name)) continue;
    refs.push({ name, ...(canaryRef?.port !== undefined ? { port: canaryRef.port } : {}), weight });
  }
  return { ...rule, backendRefs: refs };
}

function nextLabels(labels: Readonly<Record<string, string>> | undefined, input: GatewayWeightInput): Record<string, string> {
  const out = { ...labels };
  const label = input.inProgressLabel;
  if (label === undefined) return out;
  if (input.weight > 0) out[label.key] = label.value;
  else delete out[label.key];
  return out;
}

/**
 * The canary's share of the weighted rules, scaled to maxWeight: canary 20 / stable 80 → 20 (of 100); backendRefs
 * without weights (1 each) → 50. Undefined when the route has no weighted rule or its rules disagree.
 */
export function computeRouteCanaryWeight(route: Readonly<GatewayRoute>, services: RolloutServices, managedNames: ReadonlySet<string>,
  maxWeight: number): number | undefined {
  const shares = new Set<number>();
  for (const rule of route.spec.rules ?? []) {
    if (!isWeightedRule(rule, services, managedNames)) continue;
    const refs = rule.backendRefs ?? [];
    const total = refs.reduce((sum, r) => sum + (r.weight ?? 1), 0);
    const canaryWeight = refs.filter((r) => r.name === services.canary).reduce((sum, r) => sum + (r.weight ?? 1), 0);
    shares.add(total === 0 ? 0 : Math.round((canaryWeight * maxWeight) / total));
  }
  const [only] = [...shares];
  return shares.size === 1 ? only : undefined;
}

/**
 * True when every gateway that reports on the route (status.parents) has Accepted it at its current generation.
 * A route nobody reports on counts as accepted (there is nothing to wait for).
 */
export function isRouteAccepted(route: Readonly<GatewayRoute>): boolean {
  const generation = route.metadata.generation ?? 0;
  return (route.status?.parents ?? []).every((p) => {
    const accepted = (p.conditions ?? []).find((c) => c.type === 'Accepted');
    return accepted === undefined || (accepted.status === 'True' && (accepted.observedGeneration ?? generation) >= generation);
  });
}
