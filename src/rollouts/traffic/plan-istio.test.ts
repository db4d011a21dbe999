import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IstioVirtualService } from '../../api/rollouts-v1alpha1.js';
import type { DestinationRule, IstioHTTPRoute, IstioL4Route, IstioRouteDestination, VirtualService } from './istio-objects.js';
import { hostShortName, virtualServiceRef } from './istio-objects.js';
import { planDestinationRule } from './plan-istio-destination-rule.js';
import { orderManagedRoutes, planIstioHeaderRoute, planIstioMirrorRoute, planIstioRemoveManagedRoutes } from './plan-istio-managed-routes.js';
import type { IstioTargets } from './plan-istio-route-selection.js';
import { type IstioWeightInput, computeVirtualServiceWeight, planVirtualServiceWeights } from './plan-istio-weights.js';

const dest = (host: string, weight: number, subset?: string, port?: number): IstioRouteDestination =>
  ({ destination: { host, ...(subset !== undefined ? { subset } : {}), ...(port !== undefined ? { port: { number: port } } : {}) }, weight });
const http = (name: string | undefined, route: IstioRouteDestination[]): IstioHTTPRoute => ({ ...(name !== undefined ? { name } : {}), route });
const l4 = (port: number, route: IstioRouteDestination[], sniHosts?: string[]): IstioL4Route => ({ match: [{ port, ...(sniHosts ? { sniHosts } : {}) }], route });
const vs = (spec: VirtualService['spec']): VirtualService => ({
  apiVersion: 'networking.istio.io/v1alpha3', kind: 'VirtualService', metadata: { name: 'vsvc', namespace: 'default' },
  spec: { gateways: ['istio-rollout-gateway'], hosts: ['istio-rollout.dev.argoproj.io'], ...spec },
});
const at100 = (): IstioRouteDestination[] => [dest('stable', 100), dest('canary', 0)];
// Argo's istio_test regularVsvc, regularTcpVsvc and regularMixedVsvc.
const regular = (): VirtualService => vs({ http: [http('primary', at100()), http('secondary', at100())] });
const mixed = (): VirtualService => vs({
  http: [http('primary', at100()), http('secondary', at100())],
  tls: [l4(3000, at100()), l4(3001, at100())],
  tcp: [l4(3000, at100()), l4(3001, at100())],
});
const SVC: IstioTargets = { services: { stable: 'stable', canary: 'canary' } };
const input = (ref: Partial<IstioVirtualService>, o: Partial<IstioWeightInput> = {}): IstioWeightInput =>
  ({ ref: { name: 'vsvc', ...ref }, targets: SVC, weight: 10, maxWeight: 100, additional: [], managedRoutes: [], ...o });
const plan = (v: VirtualService, i: IstioWeightInput): VirtualService => {
  const r = planVirtualServiceWeights(v, i);
  assert.ok(r.ok && r.vs, r.ok ? 'unchanged' : r.reason);
  return r.vs;
};

test('hostShortName() and virtualServiceRef()', () => {
  assert.equal(hostShortName('reviews.prod.svc.cluster.local'), 'reviews');
  assert.equal(hostShortName('stable'), 'stable');
  assert.equal(hostShortName('.x'), '');
  assert.deepEqual(virtualServiceRef('vsvc', 'default'), { namespace: 'default', name: 'vsvc' });
  assert.deepEqual(virtualServiceRef('vsvc.prod', 'default'), { namespace: 'prod', name: 'vsvc' });
  assert.deepEqual(virtualServiceRef('my.vs.prod.cluster.local', 'default'), { namespace: 'prod', name: 'my.vs' });
});

test('planVirtualServiceWeights(): the named HTTP route only (TestHttpReconcileWeightsBaseCase); a repeat writes nothing', () => {
  const next = plan(regular(), input({ routes: ['primary'] }));
  assert.deepEqual(next.spec?.http, [http('primary', [dest('stable', 90), dest('canary', 10)]), http('secondary', at100())]);
  assert.deepEqual(planVirtualServiceWeights(next, input({ routes: ['primary'] })), { ok: true, vs: undefined });
  assert.deepEqual(next.spec?.['gateways'], ['istio-rollout-gateway'], 'other fields are kept');
});

