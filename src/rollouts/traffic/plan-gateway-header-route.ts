// Header routes on HTTPRoutes/GRPCRoutes (the argoproj-labs/gatewayAPI plugin's setHTTPHeaderRoute): for every rule
// that splits canary/stable traffic, one rule named after the managed route (`<name>`, then `<name>-1`, …) with the
// same matches plus the step's header matches, the same filters, and a single backendRef to the canary Service.
// More header matches make these rules more specific, so the Gateway prefers them whatever their position.
import type { StringMatch } from '../../api/rollouts-v1alpha1.js';
import { deepEqual } from '../../lib/deep-equal.js';
import {
  type GatewayHeaderMatch, type GatewayRoute, type GatewayRouteKind, type GatewayRouteRule, isManagedRuleName, routeLabel,
} from './gateway-route.js';
import { isWeightedRule } from './plan-gateway-weights.js';
import type { RolloutServices } from './plan-rollout-targets.js';
import type { HeaderRoute } from './router.js';

/** The route to write (undefined: nothing changes), or why the header route cannot be installed. */
export type GatewayRouteResult = { ok: true; route: GatewayRoute | undefined } | { ok: false; reason: string };

/**
 * A step's header match in Gateway API terms: exact → `Exact`; prefix `abc` → `RegularExpression` `abc.*`;
 * regex → `RegularExpression`. Undefined when the match has no value.
 */
export function gatewayHeaderMatchOf(headerName: string, value: Readonly<StringMatch> | undefined): GatewayHeaderMatch | undefined {
  if ((value?.exact ?? '') !== '') return { name: headerName, type: 'Exact', value: value?.exact ?? '' };
  if ((value?.prefix ?? '') !== '') return { name: headerName, type: 'RegularExpression', value: `${value?.prefix ?? ''}.*` };
  if ((value?.regex ?? '') !== '') return { name: headerName, type: 'RegularExpression', value: value?.regex ?? '' };
  return undefined;
}

/** True when the rule is a header rule for these header names (a single canary backendRef and a match with them all). */
export function isHeaderRuleFor(rule: Readonly<GatewayRouteRule>, canary: string, headerNames: readonly string[]): boolean {
  const refs = rule.backendRefs ?? [];
  if (refs.length !== 1 || refs[0]?.name !== canary || headerNames.length === 0) return false;
  return (rule.matches ?? []).some((m) => headerNames.every((h) => (m.headers ?? []).some((x) => x.name === h)));
}

/**
 * Installs (replacing an earlier version) or, when `header.match` is empty, removes the header route
 * `header.name`. Rules are recognised by name and, for servers that dropped the rule name, by shape.
 */
export function planGatewayHeaderRoute(route: Readonly<GatewayRoute>, kind: GatewayRouteKind, services: RolloutServices,
  header: HeaderRoute, managedNames: ReadonlySet<string>): GatewayRouteResult {
  const name = header.name ?? '';
  const matches: GatewayHeaderMatch[] = [];
  for (const m of header.match ?? []) {
    const hm = gatewayHeaderMatchOf(m.headerName, m.headerValue);
    if (hm === undefined) return { ok: false, reason: `header route "${name}": header "${m.headerName}" needs an exact, prefix or regex value` };
    matches.push(hm);
  }
  const rules = route.spec.rules ?? [];
  const own = new Set([name]);
  const headerNames = matches.map((m) => m.name);
  const kept = rules.filter((r) => !isManagedRuleName(r.name, own) && !isHeaderRuleFor(r, services.canary, headerNames));
  if (matches.length === 0) return changed(route, rules, kept);
  const sources = kept.filter((r) => isWeightedRule(r, services, managedNames));
  if (sources.length === 0) {
    return { ok: false, reason: `${routeLabel(kind, route.metadata.name ?? '')} has no rule with backendRefs to both service "${services.canary}" and service "${services.stable}"` };
  }
  const added = sources.map((src, i) => headerRule(src, i === 0 ? name : `${name}-${i}`, services.canary, matches));
  return changed(route, rules, [...kept, ...added]);
}

function headerRule(src: Readonly<GatewayRouteRule>, name: string, canary: string, headers: readonly GatewayHeaderMatch[]): GatewayRouteRule {
  const canaryRef = (src.backendRefs ?? []).find((r) => r.name === canary);
  const srcMatches = src.matches ?? [];
  const matches = srcMatches.length === 0 ? [{ headers: [...headers] }]
    : srcMatches.map((m) => ({ ...structuredClone(m), headers: [...(m.headers ?? []), ...headers] }));
  return {
    name,
    matches,
    filters: structuredClone(src.filters ?? []),
    backendRefs: [{ group: '', kind: 'Service', name: canary, ...(canaryRef?.port !== undefined ? { port: canaryRef.port } : {}) }],
  };
}

/**
 * Removes every rule the router added for the Rollout's managed routes: by name, or (unnamed) by shape for the
 * header names of the Rollout's `setHeaderRoute` steps. Undefined when there is none.
 */
export function planGatewayRemoveManagedRoutes(route: Readonly<GatewayRoute>, canary: string, managedNames: ReadonlySet<string>,
  stepHeaderNames: readonly (readonly string[])[]): GatewayRoute | undefined {
  const rules = route.spec.rules ?? [];
  const kept = rules.filter((r) => !isManagedRuleName(r.name, managedNames) && !stepHeaderNames.some((h) => isHeaderRuleFor(r, canary, h)));
  const result = changed(route, rules, kept);
  return result.ok ? result.route : undefined;
}

function changed(route: Readonly<GatewayRoute>, before: readonly GatewayRouteRule[], after: GatewayRouteRule[]): GatewayRouteResult {
  if (deepEqual(before, after)) return { ok: true, route: undefined };
  return { ok: true, route: { ...route, spec: { ...route.spec, rules: after } } };
}
