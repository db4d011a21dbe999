// IstioRouter against the in-process API server: the contract (host-based routing, networking.istio.io/v1alpha3),
// then subset-level routing with a DestinationRule (v1beta1), mirror routes and several VirtualServices.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rollout } from '../../src/api/rollouts-v1alpha1.js';
import { IstioRouter, TR } from '../../src/rollouts/traffic/index.js';
import type { DestinationRule, VirtualService } from '../../src/rollouts/traffic/istio-objects.js';
import { startRouterTestApi, type RouterTestApi } from './router-test-api.js';
import { trafficRouterContract } from './traffic-router-contract.js';

let t: RouterTestApi;
before(async () => { t = await startRouterTestApi(); });
after(async () => { await t.close(); });

const live = (): AbortSignal => new AbortController().signal;
const VS = TR.virtualServices('v1alpha3');

function virtualService(name: string, dests: { host: string; subset?: string }[], apiVersion = 'networking.istio.io/v1alpha3'): VirtualService {
  return {
    apiVersion, kind: 'VirtualService', metadata: { name, namespace: 'default' },
    spec: {
      hosts: ['demo.example.com'], gateways: ['demo-gateway'],
      http: [
        { name: 'primary', route: dests.map((d, i) => ({ destination: { ...d, port: { number: 8080 } }, weight: i === 0 ? 100 : 0 })) },
        { name: 'other', route: [{ destination: { host: 'legacy' }, weight: 100 }] },
      ],
    },
  };
}

const withRouting = (ro: Rollout, trafficRouting: NonNullable<NonNullable<Rollout['spec']['strategy']['canary']>['trafficRouting']>): Rollout =>
  ({ ...ro, spec: { ...ro.spec, strategy: { canary: { ...ro.spec.strategy.canary, trafficRouting } } } });

trafficRouterContract('IstioRouter', async () => {
  const { id, ro: base } = await t.rollout('is', { canaryService: 'demo-canary', stableService: 'demo-stable', steps: [{ setHeaderRoute: { name: 'hdr', match: [{ headerName: 'x-canary', headerValue: { exact: 'yes' } }] } }] });
  await t.client.create(VS, virtualService(id, [{ host: 'demo-stable.default.svc.cluster.local' }, { host: 'demo-canary' }]));
  const ro = withRouting(base, { istio: { virtualService: { name: id, routes: ['primary'] } }, managedRoutes: [{ name: 'hdr' }] });
  const read = (): Promise<VirtualService> => t.client.get<VirtualService>(VS, 'default', id);
  return {
    router: new IstioRouter(ro, t.client),
    maxWeight: 100,
    observedWeight: async () => (await read()).spec?.http?.find((r) => r.name === 'primary')?.route?.find((d) => d.destination?.host === 'demo-canary')?.weight,
    versions: async () => [await t.version(VS, id)],
    headerRoute: { name: 'hdr', match: [{ headerName: 'x-canary', headerValue: { exact: 'yes' } }] },
    hasHeaderRoute: async () => (await read()).spec?.http?.[0]?.name === 'hdr',
    misconfigured: new IstioRouter(withRouting(base, { istio: { virtualService: { name: `${id}-missing`, routes: ['primary'] } } }), t.client),
    brokenObject: `VirtualService "${id}-missing"`,
  };
});

test('IstioRouter: subset-level routing writes the DestinationRule hashes and the subset weights (v1beta1)', async () => {
  const { id, ro } = await t.rollout('is', {});
  const v1beta1 = { vs: TR.virtualServices('v1beta1'), dr: TR.destinationRules('v1beta1') };
  await t.client.create(v1beta1.vs, virtualService(id, [{ host: 'demo', subset: 'stable' }, { host: 'demo', subset: 'canary' }], 'networking.istio.io/v1beta1'));
  await t.client.create<DestinationRule>(v1beta1.dr, {
    apiVersion: 'networking.istio.io/v1beta1', kind: 'DestinationRule', metadata: { name: `${id}-dr`, namespace: 'default' },
    spec: { host: 'demo', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } }, subsets: [{ name: 'stable' }, { name: 'canary' }] },
  });
  const router = new IstioRouter(withRouting(ro, {
    istio: { virtualService: { name: id, routes: ['primary'] }, destinationRule: { name: `${id}-dr`, canarySubsetName: 'canary', stableSubsetName: 'stable' } },
    managedRoutes: [{ name: 'mirror' }],
  }), t.client, 'v1beta1');
  await router.setWeight({ weight: 25, canaryHash: 'hash-new', stableHash: 'hash-old', additional: [] }, live());
  const dr = await t.client.get<DestinationRule>(v1beta1.dr, 'default', `${id}-dr`);
  assert.deepEqual(dr.spec?.subsets, [{ name: 'stable', labels: { 'rollouts-pod-template-hash': 'hash-old' } }, { name: 'canary', labels: { 'rollouts-pod-template-hash': 'hash-new' } }]);
  assert.equal(dr.metadata.annotations?.['argo-rollouts.argoproj.io/managed-by-rollouts'], id);
  assert.deepEqual(dr.spec?.['trafficPolicy'], { tls: { mode: 'ISTIO_MUTUAL' } });
  await router.setMirrorRoute({ name: 'mirror', match: [{ method: { exact: 'GET' } }], percentage: 50 }, live());
  const vs = await t.client.get<VirtualService>(v1beta1.vs, 'default', id);
  assert.deepEqual(vs.spec?.http?.[0], {
    name: 'mirror', match: [{ method: { exact: 'GET' } }], mirrorPercentage: { value: 50 }, mirror: { host: 'demo', subset: 'canary', port: { number: 8080 } },
    route: [{ destination: { host: 'demo', subset: 'stable', port: { number: 8080 } }, weight: 75 }, { destination: { host: 'demo', subset: 'canary', port: { number: 8080 } }, weight: 25 }],
  });
  assert.equal(await router.currentWeight(live()), 25);
  await router.removeManagedRoutes(live());
  assert.deepEqual((await t.client.get<VirtualService>(v1beta1.vs, 'default', id)).spec?.http?.map((r) => r.name), ['primary', 'other']);
});

test('IstioRouter: several VirtualServices, one in another namespace (name.namespace)', async () => {
  const { id, ro } = await t.rollout('is', { canaryService: 'demo-canary', stableService: 'demo-stable' });
  await t.api.k(['create', 'namespace', `${id}-edge`]);
  await t.client.create(VS, virtualService(id, [{ host: 'demo-stable' }, { host: 'demo-canary' }]));
  await t.client.create(VS, { ...virtualService(id, [{ host: 'demo-stable' }, { host: 'demo-canary' }]), metadata: { name: id, namespace: `${id}-edge` } });
  const router = new IstioRouter(withRouting(ro, { istio: { virtualServices: [{ name: id, routes: ['primary'] }, { name: `${id}.${id}-edge`, routes: ['primary'] }] } }), t.client);
  await router.setWeight({ weight: 60, canaryHash: 'b', stableHash: 'a', additional: [] }, live());
  for (const ns of ['default', `${id}-edge`]) {
    const vs = await t.client.get<VirtualService>(VS, ns, id);
    assert.deepEqual(vs.spec?.http?.[0]?.route?.map((d) => d.weight), [40, 60], ns);
  }
  assert.equal(await router.currentWeight(live()), 60);
});
