import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanaryStep, Rollout } from '../../api/rollouts-v1alpha1.js';
import { approximateWeightedCanaryStableReplicaCounts, computeBasicCanaryReplicaCounts } from './basic-canary-replicas.js';
import { computeTrafficRoutedReplicaCounts } from './traffic-routed-replicas.js';
import { rollout, rs } from './_fixtures.js';

// Rows ported from Argo Rollouts' canary replica tests (the numbers are facts; names kept for traceability).
// stable/canary/older are [spec, available]; want is [canary, stable]. A missing surge/unavailable is 0 there.
interface Row {
  name: string; R: number; w: number; surge: number | string; unavail: number | string;
  stable: [number, number]; canary: [number, number]; older?: [number, number];
  promoteFull?: boolean; abort?: boolean; tr?: boolean; abortDelay?: number; minPods?: number;
  scs?: { replicas?: number; weight?: number; matchTrafficWeight?: boolean };
  want: [number, number];
}

const rows: Row[] = [
  { name: "Do not add extra RSs in scaleDownCount when .Spec.Replica < AvailableReplicas", R: 10, w: 100, surge: 3, unavail: 0, stable: [7, 8], canary: [6, 3], want: [6, 7] },
  { name: "Use max surge int to scale up canary", R: 10, w: 20, surge: 2, unavail: 0, stable: [10, 10], canary: [0, 0], want: [2, 10] },
  { name: "Use max surge percentage to scale up canary", R: 10, w: 20, surge: "20%", unavail: 0, stable: [10, 10], canary: [0, 0], want: [2, 10] },
  { name: "Scale down extra stable replicas", R: 10, w: 20, surge: "20%", unavail: 0, stable: [10, 10], canary: [2, 2], want: [2, 8] },
  { name: "Do not go past max surge", R: 10, w: 30, surge: 2, unavail: 0, stable: [10, 10], canary: [0, 0], want: [2, 10] },
  { name: "Use max unavailable int to scale down stableRS", R: 10, w: 20, surge: 0, unavail: 2, stable: [10, 10], canary: [0, 0], want: [0, 8] },
  { name: "Use max surge percentage to scale down stableRS", R: 10, w: 20, surge: 0, unavail: "20%", stable: [10, 10], canary: [0, 0], want: [0, 8] },
  { name: "Do not go past max unavailable", R: 10, w: 30, surge: 0, unavail: 2, stable: [10, 10], canary: [0, 0], want: [0, 8] },
  { name: "Use Max Surge and Max Unavailable", R: 10, w: 50, surge: 2, unavail: 1, stable: [10, 10], canary: [0, 0], want: [2, 9] },
  { name: "Scale canaryRS to zero on setWeight of 0%", R: 10, w: 0, surge: 1, unavail: 1, stable: [10, 10], canary: [1, 1], want: [0, 10] },
  { name: "Scale stable to zero on setWeight of 100%", R: 10, w: 100, surge: 1, unavail: 1, stable: [1, 1], canary: [10, 10], want: [10, 0] },
  { name: "Do not scale canaryRS down to zero on non-zero weight", R: 1, w: 20, surge: 1, unavail: 0, stable: [1, 1], canary: [0, 0], want: [1, 1] },
  { name: "Do not scale canaryRS down to zero on non-100 weight", R: 1, w: 90, surge: 1, unavail: 0, stable: [1, 1], canary: [0, 0], want: [1, 1] },
  { name: "Scale canaryRS to zero on <50 weight without surge", R: 1, w: 49, surge: 0, unavail: 1, stable: [1, 1], canary: [0, 0], want: [0, 1] },
  { name: "Scale stableRS down to zero on >=50 weight without surge", R: 1, w: 51, surge: 0, unavail: 1, stable: [1, 1], canary: [0, 0], want: [0, 0] },
  { name: "Scale canaryRS to one on >=50 weight without surge and stable replicas", R: 1, w: 51, surge: 0, unavail: 1, stable: [0, 0], canary: [0, 0], want: [1, 0] },
  { name: "Scale up Stable before canaryRS", R: 10, w: 30, surge: 1, unavail: 0, stable: [1, 1], canary: [0, 0], older: [3, 3], want: [1, 7] },
  { name: "Scale down canaryRS and stable", R: 10, w: 30, surge: 0, unavail: 3, stable: [8, 5], canary: [4, 4], want: [3, 7] },
  { name: "Scale down stable and canary available", R: 10, w: 100, surge: 1, unavail: 0, stable: [10, 2], canary: [10, 8], want: [9, 2] },
  { name: "Do not scale down canaryRS or stable when older RS count >= scaleDownCount", R: 10, w: 30, surge: 0, unavail: 1, stable: [8, 6], canary: [4, 2], older: [3, 3], want: [4, 8] },
  { name: "Do not round past maxSurge with uneven setWeight divisor", R: 10, w: 5, surge: 0, unavail: 1, stable: [10, 10], canary: [0, 0], want: [0, 9] },
  { name: "Do not round past maxSurge with uneven setWeight divisor (part 2)", R: 10, w: 5, surge: 0, unavail: 1, stable: [9, 9], canary: [0, 0], want: [1, 9] },
  { name: "Use maxUnavailable of 1 when percentage of maxUnavailable and maxSurge result in 0 replicas", R: 10, w: 10, surge: "0%", unavail: "0%", stable: [10, 10], canary: [0, 0], want: [0, 9] },
  { name: "For canary replicas, use setCanaryScale.replicas when specified along with trafficRouting (and ignore setWeight)", R: 1, w: 100, surge: 0, unavail: 0, stable: [1, 1], canary: [0, 0], tr: true, scs: {replicas: 9}, want: [9, 1] },
  { name: "Use setCanaryScale.weight for canary replicas when specified with trafficRouting (and ignore setWeight)", R: 4, w: 100, surge: 0, unavail: 0, stable: [4, 4], canary: [0, 0], tr: true, scs: {weight: 200}, want: [8, 4] },
  { name: "Ignore setCanaryScale replicas/weight when matchTrafficWeight is true", R: 10, w: 20, surge: "20%", unavail: 0, stable: [10, 10], canary: [0, 0], tr: true, scs: {replicas: 9, weight: 100, matchTrafficWeight: true}, want: [2, 10] },
  { name: "Ignore setCanaryScale when trafficRouting is missing and use setWeight for replicas", R: 10, w: 20, surge: "20%", unavail: 0, stable: [10, 10], canary: [0, 0], scs: {replicas: 9, weight: 100}, want: [2, 10] },
  { name: "honor maxSurge during scale up when stableRS unavailable", R: 4, w: 100, surge: 1, unavail: 0, stable: [4, 1], canary: [0, 0], want: [1, 4] },
  { name: "scale down to maxunavailable without exceeding maxSurge", R: 3, w: 99, surge: 0, unavail: 2, stable: [3, 3], canary: [0, 0], want: [0, 1] },
  { name: "scale down to maxunavailable without exceeding maxSurge (part 2)", R: 3, w: 99, surge: 0, unavail: 2, stable: [1, 1], canary: [0, 0], want: [2, 1] },
  { name: "honor maxUnavailable during scale down stableRS unavailable", R: 4, w: 100, surge: 1, unavail: 0, stable: [4, 1], canary: [1, 1], want: [1, 3] },
  { name: "honor maxUnavailable when aborting or reducing weight part 1", R: 4, w: 0, surge: 1, unavail: 0, stable: [0, 0], canary: [4, 4], want: [4, 1] },
  { name: "honor maxUnavailable when aborting or reducing weight part 2", R: 4, w: 0, surge: 1, unavail: 0, stable: [1, 0], canary: [4, 4], want: [4, 1] },
  { name: "honor maxUnavailable when aborting or reducing weight part 3", R: 4, w: 0, surge: 1, unavail: 0, stable: [1, 1], canary: [4, 4], want: [3, 1] },
  { name: "promote full does not consider weight", R: 4, w: 1, surge: 4, unavail: 4, stable: [4, 4], canary: [0, 0], promoteFull: true, want: [4, 0] },
  { name: "promote full still honors maxSurge/maxUnavailable", R: 4, w: 1, surge: 3, unavail: 0, stable: [4, 4], canary: [0, 0], promoteFull: true, want: [3, 4] },
  { name: "aborted with abortScaleDownDelaySeconds:0 and setCanaryScale", R: 1, w: 0, surge: 0, unavail: 0, stable: [1, 1], canary: [1, 1], abort: true, tr: true, scs: {replicas: 1}, abortDelay: 0, want: [1, 1] },
  { name: "aborted with abortScaleDownDelaySeconds>0 and setCanaryScale", R: 1, w: 0, surge: 0, unavail: 0, stable: [1, 1], canary: [1, 1], abort: true, tr: true, scs: {replicas: 1}, abortDelay: 30, want: [0, 1] },
  { name: "Honor MinPodsPerReplicaSet when using trafficRouting and starting canary", R: 10, w: 5, surge: 0, unavail: 0, stable: [10, 10], canary: [0, 0], tr: true, minPods: 2, want: [2, 10] },
  { name: "Cap MinPodsPerReplicaSet when it exceeds rollout replicas with trafficRouting", R: 1, w: 100, surge: 0, unavail: 0, stable: [1, 1], canary: [0, 0], promoteFull: true, tr: true, minPods: 2, want: [1, 1] },
  // The chapter's rollout: R=3, maxSurge 25%, maxUnavailable 0, setWeight 10 → one green pod beside three blue.
  { name: "chapter: 25%/0, setWeight 10", R: 3, w: 10, surge: '25%', unavail: 0, stable: [3, 3], canary: [0, 0], want: [1, 3] },
  { name: "chapter: defaults (\"25\" both), setWeight 10", R: 3, w: 10, surge: '25', unavail: '25', stable: [3, 3], canary: [0, 0], want: [1, 3] },
];

