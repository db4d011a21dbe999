import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeTrafficSplitWeight, planDesiredTrafficSplit, planTrafficSplitWrite, trafficSplitNameOf } from './plan-smi-traffic-split.js';
import { OWNER, rollout } from './_fixtures.js';

const smi = (cfg: { rootService?: string; trafficSplitName?: string } = {}) => rollout({ trafficRouting: { smi: cfg } });

test('trafficSplitNameOf(): trafficSplitName, else the rollout name', () => {
  assert.equal(trafficSplitNameOf(smi()), 'rollout');
  assert.equal(trafficSplitNameOf(smi({ trafficSplitName: 'ts' })), 'ts');
});

// [name, rollout, version, weight, additional, expected spec]
const rows: [string, ReturnType<typeof smi>, 'v1alpha1' | 'v1alpha2' | 'v1alpha3', number, { serviceName: string; weight: number }[], unknown][] = [
  ['v1alpha1: quantities, root service defaults to stable', smi(), 'v1alpha1', 10, [],
    { service: 'stable-service', backends: [{ service: 'canary-service', weight: '10' }, { service: 'stable-service', weight: '90' }] }],
  ['v1alpha2: integers, rootService', smi({ rootService: 'root' }), 'v1alpha2', 10, [],
    { service: 'root', backends: [{ service: 'canary-service', weight: 10 }, { service: 'stable-service', weight: 90 }] }],
  ['v1alpha3: experiment services between canary and stable, stable 70', smi(), 'v1alpha3', 20, [{ serviceName: 'exp', weight: 10 }],
    { service: 'stable-service', backends: [{ service: 'canary-service', weight: 20 }, { service: 'exp', weight: 10 }, { service: 'stable-service', weight: 70 }] }],
];

for (const [name, ro, version, weight, additional, spec] of rows) {
  test(`planDesiredTrafficSplit(): ${name}`, () => {
    const ts = planDesiredTrafficSplit(ro, version, weight, additional);
    assert.equal(computeTrafficSplitWeight(ts, 'canary-service'), weight);
    assert.deepEqual(ts, { apiVersion: `split.smi-spec.io/${version}`, kind: 'TrafficSplit', metadata: { name: 'rollout', namespace: 'default', ownerReferences: [OWNER] }, spec });
  });
}

test('planTrafficSplitWrite(): create, patch the spec, nothing, refuse a foreign one', () => {
  const ro = smi();
  const at10 = planDesiredTrafficSplit(ro, 'v1alpha1', 10, []);
  const at20 = planDesiredTrafficSplit(ro, 'v1alpha1', 20, []);
  assert.deepEqual(planTrafficSplitWrite(ro, undefined, at10), { op: 'create', split: at10 });
  assert.deepEqual(planTrafficSplitWrite(ro, at10, at10), { op: 'none' });
  assert.deepEqual(planTrafficSplitWrite(ro, at10, at20), { op: 'patch', patch: { spec: { backends: at20.spec?.backends } } });
  assert.deepEqual(planTrafficSplitWrite(ro, { ...at10, metadata: { name: 'rollout' } }, at20),
    { op: 'notOwned', reason: 'TrafficSplit "rollout" exists and is not controlled by rollout "rollout"' });
});
