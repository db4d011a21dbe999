import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanaryStrategy } from '../../api/rollouts-v1alpha1.js';
import type { GatewayRoute, GatewayRouteRule } from './gateway-route.js';
import { isManagedRuleName } from './gateway-route.js';
import { IN_PROGRESS_LABEL, computeGatewayConfig } from './plan-gateway-config.js';
import { gatewayHeaderMatchOf, planGatewayHeaderRoute, planGatewayRemoveManagedRoutes } from './plan-gateway-header-route.js';
import { type GatewayWeightInput, computeRouteCanaryWeight, isRouteAccepted, planGatewayRouteWeights } from './plan-gateway-weights.js';
import { rollout } from './_fixtures.js';

const S = { stable: 'stable', canary: 'canary' };
const ref = (name: string, weight?: number, port = 80) => ({ name, port, ...(weight !== undefined ? { weight } : {}) });
const route = (rules: GatewayRouteRule[], labels?: Record<string, string>): GatewayRoute => ({
  apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r', namespace: 'default', ...(labels ? { labels } : {}) },
  spec: { parentRefs: [{ name: 'gw' }], rules },
});
const input = (o: Partial<GatewayWeightInput> = {}): GatewayWeightInput => ({
  kind: 'http', services: S, maxWeight: 100, weight: 20, stableWeight: 80, additional: [], previousAdditional: [],
  managedNames: new Set(['hdr']), inProgressLabel: IN_PROGRESS_LABEL, ...o,
});
const weighted = (r: GatewayRoute, o: Partial<GatewayWeightInput> = {}): GatewayRoute | undefined => {
  const res = planGatewayRouteWeights(r, input(o));
  assert.ok(res.ok, res.ok ? '' : res.reason);
  return res.route;
};
const LABEL = { [IN_PROGRESS_LABEL.key]: IN_PROGRESS_LABEL.value };

test('computeGatewayConfig(): plugin config and first-class field, lists first then the single route, plugin defaults', () => {
  const plugin = rollout({ trafficRouting: { plugins: { 'argoproj-labs/gatewayAPI': { httpRoute: 'one', httpRoutes: [{ name: 'a', useHeaderRoutes: true }, { name: 'b' }], tcpRoute: 't', httpRouteSelector: { matchLabels: { app: 'x' } } } } } });
  assert.deepEqual(computeGatewayConfig(plugin), {
    namespace: 'default',
    routes: [{ kind: 'http', name: 'a', useHeaderRoutes: true }, { kind: 'http', name: 'b', useHeaderRoutes: false }, { kind: 'http', name: 'one', useHeaderRoutes: true }, { kind: 'tcp', name: 't', useHeaderRoutes: true }],
    selectors: [{ kind: 'http', selector: { matchLabels: { app: 'x' } } }],
    inProgressLabel: IN_PROGRESS_LABEL,
  });
  const own: Partial<CanaryStrategy> = { trafficRouting: { gatewayAPI: { grpcRoute: 'g', namespace: 'edge' }, plugins: { 'argoproj-labs/gatewayAPI': { httpRoute: 'ignored' } } } };
  assert.deepEqual(computeGatewayConfig(rollout(own))?.routes, [{ kind: 'grpc', name: 'g', useHeaderRoutes: true }]);
  assert.equal(computeGatewayConfig(rollout(own))?.namespace, 'edge');
  const noLabel = rollout({ trafficRouting: { plugins: { 'argoproj-labs/gatewayAPI': { httpRoute: 'r', disableInProgressLabel: true } } } });
  assert.equal(computeGatewayConfig(noLabel)?.inProgressLabel, undefined);
  const custom = rollout({ trafficRouting: { plugins: { 'argoproj-labs/gatewayAPI': { httpRoute: 'r', inProgressLabelKey: 'k', inProgressLabelValue: 'v' } } } });
  assert.deepEqual(computeGatewayConfig(custom)?.inProgressLabel, { key: 'k', value: 'v' });
  assert.equal(computeGatewayConfig(rollout({ trafficRouting: { nginx: { stableIngress: 'i' } } })), undefined);
});

test('isManagedRuleName(): the managed name and its -<n> copies, nothing else', () => {
  const names = new Set(['canary-route1']);
  assert.equal(isManagedRuleName('canary-route1', names), true);
  assert.equal(isManagedRuleName('canary-route1-1', names), true);
  assert.equal(isManagedRuleName('canary-route1-x', names), false);
  assert.equal(isManagedRuleName('canary-route', names), false);
  assert.equal(isManagedRuleName(undefined, names), false);
});