function roFor(r: Row): Rollout {
  const step: CanaryStep = { setWeight: r.w, ...(r.scs !== undefined ? { setCanaryScale: r.scs } : {}) };
  return rollout({
    replicas: r.R,
    steps: [step],
    canary: {
      maxSurge: r.surge, maxUnavailable: r.unavail,
      ...(r.tr === true ? { trafficRouting: {}, canaryService: 'c', stableService: 's' } : {}),
      ...(r.abortDelay !== undefined ? { abortScaleDownDelaySeconds: r.abortDelay } : {}),
      ...(r.minPods !== undefined ? { minPodsPerReplicaSet: r.minPods } : {}),
    },
    status: { stableRS: 'stable', currentPodHash: 'canary', currentStepIndex: 0, ...(r.promoteFull === true ? { promoteFull: true } : {}), ...(r.abort === true ? { abort: true } : {}) },
  });
}

for (const r of rows) {
  test(`computeBasicCanaryReplicaCounts() / computeTrafficRoutedReplicaCounts(): ${r.name}`, () => {
    const ro = roFor(r);
    const stable = rs({ hash: 'stable', replicas: r.stable[0], available: r.stable[1] });
    const canary = rs({ hash: 'canary', replicas: r.canary[0], available: r.canary[1] });
    const older = r.older === undefined ? [] : [rs({ hash: 'older', replicas: r.older[0], available: r.older[1] })];
    const got = r.tr === true
      ? computeTrafficRoutedReplicaCounts(ro, undefined, undefined, undefined)
      : computeBasicCanaryReplicaCounts(ro, canary, stable, older);
    assert.deepEqual([got.canary, got.stable], r.want);
  });
}

