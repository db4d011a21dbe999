// SMIRouter against the in-process API server: the contract, the TrafficSplit kubectl shows, other API versions.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { RouterError, SMIRouter, TR } from '../../src/rollouts/traffic/index.js';
import type { TrafficSplit } from '../../src/rollouts/traffic/plan-smi-traffic-split.js';
import { eventually } from '../harness/poll.js';
import { startRouterTestApi, type RouterTestApi } from './router-test-api.js';
import { trafficRouterContract } from './traffic-router-contract.js';

let t: RouterTestApi;
before(async () => { t = await startRouterTestApi(); });
after(async () => { await t.close(); });

const live = (): AbortSignal => new AbortController().signal;
const TS = TR.trafficSplits('v1alpha1');

trafficRouterContract('SMIRouter', async () => {
  const { id, ro } = await t.rollout('smi', { canaryService: 'demo-canary', stableService: 'demo-stable', trafficRouting: { smi: {} } });
  // SMI creates its only object, so "missing" is a TrafficSplit of that name owned by someone else.
  const other = await t.rollout('smi', { canaryService: 'demo-canary', stableService: 'demo-stable', trafficRouting: { smi: { trafficSplitName: `${id}-taken` } } });
  await t.client.create<TrafficSplit>(TS, { apiVersion: 'split.smi-spec.io/v1alpha1', kind: 'TrafficSplit', metadata: { name: `${id}-taken`, namespace: 'default' }, spec: { service: 'x', backends: [] } });
  return {
    router: new SMIRouter(ro, t.client),
    maxWeight: 100,
    observedWeight: async () => {
      const split = await t.client.get<TrafficSplit>(TS, 'default', id);
      return Number(split.spec?.backends?.find((b) => b.service === 'demo-canary')?.weight);
    },
    versions: async () => [await t.version(TS, id)],
    misconfigured: new SMIRouter(other.ro, t.client),
    brokenObject: `TrafficSplit "${id}-taken"`,
  };
});

test('SMIRouter: the TrafficSplit it owns, in v1alpha1 (quantities) and v1alpha3 (integers), collected with the Rollout', async () => {
  const { id, ro } = await t.rollout('smi', { canaryService: 'demo-canary', stableService: 'demo-stable', trafficRouting: { smi: { rootService: 'demo' } } });
  await new SMIRouter(ro, t.client).setWeight({ weight: 20, canaryHash: 'b', stableHash: 'a', additional: [{ serviceName: 'demo-exp', weight: 10 }] }, live());
  const split = JSON.parse(await t.api.k(['get', 'trafficsplits.v1alpha1.split.smi-spec.io', id, '-o', 'json'])) as TrafficSplit;
  assert.deepEqual(split.spec, { service: 'demo', backends: [{ service: 'demo-canary', weight: '20' }, { service: 'demo-exp', weight: '10' }, { service: 'demo-stable', weight: '70' }] });
  assert.deepEqual(split.metadata.ownerReferences?.map((r) => [r.kind, r.name, r.controller]), [['Rollout', id, true]]);

  const v3 = await t.rollout('smi', { canaryService: 'demo-canary', stableService: 'demo-stable', trafficRouting: { smi: { trafficSplitName: 'v3-split' } } });
  const router = new SMIRouter(v3.ro, t.client, 'v1alpha3');
  await router.setWeight({ weight: 35, canaryHash: 'b', stableHash: 'a', additional: [] }, live());
  const s3 = await t.client.get<TrafficSplit>(TR.trafficSplits('v1alpha3'), 'default', 'v3-split');
  assert.deepEqual(s3.spec?.backends, [{ service: 'demo-canary', weight: 35 }, { service: 'demo-stable', weight: 65 }]);
  assert.equal(await router.currentWeight(live()), 35);

  await t.api.k(['delete', 'rollout', id]);
  await eventually(async () => (await t.version(TS, id)) === 'absent', 'the TrafficSplit to be garbage-collected');
});

test('SMIRouter: a TrafficSplit of that name not owned by the Rollout is refused', async () => {
  const { id, ro } = await t.rollout('smi', { canaryService: 'demo-canary', stableService: 'demo-stable', trafficRouting: { smi: {} } });
  await t.client.create<TrafficSplit>(TS, { apiVersion: 'split.smi-spec.io/v1alpha1', kind: 'TrafficSplit', metadata: { name: id, namespace: 'default' }, spec: {} });
  await assert.rejects(new SMIRouter(ro, t.client).setWeight({ weight: 20, canaryHash: 'b', stableHash: 'a', additional: [] }, live()),
    (e: unknown) => e instanceof RouterError && e.message === `TrafficSplit "${id}" exists and is not controlled by rollout "${id}"`);
});
