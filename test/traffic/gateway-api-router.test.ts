// GatewayAPIRouter against the in-process API server: the contract for HTTPRoute (first-class config) and GRPCRoute
// (the argoproj-labs/gatewayAPI plugin config), then TCP routes, selectors and status-based verification.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rollout } from '../../src/api/rollouts-v1alpha1.js';
import { GatewayAPIRouter, RouterError, TR } from '../../src/rollouts/traffic/index.js';
import type { GatewayRoute } from '../../src/rollouts/traffic/gateway-route.js';
import { startRouterTestApi, type RouterTestApi } from './router-test-api.js';
import { trafficRouterContract } from './traffic-router-contract.js';

let t: RouterTestApi;
before(async () => { t = await startRouterTestApi(); });
after(async () => { await t.close(); });

const live = (): AbortSignal => new AbortController().signal;
const update = (weight: number) => ({ weight, canaryHash: 'b', stableHash: 'a', additional: [] });

function route(kind: 'HTTPRoute' | 'GRPCRoute' | 'TCPRoute', name: string): GatewayRoute {
  const apiVersion = kind === 'TCPRoute' ? 'gateway.networking.k8s.io/v1alpha2' : 'gateway.networking.k8s.io/v1';
  const matches = kind === 'HTTPRoute' ? [{ path: { type: 'PathPrefix', value: '/' } }] : kind === 'GRPCRoute' ? [{ method: { service: 'demo.Echo' } }] : undefined;
  return {
    apiVersion, kind, metadata: { name, namespace: 'default' },
    spec: {
      parentRefs: [{ name: 'gateway' }],
      rules: [{ ...(matches ? { matches } : {}), backendRefs: [{ name: 'demo-stable', port: 80 }, { name: 'demo-canary', port: 80 }] }],
    },
  };
}

const withRouting = (ro: Rollout, trafficRouting: NonNullable<NonNullable<Rollout['spec']['strategy']['canary']>['trafficRouting']>): Rollout =>
  ({ ...ro, spec: { ...ro.spec, strategy: { canary: { ...ro.spec.strategy.canary, trafficRouting } } } });

for (const kind of ['HTTPRoute', 'GRPCRoute'] as const) {
  trafficRouterContract(`GatewayAPIRouter (${kind})`, async () => {
    const { id, ro: base } = await t.rollout('gw', { canaryService: 'demo-canary', stableService: 'demo-stable', steps: [{ setWeight: 20 }] });
    const type = kind === 'HTTPRoute' ? TR.httpRoutes : TR.grpcRoutes;
    await t.client.create(type, route(kind, id));
    const managedRoutes = [{ name: 'header-route' }];
    const ro = kind === 'HTTPRoute'
      ? withRouting(base, { gatewayAPI: { httpRoute: id }, managedRoutes })
      : withRouting(base, { plugins: { 'argoproj-labs/gatewayAPI': { grpcRoutes: [{ name: id, useHeaderRoutes: true }] } }, managedRoutes });
    const read = (): Promise<GatewayRoute> => t.client.get<GatewayRoute>(type, 'default', id);
    return {
      router: new GatewayAPIRouter(ro, t.client),
      maxWeight: 100,
      observedWeight: async () => (await read()).spec.rules?.[0]?.backendRefs?.find((b) => b.name === 'demo-canary')?.weight,
      versions: async () => [await t.version(type, id)],
      headerRoute: { name: 'header-route', match: [{ headerName: 'X-Canary', headerValue: { exact: 'yes' } }] },
      hasHeaderRoute: async () => (await read()).spec.rules?.some((r) => r.name === 'header-route') ?? false,
      misconfigured: new GatewayAPIRouter(withRouting(base, { gatewayAPI: { httpRoute: `${id}-missing` } }), t.client),
      brokenObject: `HTTPRoute "${id}-missing"`,
    };
  });
}