// [name, rules before, input, rules after (undefined: unchanged), labels after]
const weightRows: [string, GatewayRouteRule[], Partial<GatewayWeightInput>, GatewayRouteRule[] | undefined, Record<string, string>][] = [
  ['canary 20, stable 80 (Gateway API weights are relative: their sum is maxWeight)', [{ backendRefs: [ref('stable'), ref('canary')] }], {},
    [{ backendRefs: [ref('stable', 80), ref('canary', 20)] }], LABEL],
  ['weight 0 removes the in-progress label', [{ backendRefs: [ref('stable', 80), ref('canary', 20)] }], { weight: 0, stableWeight: 100 },
    [{ backendRefs: [ref('stable', 100), ref('canary', 0)] }], {}],
  ['maxWeight 1000: canary 250, stable 750', [{ backendRefs: [ref('stable'), ref('canary')] }], { maxWeight: 1000, weight: 250, stableWeight: 750 },
    [{ backendRefs: [ref('stable', 750), ref('canary', 250)] }], LABEL],
  ['managed header rules, canary-only rules and rules of other services are left alone', [
    { backendRefs: [ref('stable'), ref('canary')] },
    { name: 'hdr', matches: [{ headers: [{ name: 'x', value: 'y' }] }], backendRefs: [ref('canary')] },
    { matches: [{ path: { type: 'PathPrefix', value: '/preview' } }], backendRefs: [ref('canary')] },
    { backendRefs: [ref('stable')] },
    { backendRefs: [ref('other', 3)] },
  ], {}, [
    { backendRefs: [ref('stable', 80), ref('canary', 20)] },
    { name: 'hdr', matches: [{ headers: [{ name: 'x', value: 'y' }] }], backendRefs: [ref('canary')] },
    { matches: [{ path: { type: 'PathPrefix', value: '/preview' } }], backendRefs: [ref('canary')] },
    { backendRefs: [ref('stable')] },
    { backendRefs: [ref('other', 3)] },
  ], LABEL],
  ['an experiment service is re-weighted or appended with the canary port; stable 70',
    [{ backendRefs: [ref('stable'), ref('canary', 0, 8080)] }], { stableWeight: 70, additional: [{ serviceName: 'exp', weight: 10, podTemplateHash: 'h' }] },
    [{ backendRefs: [ref('stable', 70), ref('canary', 20, 8080), { name: 'exp', port: 8080, weight: 10 }] }], LABEL],
  ['an experiment service that ended is removed', [{ backendRefs: [ref('stable', 70), ref('canary', 20), ref('exp', 10)] }], { previousAdditional: ['exp'] },
    [{ backendRefs: [ref('stable', 80), ref('canary', 20)] }], LABEL],
];

for (const [name, rules, o, after, labels] of weightRows) {
  test(`planGatewayRouteWeights(): ${name}`, () => {
    const next = weighted(route(rules), o);
    assert.deepEqual(next?.spec.rules, after);
    assert.deepEqual(next?.metadata.labels, labels);
    assert.equal(weighted(next ?? route(rules), o), undefined, 'a second pass writes nothing');
  });
}

test('planGatewayRouteWeights(): a route without a rule to both services is an error naming it', () => {
  assert.deepEqual(planGatewayRouteWeights(route([{ backendRefs: [ref('stable')] }, { backendRefs: [ref('canary')] }]), input()),
    { ok: false, reason: 'HTTPRoute "r" has no rule with backendRefs to both service "canary" and service "stable"' });
});

test('computeRouteCanaryWeight(): the canary share scaled to maxWeight; isRouteAccepted() follows status.parents', () => {
  assert.equal(computeRouteCanaryWeight(route([{ backendRefs: [ref('stable', 80), ref('canary', 20)] }]), S, new Set(), 100), 20);
  assert.equal(computeRouteCanaryWeight(route([{ backendRefs: [ref('stable'), ref('canary')] }]), S, new Set(), 100), 50);
  assert.equal(computeRouteCanaryWeight(route([{ backendRefs: [ref('stable', 0), ref('canary', 0)] }]), S, new Set(), 100), 0);
  assert.equal(computeRouteCanaryWeight(route([{ backendRefs: [ref('stable', 1), ref('canary', 1)] }, { backendRefs: [ref('stable', 0), ref('canary', 1)] }]), S, new Set(), 100), undefined);
  const r = { ...route([]), metadata: { name: 'r', generation: 3 } };
  assert.equal(isRouteAccepted(r), true);
  assert.equal(isRouteAccepted({ ...r, status: { parents: [{ conditions: [{ type: 'Accepted', status: 'True', observedGeneration: 3 }] }] } }), true);
  assert.equal(isRouteAccepted({ ...r, status: { parents: [{ conditions: [{ type: 'Accepted', status: 'True', observedGeneration: 2 }] }] } }), false);
  assert.equal(isRouteAccepted({ ...r, status: { parents: [{ conditions: [{ type: 'Accepted', status: 'False', observedGeneration: 3 }] }] } }), false);
});

test('gatewayHeaderMatchOf(): exact → Exact, prefix → RegularExpression "<prefix>.*", regex → RegularExpression', () => {
  assert.deepEqual(gatewayHeaderMatchOf('X', { exact: 'v2' }), { name: 'X', type: 'Exact', value: 'v2' });
  assert.deepEqual(gatewayHeaderMatchOf('X', { prefix: 'v' }), { name: 'X', type: 'RegularExpression', value: 'v.*' });
  assert.deepEqual(gatewayHeaderMatchOf('X', { regex: 'v[0-9]' }), { name: 'X', type: 'RegularExpression', value: 'v[0-9]' });
  assert.equal(gatewayHeaderMatchOf('X', {}), undefined);
});