test('planVirtualServiceWeights(): TLS by port + SNI, TCP by port, HTTP by name in one mixed VirtualService', () => {
  const next = plan(mixed(), input({ routes: ['secondary'], tlsRoutes: [{ port: 3001 }], tcpRoutes: [{ port: 3000 }] }));
  const split = [dest('stable', 90), dest('canary', 10)];
  assert.deepEqual(next.spec?.http, [http('primary', at100()), http('secondary', split)]);
  assert.deepEqual(next.spec?.tls, [l4(3000, at100()), l4(3001, split)]);
  assert.deepEqual(next.spec?.tcp, [l4(3000, split), l4(3001, at100())]);
  const sni = vs({ tls: [l4(3000, at100(), ['a.example.com', 'b.example.com']), l4(3000, at100(), ['c.example.com'])] });
  assert.deepEqual(plan(sni, input({ tlsRoutes: [{ port: 3000, sniHosts: ['b.example.com', 'a.example.com'] }] })).spec?.tls?.[0]?.route, split);
});

test('planVirtualServiceWeights(): the single unnamed route when none is named (TestReconcileInferredSingleRoute)', () => {
  const single = vs({ http: [http(undefined, at100())], tls: [l4(3000, at100())], tcp: [l4(3000, at100())] });
  const next = plan(single, input({}));
  for (const r of [next.spec?.http?.[0], next.spec?.tls?.[0], next.spec?.tcp?.[0]]) assert.deepEqual(r?.route, [dest('stable', 90), dest('canary', 10)]);
});

// [name, VirtualService, rollout ref, expected error]
const errorRows: [string, VirtualService, Partial<IstioVirtualService>, string][] = [
  ['an unknown route name', regular(), { routes: ['nope'] }, "HTTP Route 'nope' is not found in the defined Virtual Service."],
  ['two HTTP routes and none named (TestReconcileAmbiguousRoutes)', regular(), {},
    'spec.http[] should be set in VirtualService and it must have exactly one route when omitting spec.strategy.canary.trafficRouting.istio.virtualService.routes'],
  ['no TLS route on the port', vs({ tls: [l4(3000, at100())] }), { tlsRoutes: [{ port: 4000 }] }, 'No matching TLS routes found in the defined Virtual Service.'],
  ['no TCP route on the port', vs({ tcp: [l4(3000, at100())] }), { tcpRoutes: [{ port: 4000 }] }, 'No matching TCP routes found in the defined Virtual Service.'],
  ['two TCP routes and none listed', vs({ tcp: [l4(3000, at100()), l4(3001, at100())] }), {},
    'spec.tcp[] should be set in VirtualService and it must have exactly one route when omitting spec.strategy.canary.trafficRouting.istio.virtualService.tcpRoutes'],
  ['the route lacks the canary', vs({ http: [http('primary', [dest('stable', 100)])] }), { routes: ['primary'] }, "Canary Service 'canary' not found in route"],
  ['the route lacks the stable', vs({ http: [http('primary', [dest('canary', 100)])] }), { routes: ['primary'] }, "Stable Service 'stable' not found in route"],
];

for (const [name, v, ref, reason] of errorRows) {
  test(`planVirtualServiceWeights(): error for ${name}`, () => {
    assert.deepEqual(planVirtualServiceWeights(v, input(ref)), { ok: false, reason });
  });
}

test('planVirtualServiceWeights(): subsets with an additional DestinationRule subset (TestHttpReconcileMultipleDestRule): 10 / 70 / 20', () => {
  const v = vs({ http: [http(undefined, [dest('rollout-service', 100, 'stable'), dest('rollout-service', 0, 'canary'), dest('additional-service', 20, 'stable-subset')])] });
  const targets: IstioTargets = { services: { stable: '', canary: '' }, subsets: { canary: 'canary', stable: 'stable', additional: ['stable-subset'] } };
  assert.deepEqual(plan(v, input({}, { targets })).spec?.http?.[0]?.route,
    [dest('rollout-service', 70, 'stable'), dest('rollout-service', 10, 'canary'), dest('additional-service', 20, 'stable-subset')]);
  assert.deepEqual(planVirtualServiceWeights(v, input({}, { targets: { ...targets, subsets: { canary: 'canary', stable: 'nope', additional: [] } } })),
    { ok: false, reason: "Stable DestinationRule subset 'nope' not found in route" });
});

