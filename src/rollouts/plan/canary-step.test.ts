import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanaryStep } from '../../api/rollouts-v1alpha1.js';
import {
  beforeStartingStep, canaryReplicasOrWeight, canaryStepString, currentCanaryStep, currentSetWeight, desiredCanaryWeight,
  previousSetWeight, setCanaryScaleInForce,
} from './canary-step.js';
import { rollout, rs } from './_fixtures.js';

const steps: CanaryStep[] = [{ setWeight: 20 }, { pause: {} }, { setWeight: 50 }, { pause: { duration: '30s' } }];

test('currentCanaryStep() reads status.currentStepIndex (0 when absent, past the end → no step)', () => {
  assert.deepEqual(currentCanaryStep(rollout({ steps })), { step: { setWeight: 20 }, index: 0 });
  assert.deepEqual(currentCanaryStep(rollout({ steps, status: { currentStepIndex: 4 } })), { step: undefined, index: 4 });
  assert.deepEqual(currentCanaryStep(rollout({})), { step: undefined, index: undefined });
});

test('currentSetWeight() is the last setWeight at or before the step, MW past the end, 0 on abort', () => {
  const at = (i: number, abort = false): number => currentSetWeight(rollout({ steps, status: { currentStepIndex: i, abort } }));
  assert.deepEqual([0, 1, 2, 3, 4].map((i) => at(i)), [20, 20, 50, 50, 100]);
  assert.equal(at(2, true), 0);
  assert.equal(currentSetWeight(rollout({ steps: [{ pause: {} }, { setWeight: 5 }] })), 0);
  assert.equal(previousSetWeight(rollout({ steps }), 2), 20);
  assert.equal(previousSetWeight(rollout({ steps }), 0), 0);
});

test('setCanaryScaleInForce() is sticky until matchTrafficWeight, trafficRouting only', () => {
  const s: CanaryStep[] = [{ setCanaryScale: { replicas: 2 } }, { setWeight: 10 }, { setCanaryScale: { matchTrafficWeight: true } }, { setWeight: 20 }];
  const at = (i: number, tr = true) => setCanaryScaleInForce(rollout({ steps: s, canary: tr ? { trafficRouting: {} } : {}, status: { currentStepIndex: i } }));
  assert.deepEqual(at(1), { replicas: 2 });
  assert.equal(at(3), undefined);
  assert.equal(at(1, false), undefined);
  const aborted = (delay?: number) => setCanaryScaleInForce(rollout({
    steps: s, canary: { trafficRouting: {}, ...(delay !== undefined ? { abortScaleDownDelaySeconds: delay } : {}) }, status: { currentStepIndex: 1, abort: true },
  }));
  assert.equal(aborted(), undefined);
  assert.deepEqual(aborted(0), { replicas: 2 });
});

test('canaryReplicasOrWeight() is MW when fully promoted, first deploy or promoteFull', () => {
  const ro = (status: object) => rollout({ steps, status: { currentStepIndex: 0, ...status } });
  assert.deepEqual(canaryReplicasOrWeight(ro({}), undefined, undefined), { weight: 100 });
  assert.deepEqual(canaryReplicasOrWeight(ro({ stableRS: 'a', currentPodHash: 'a' }), undefined, undefined), { weight: 100 });
  assert.deepEqual(canaryReplicasOrWeight(ro({ stableRS: 'a', currentPodHash: 'b', promoteFull: true }), undefined, undefined), { weight: 100 });
  assert.deepEqual(canaryReplicasOrWeight(ro({ stableRS: 'a', currentPodHash: 'b' }), undefined, undefined), { weight: 20 });
});

test('desiredCanaryWeight() steps down through setWeights on a dynamic abort', () => {
  const ro = rollout({
    replicas: 10, steps: [{ setWeight: 20 }, { setWeight: 60 }],
    canary: { trafficRouting: {}, dynamicStableScale: true }, status: { stableRS: 's', currentPodHash: 'c', abort: true, currentStepIndex: 0 },
  });
  const canary = rs({ hash: 'c', replicas: 6, available: 6 });
  assert.equal(desiredCanaryWeight(ro, canary, rs({ hash: 's', replicas: 4, available: 4 })), 20);
  assert.equal(desiredCanaryWeight(ro, rs({ hash: 'c', replicas: 1, available: 1 }), rs({ hash: 's', replicas: 10, available: 10 })), 0);
});

test('beforeStartingStep() and canaryStepString()', () => {
  assert.equal(beforeStartingStep(rollout({ steps, canary: { analysis: { startingStep: 2 } }, status: { currentStepIndex: 1 } })), true);
  assert.equal(beforeStartingStep(rollout({ steps, canary: { analysis: { startingStep: 2 } }, status: { currentStepIndex: 2 } })), false);
  const texts = [...steps, { analysis: {} }, { setCanaryScale: { replicas: 3 } }, { setCanaryScale: { weight: 5 } }, { setHeaderRoute: { name: 'h' } }].map(canaryStepString);
  assert.deepEqual(texts, ['setWeight: 20', 'pause', 'setWeight: 50', 'pause: 30s', 'analysis', 'setCanaryScale{replicas: 3}', 'setCanaryScale{weight: 5}', 'setHeaderRoute: h']);
});