// The plugin's e2e test httproute-multi-rule-header, with its services renamed.
const multiRule = (): GatewayRoute => route([
  { backendRefs: [ref('stable', 70), ref('canary', 30)], matches: [{ path: { type: 'PathPrefix', value: '/v1/api' }, queryParams: [{ name: 'env', value: 'production' }] }] },
  { backendRefs: [ref('stable', 70), ref('canary', 30)], matches: [{ path: { type: 'PathPrefix', value: '/v1/api' }, headers: [{ name: 'x-ct-env', type: 'Exact', value: 'production' }] }] },
]);
const header = { name: 'canary-route1', match: [{ headerName: 'X-Version', headerValue: { exact: 'v2' } }] };
const xVersion = { name: 'X-Version', type: 'Exact' as const, value: 'v2' };
const canaryOnly = [{ group: '', kind: 'Service', name: 'canary', port: 80 }];

test('planGatewayHeaderRoute(): one managed rule per source rule, named canary-route1, canary-route1-1 (plugin e2e)', () => {
  const managed = new Set(['canary-route1']);
  const res = planGatewayHeaderRoute(multiRule(), 'http', S, header, managed);
  assert.ok(res.ok && res.route);
  assert.deepEqual(res.route.spec.rules?.slice(2), [
    { name: 'canary-route1', filters: [], backendRefs: canaryOnly,
      matches: [{ path: { type: 'PathPrefix', value: '/v1/api' }, queryParams: [{ name: 'env', value: 'production' }], headers: [xVersion] }] },
    { name: 'canary-route1-1', filters: [], backendRefs: canaryOnly,
      matches: [{ path: { type: 'PathPrefix', value: '/v1/api' }, headers: [{ name: 'x-ct-env', type: 'Exact', value: 'production' }, xVersion] }] },
  ]);
  assert.deepEqual(res.route.spec.rules?.slice(0, 2), multiRule().spec.rules, 'the weighted rules are untouched');
  assert.deepEqual(planGatewayHeaderRoute(res.route, 'http', S, header, managed), { ok: true, route: undefined }, 'a repeat writes nothing');
  const again = weighted(res.route, { managedNames: managed, weight: 30, stableWeight: 70 });
  assert.deepEqual(again?.spec.rules?.slice(2), res.route.spec.rules?.slice(2), 'setWeight leaves header rules alone');
  const removed = planGatewayRemoveManagedRoutes(res.route, 'canary', managed, [['X-Version']]);
  assert.deepEqual(removed?.spec.rules, multiRule().spec.rules, 'removeManagedRoutes restores the route (plugin e2e after-cleanup)');
  assert.equal(planGatewayRemoveManagedRoutes(multiRule(), 'canary', managed, [['X-Version']]), undefined, 'removing twice writes nothing');
});

test('planGatewayHeaderRoute(): a rule without matches gets only the header match; no match removes the route', () => {
  const managed = new Set(['canary-route1']);
  const simple = route([{ backendRefs: [ref('stable', 100), ref('canary', 0)], filters: [{ type: 'RequestHeaderModifier' }] }]);
  const res = planGatewayHeaderRoute(simple, 'http', S, header, managed);
  assert.ok(res.ok && res.route);
  assert.deepEqual(res.route.spec.rules?.[1], { name: 'canary-route1', matches: [{ headers: [xVersion] }], filters: [{ type: 'RequestHeaderModifier' }], backendRefs: canaryOnly });
  const off = planGatewayHeaderRoute(res.route, 'http', S, { name: 'canary-route1' }, managed);
  assert.deepEqual(off.ok && off.route?.spec.rules, simple.spec.rules);
});

test('planGatewayHeaderRoute(): an unnamed header rule (a server that dropped rule names) is replaced, not duplicated', () => {
  const managed = new Set(['canary-route1']);
  const res = planGatewayHeaderRoute(multiRule(), 'http', S, header, managed);
  assert.ok(res.ok && res.route);
  const unnamed = { ...res.route, spec: { ...res.route.spec, rules: (res.route.spec.rules ?? []).map(({ name: _name, ...r }) => r) } };
  const again = planGatewayHeaderRoute(unnamed, 'http', S, header, managed);
  assert.ok(again.ok && again.route);
  assert.equal(again.route.spec.rules?.length, 4);
  assert.deepEqual(planGatewayRemoveManagedRoutes(unnamed, 'canary', managed, [['X-Version']])?.spec.rules, multiRule().spec.rules);
});

test('planGatewayHeaderRoute(): errors for a header without value and a route without a split rule', () => {
  assert.deepEqual(planGatewayHeaderRoute(multiRule(), 'http', S, { name: 'h', match: [{ headerName: 'X', headerValue: {} }] }, new Set(['h'])),
    { ok: false, reason: 'header route "h": header "X" needs an exact, prefix or regex value' });
  assert.deepEqual(planGatewayHeaderRoute(route([{ backendRefs: [ref('stable')] }]), 'grpc', S, header, new Set()),
    { ok: false, reason: 'GRPCRoute "r" has no rule with backendRefs to both service "canary" and service "stable"' });
});