test('planVirtualServiceWeights(): experiment services are added sorted, re-weighted, removed (TestHostSplitExperimentStep…MultipleServicesRemoved)', () => {
  const additional = [{ serviceName: 'exp-canary', weight: 20 }, { serviceName: 'exp-baseline', weight: 20 }];
  const withExp = plan(regular(), input({ routes: ['primary'] }, { additional }));
  assert.deepEqual(withExp.spec?.http?.[0]?.route, [dest('stable', 50), dest('canary', 10), dest('exp-baseline', 20), dest('exp-canary', 20)]);
  const reweighed = plan(withExp, input({ routes: ['primary'] }, { additional: [{ serviceName: 'exp-canary', weight: 10 }] }));
  assert.deepEqual(reweighed.spec?.http?.[0]?.route, [dest('stable', 80), dest('canary', 10), dest('exp-canary', 10)]);
  assert.deepEqual(plan(withExp, input({ routes: ['primary'] })).spec?.http?.[0]?.route, [dest('stable', 90), dest('canary', 10)]);
});

test('planVirtualServiceWeights(): weights over 100 clamp the stable at 0; computeVirtualServiceWeight() reads the canary back', () => {
  const next = plan(regular(), input({ routes: ['primary'] }, { weight: 90, additional: [{ serviceName: 'exp', weight: 20 }] }));
  assert.deepEqual(next.spec?.http?.[0]?.route, [dest('stable', 0), dest('canary', 90), dest('exp', 20)]);
  assert.equal(computeVirtualServiceWeight(next, { ref: { name: 'vsvc', routes: ['primary'] }, targets: SVC, maxWeight: 100, managedRoutes: [] }), 90);
  assert.equal(computeVirtualServiceWeight(regular(), { ref: { name: 'vsvc' }, targets: SVC, maxWeight: 100, managedRoutes: [] }), undefined);
});

const target = { host: 'canary', subset: '' };
const header = { name: 'test-header-route', match: [{ headerName: 'agent', headerValue: { exact: 'firefox' } }] };

test('planIstioHeaderRoute(): a header route to the canary, first; no match removes it (TestHttpReconcileHeaderRouteHostBased)', () => {
  const managed = ['test-header-route'];
  const r = planIstioHeaderRoute(regular(), { name: 'vsvc', routes: ['primary'] }, header, target, managed);
  assert.ok(r.ok && r.vs);
  assert.deepEqual(r.vs.spec?.http?.[0], { name: 'test-header-route', match: [{ headers: { agent: { exact: 'firefox' } } }], route: [{ destination: { host: 'canary' }, weight: 100 }] });
  assert.deepEqual(r.vs.spec?.http?.slice(1), regular().spec?.http);
  assert.deepEqual(planIstioHeaderRoute(r.vs, { name: 'vsvc', routes: ['primary'] }, header, target, managed), { ok: true, vs: undefined }, 'no duplicate, no write');
  const off = planIstioHeaderRoute(r.vs, { name: 'vsvc', routes: ['primary'] }, { name: 'test-header-route' }, target, managed);
  assert.deepEqual(off.ok && off.vs?.spec?.http, regular().spec?.http);
});

test('planIstioHeaderRoute(): subset-based, port from the weighted route, all header value kinds', () => {
  const v = vs({ http: [http(undefined, [dest('rollout-service', 100, 'stable-subset', 8080), dest('rollout-service', 0, 'canary-subset', 8080)])] });
  const h = { name: 'hr', match: [{ headerName: 'a', headerValue: { prefix: 'p' } }, { headerName: 'b', headerValue: { regex: 'r.*' } }] };
  const r = planIstioHeaderRoute(v, { name: 'vsvc' }, h, { host: 'rollout-service', subset: 'canary-subset' }, ['hr']);
  assert.ok(r.ok && r.vs);
  assert.deepEqual(r.vs.spec?.http?.[0], {
    name: 'hr', match: [{ headers: { a: { prefix: 'p' } } }, { headers: { b: { regex: 'r.*' } } }],
    route: [{ destination: { host: 'rollout-service', port: { number: 8080 }, subset: 'canary-subset' }, weight: 100 }],
  });
});

