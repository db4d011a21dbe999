import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeTrafficRoutedReplicaCounts, withMinPodsPerReplicaSet } from './traffic-routed-replicas.js';
import { trafficWeightToReplicas } from './canary-step.js';
import { rollout, rs } from './_fixtures.js';

// dynamicStableScale rows from Argo's tests: R=10, first step setWeight `w`, extra steps, actual weights
// canary/stable, RSs as [spec, available] (absent when spec 0); want [canary, stable].
const dynamicRows: { name: string; w: number; abort: boolean; extra?: number[]; weights: [number, number]; canary?: number; stable?: [number, number]; want: [number, number] }[] = [
  { name: 'abort: scale stable up for the next canary step down', w: 20, abort: true, extra: [60], weights: [60, 40], canary: 6, stable: [4, 4], want: [6, 8] },
  { name: 'abort: fewer canaries than expected', w: 20, abort: true, extra: [60], weights: [60, 40], canary: 1, stable: [4, 4], want: [6, 8] },
  { name: 'abort: by available stable replicas', w: 20, abort: true, extra: [60], weights: [60, 40], canary: 2, stable: [8, 4], want: [6, 8] },
  { name: 'abort: no RSs given', w: 20, abort: true, extra: [60], weights: [60, 40], want: [6, 10] },
  { name: 'scale stable down with the weight', w: 10, abort: false, weights: [10, 90], want: [1, 9] },
  { name: 'desired canary (20) beats actual (10)', w: 20, abort: false, weights: [10, 90], want: [2, 9] },
  { name: 'abort: canary kept while it still has traffic', w: 20, abort: true, weights: [20, 80], want: [2, 10] },
  { name: 'abort: canary reduced with its traffic', w: 20, abort: true, weights: [10, 90], want: [1, 10] },
];

for (const r of dynamicRows) {
  test(`computeTrafficRoutedReplicaCounts() with dynamicStableScale: ${r.name}`, () => {
    const ro = rollout({
      replicas: 10,
      steps: [{ setWeight: r.w }, ...(r.extra ?? []).map((setWeight) => ({ setWeight }))],
      canary: { trafficRouting: {}, canaryService: 'c', stableService: 's', dynamicStableScale: true, maxSurge: 0, maxUnavailable: 1 },
      status: { stableRS: 'stable', currentPodHash: 'canary', abort: r.abort },
    });
    const canary = r.canary === undefined ? undefined : rs({ hash: 'canary', replicas: r.canary, available: r.canary });
    const stable = r.stable === undefined ? undefined : rs({ hash: 'stable', replicas: r.stable[0], available: r.stable[1] });
    const weights = { canary: { weight: r.weights[0] }, stable: { weight: r.weights[1] } };
    const got = computeTrafficRoutedReplicaCounts(ro, canary, stable, weights);
    assert.deepEqual([got.canary, got.stable], r.want);
  });
}

test('computeTrafficRoutedReplicaCounts() keeps the stable fully scaled without dynamicStableScale: R=10, w=10 → 1/10', () => {
  const ro = rollout({ replicas: 10, steps: [{ setWeight: 10 }], canary: { trafficRouting: {} }, status: { stableRS: 'stable', currentPodHash: 'canary' } });
  assert.deepEqual(computeTrafficRoutedReplicaCounts(ro, undefined, undefined, undefined), { canary: 1, stable: 10 });
});

test('trafficWeightToReplicas() rounds up', () => {
  const rows: [number, number, number, number][] = [[10, 0, 100, 0], [10, 20, 100, 2], [10, 25, 100, 3], [10, 33, 100, 4], [10, 99, 100, 10], [10, 100, 100, 10], [23, 100000000, 100000000, 23]];
  for (const [r, w, mw, want] of rows) assert.equal(trafficWeightToReplicas(r, w, mw), want);
});

test('withMinPodsPerReplicaSet() raises non-zero counts, capped at R, only with trafficRouting', () => {
  const tr = rollout({ replicas: 10, canary: { trafficRouting: {}, minPodsPerReplicaSet: 2 } });
  assert.deepEqual([0, 1, 5].map((n) => withMinPodsPerReplicaSet(tr, n)), [0, 2, 5]);
  const one = rollout({ replicas: 1, canary: { trafficRouting: {}, minPodsPerReplicaSet: 2 } });
  assert.equal(withMinPodsPerReplicaSet(one, 1), 1);
  const basic = rollout({ replicas: 10, canary: { minPodsPerReplicaSet: 2 } });
  assert.equal(withMinPodsPerReplicaSet(basic, 1), 1);
});