test('GatewayAPIRouter: the HTTPRoute after setWeight 30 and a header route, as the plugin writes it', async () => {
  const { id, ro } = await t.rollout('gw', { canaryService: 'demo-canary', stableService: 'demo-stable' });
  await t.client.create(TR.httpRoutes, route('HTTPRoute', id));
  const router = new GatewayAPIRouter(withRouting(ro, { plugins: { 'argoproj-labs/gatewayAPI': { httpRoute: id } }, managedRoutes: [{ name: 'canary-route1' }] }), t.client);
  await router.setWeight(update(30), live());
  await router.setHeaderRoute({ name: 'canary-route1', match: [{ headerName: 'X-Version', headerValue: { exact: 'v2' } }] }, live());
  const got = await t.client.get<GatewayRoute>(TR.httpRoutes, 'default', id);
  assert.equal(got.metadata.labels?.['rollouts.argoproj.io/gatewayapi-canary'], 'in-progress');
  assert.deepEqual(got.spec.rules, [
    { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'demo-stable', port: 80, weight: 70 }, { name: 'demo-canary', port: 80, weight: 30 }] },
    {
      name: 'canary-route1', filters: [], backendRefs: [{ group: '', kind: 'Service', name: 'demo-canary', port: 80 }],
      matches: [{ path: { type: 'PathPrefix', value: '/' }, headers: [{ name: 'X-Version', type: 'Exact', value: 'v2' }] }],
    },
  ]);
  await router.setWeight(update(0), live());
  await router.removeManagedRoutes(live());
  const done = await t.client.get<GatewayRoute>(TR.httpRoutes, 'default', id);
  assert.equal(done.metadata.labels?.['rollouts.argoproj.io/gatewayapi-canary'], undefined, 'label removed at weight 0');
  assert.equal(done.spec.rules?.length, 1);
});

test('GatewayAPIRouter: TCPRoutes, routes found by label selector, maxTrafficWeight 1000', async () => {
  const { id, ro } = await t.rollout('gw', { canaryService: 'demo-canary', stableService: 'demo-stable' });
  await t.client.create(TR.tcpRoutes, route('TCPRoute', `${id}-tcp`));
  const labelled = route('HTTPRoute', `${id}-found`);
  labelled.metadata.labels = { rollout: id };
  await t.client.create(TR.httpRoutes, labelled);
  const router = new GatewayAPIRouter(withRouting(ro, {
    maxTrafficWeight: 1000, plugins: { 'argoproj-labs/gatewayAPI': { tcpRoute: `${id}-tcp`, httpRouteSelector: { matchLabels: { rollout: id } } } },
  }), t.client);
  await router.setWeight(update(250), live());
  const tcp = await t.client.get<GatewayRoute>(TR.tcpRoutes, 'default', `${id}-tcp`);
  const found = await t.client.get<GatewayRoute>(TR.httpRoutes, 'default', `${id}-found`);
  for (const r of [tcp, found]) assert.deepEqual(r.spec.rules?.[0]?.backendRefs?.map((b) => b.weight), [750, 250]);
  assert.equal(await router.currentWeight(live()), 250);
});

test('GatewayAPIRouter: verifyWeight waits for every gateway to accept the new generation', async () => {
  const { id, ro } = await t.rollout('gw', { canaryService: 'demo-canary', stableService: 'demo-stable' });
  await t.client.create(TR.httpRoutes, route('HTTPRoute', id));
  const router = new GatewayAPIRouter(withRouting(ro, { gatewayAPI: { httpRoute: id } }), t.client);
  await router.setWeight(update(40), live());
  const written = await t.client.get<GatewayRoute>(TR.httpRoutes, 'default', id);
  const generation = written.metadata.generation ?? 0;
  const report = (observedGeneration: number) => t.client.patch(TR.httpRoutes, 'default', id, 'merge',
    { status: { parents: [{ parentRef: { name: 'gateway' }, controllerName: 'example.com/gw', conditions: [{ type: 'Accepted', status: 'True', observedGeneration }] }] } }, { subresource: 'status' });
  await report(generation - 1);
  assert.equal(await router.verifyWeight(40, live()), false, 'the gateway has not seen the new weights yet');
  await report(generation);
  assert.equal(await router.verifyWeight(40, live()), true);
  assert.equal(await router.verifyWeight(41, live()), false);
});

test('GatewayAPIRouter: a route without a canary/stable rule and a config without routes are RouterErrors', async () => {
  const { id, ro } = await t.rollout('gw', { canaryService: 'demo-canary', stableService: 'demo-stable' });
  const lonely = route('HTTPRoute', id);
  lonely.spec.rules = [{ backendRefs: [{ name: 'demo-stable', port: 80 }] }];
  await t.client.create(TR.httpRoutes, lonely);
  await assert.rejects(new GatewayAPIRouter(withRouting(ro, { gatewayAPI: { httpRoute: id } }), t.client).setWeight(update(10), live()),
    (e: unknown) => e instanceof RouterError && e.message === `HTTPRoute "${id}" has no rule with backendRefs to both service "demo-canary" and service "demo-stable"`);
  await assert.rejects(new GatewayAPIRouter(withRouting(ro, { gatewayAPI: {} }), t.client).setWeight(update(10), live()),
    (e: unknown) => e instanceof RouterError && /names no route/.test(e.message));
});