test('computeBasicCanaryReplicaCounts() sends everything to the new RS when there is no stable or it is the new RS', () => {
  const ro = roFor({ name: '', R: 10, w: 10, surge: 0, unavail: 1, stable: [0, 0], canary: [0, 0], want: [0, 0] });
  const newRS = rs({ hash: 'stable', replicas: 9, available: 9 });
  assert.deepEqual(computeBasicCanaryReplicaCounts(ro, newRS, undefined, []), { canary: 10, stable: 0 });
  assert.deepEqual(computeBasicCanaryReplicaCounts(ro, newRS, newRS, []), { canary: 10, stable: 0 });
});

// [replicas, weight, maxSurge, canary, stable] from Argo's approximation table (maxWeight 100).
const approx: [number, number, number, number, number][] = [
  [0, 0, 0, 0, 0], [0, 50, 0, 0, 0], [0, 100, 0, 0, 0], [0, 0, 1, 0, 0], [0, 50, 1, 0, 0], [0, 100, 1, 0, 0],
  [1, 0, 0, 0, 1], [1, 1, 0, 0, 1], [1, 49, 0, 0, 1], [1, 50, 0, 1, 0], [1, 99, 0, 1, 0], [1, 100, 0, 1, 0],
  [1, 0, 1, 0, 1], [1, 1, 1, 1, 1], [1, 49, 1, 1, 1], [1, 50, 1, 1, 1], [1, 99, 1, 1, 1], [1, 100, 1, 1, 0],
  [2, 0, 0, 0, 2], [2, 1, 0, 1, 1], [2, 50, 0, 1, 1], [2, 99, 0, 1, 1], [2, 100, 0, 2, 0],
  [2, 0, 1, 0, 2], [2, 1, 1, 1, 2], [2, 50, 1, 1, 1], [2, 99, 1, 2, 1], [2, 100, 1, 2, 0],
  [3, 10, 0, 1, 2], [3, 25, 0, 1, 2], [3, 33, 0, 1, 2], [3, 34, 0, 1, 2], [3, 49, 0, 1, 2], [3, 50, 0, 2, 1],
  [3, 10, 1, 1, 3], [3, 25, 1, 1, 3], [3, 33, 1, 1, 2], [3, 34, 1, 1, 2], [3, 49, 1, 2, 2], [3, 50, 1, 2, 2],
  [10, 0, 1, 0, 10], [10, 1, 0, 1, 9], [10, 14, 0, 1, 9], [10, 15, 0, 2, 8], [10, 16, 0, 2, 8], [10, 99, 0, 9, 1], [10, 100, 1, 10, 0],
  [10, 1, 1, 1, 10], [10, 18, 1, 2, 9], [10, 19, 1, 2, 9], [10, 20, 1, 2, 8], [10, 23, 1, 2, 8], [10, 24, 1, 3, 8], [10, 25, 1, 3, 8],
  [10, 99, 1, 10, 1], [10, 100, 1, 10, 0],
  // The worked examples of argo-rollouts.md §2.4.
  [10, 20, 0, 2, 8], [3, 50, 1, 2, 2], [1, 20, 1, 1, 1], [4, 25, 0, 1, 3],
];

test('approximateWeightedCanaryStableReplicaCounts() picks the closest split, ties rounding up', () => {
  for (const [replicas, weight, surge, canary, stable] of approx) {
    assert.deepEqual(approximateWeightedCanaryStableReplicaCounts(replicas, weight, 100, surge), { canary, stable }, `R=${replicas} w=${weight} surge=${surge}`);
  }
});