test('planIstioMirrorRoute(): mirror route with the weighted destinations, in managedRoutes order (TestHttpReconcileMirrorRoute)', () => {
  const managed = ['test-mirror-1', 'test-mirror-2'];
  const m1 = { name: 'test-mirror-1', match: [{ method: { exact: 'GET' } }] };
  const m2 = { name: 'test-mirror-2', match: [{ method: { exact: 'GET' }, path: { prefix: '/api' } }], percentage: 90 };
  const ref = { name: 'vsvc', routes: ['primary'] };
  const r1 = planIstioMirrorRoute(regular(), ref, m1, target, managed);
  assert.ok(r1.ok && r1.vs);
  assert.deepEqual(r1.vs.spec?.http?.[0], { name: 'test-mirror-1', match: [{ method: { exact: 'GET' } }], route: at100(), mirror: { host: 'canary' }, mirrorPercentage: { value: 100 } });
  const r2 = planIstioMirrorRoute(r1.vs, ref, m2, target, managed);
  assert.ok(r2.ok && r2.vs);
  assert.deepEqual(r2.vs.spec?.http?.map((r) => r.name), ['test-mirror-1', 'test-mirror-2', 'primary', 'secondary']);
  assert.deepEqual(r2.vs.spec?.http?.[1]?.match, [{ method: { exact: 'GET' }, uri: { prefix: '/api' } }]);
  assert.deepEqual(r2.vs.spec?.http?.[1]?.mirrorPercentage, { value: 90 });
  const weighted = plan(r2.vs, input(ref, { weight: 30, managedRoutes: managed }));
  assert.deepEqual(weighted.spec?.http?.map((r) => r.route?.[1]?.weight), [30, 30, 30, 0], 'managed mirror routes follow setWeight');
  assert.deepEqual(planIstioRemoveManagedRoutes(weighted, new Set(managed))?.spec?.http?.map((r) => r.name), ['primary', 'secondary']);
  assert.equal(planIstioRemoveManagedRoutes(regular(), new Set(managed)), undefined, 'nothing to remove: no write');
});

test('orderManagedRoutes(): managed first in managedRoutes order, then the rest in place; unnamed routes stay', () => {
  const routes = [http('a', []), http(undefined, []), http('m2', []), http('b', []), http('m1', [])];
  assert.deepEqual(orderManagedRoutes(routes, ['m1', 'm2']).map((r) => r.name ?? '-'), ['m1', 'm2', 'a', '-', 'b']);
});

const rule = (subsets: NonNullable<DestinationRule['spec']>): DestinationRule =>
  ({ apiVersion: 'networking.istio.io/v1alpha3', kind: 'DestinationRule', metadata: { name: 'istio-destrule', namespace: 'default' }, spec: subsets });
const drInput = { rolloutName: 'rollout', canarySubset: 'canary', stableSubset: 'stable', canaryHash: 'abc123', stableHash: 'def456', additional: [] };

test('planDestinationRule(): hashes on the subsets, other fields kept, managed-by annotation (TestUpdateHashAdditionalFieldsWithListers)', () => {
  const dr = rule({ host: 'ratings.prod.svc.cluster.local', trafficPolicy: { loadBalancer: { simple: 'LEAST_CONN' } },
    subsets: [{ name: 'stable', labels: { version: 'v3' } }, { name: 'canary', trafficPolicy: { loadBalancer: { simple: 'ROUND_ROBIN' } } }, { name: 'other' }] });
  const next = planDestinationRule(dr, drInput);
  assert.deepEqual(next, {
    ...rule({ host: 'ratings.prod.svc.cluster.local', trafficPolicy: { loadBalancer: { simple: 'LEAST_CONN' } },
      subsets: [{ name: 'stable', labels: { version: 'v3', 'rollouts-pod-template-hash': 'def456' } },
        { name: 'canary', trafficPolicy: { loadBalancer: { simple: 'ROUND_ROBIN' } }, labels: { 'rollouts-pod-template-hash': 'abc123' } }, { name: 'other' }] }),
    metadata: { name: 'istio-destrule', namespace: 'default', annotations: { 'argo-rollouts.argoproj.io/managed-by-rollouts': 'rollout' } },
  });
  assert.equal(next && planDestinationRule(next, drInput), undefined, 'no change: no write (TestUpdateHashNoChange)');
});

test('planDestinationRule(): an empty hash removes the label; experiment subsets are added and updated', () => {
  const dr = rule({ subsets: [{ name: 'stable', labels: { 'rollouts-pod-template-hash': 'old' } }, { name: 'canary', labels: { 'rollouts-pod-template-hash': 'x' } }] });
  const next = planDestinationRule(dr, { ...drInput, canaryHash: '', additional: [{ serviceName: 'exp', weight: 10, podTemplateHash: 'e1' }] });
  assert.deepEqual(next?.spec?.subsets, [
    { name: 'stable', labels: { 'rollouts-pod-template-hash': 'def456' } }, { name: 'canary', labels: {} },
    { name: 'exp', labels: { 'rollouts-pod-template-hash': 'e1' } },
  ]);
});
