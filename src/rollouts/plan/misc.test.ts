import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeCanaryWeights } from './actual-weight.js';
import { pruneStatus } from './prune-status.js';
import { atDesiredReplicaCountsForCanary, replicaProgressThresholdMet } from './canary-availability.js';
import { rollout, rs } from './_fixtures.js';

test('computeCanaryWeights(): SetWeight and ActualWeight as the CLI shows them', () => {
  const steps = [{ setWeight: 25 }, { pause: {} }];
  const basic = rollout({ replicas: 4, steps, status: { currentStepIndex: 1, stableRS: 'v1', currentPodHash: 'v2', availableReplicas: 4 } });
  assert.deepEqual(computeCanaryWeights(basic, [rs({ hash: 'v1', replicas: 3 }), rs({ hash: 'v2', replicas: 1 })]), { setWeight: 25, actualWeight: 25 });
  const routed = rollout({ replicas: 4, steps, canary: { trafficRouting: {} }, status: { currentStepIndex: 1, availableReplicas: 5, canary: { weights: { canary: { weight: 20 }, stable: { weight: 80 } } } } });
  assert.deepEqual(computeCanaryWeights(routed, []), { setWeight: 25, actualWeight: 20 });
  assert.deepEqual(computeCanaryWeights(rollout({ steps, status: { currentStepIndex: 2 } }), []), { setWeight: 100, actualWeight: 100 });
  assert.equal(computeCanaryWeights(rollout({ blueGreen: {} }), []), undefined);
});

test('pruneStatus() drops what Go omitempty drops, keeps pointer zeros and the canary/blueGreen structs', () => {
  assert.deepEqual(pruneStatus({ replicas: 0, currentStepIndex: 0, collisionCount: 0, abort: false, message: '', stableRS: 'a', canary: { currentExperiment: '' } }),
    { currentStepIndex: 0, collisionCount: 0, stableRS: 'a', canary: {}, blueGreen: {} });
});

test('replicaProgressThresholdMet() / atDesiredReplicaCountsForCanary()', () => {
  assert.equal(replicaProgressThresholdMet({ type: 'Percent', value: 70 }, rs({ hash: 'a', replicas: 10, available: 7 }), 10), true);
  assert.equal(replicaProgressThresholdMet({ type: 'Percent', value: 70 }, rs({ hash: 'a', replicas: 10, available: 6 }), 10), false);
  assert.equal(replicaProgressThresholdMet({ type: 'Pods', value: 2 }, rs({ hash: 'a', replicas: 10, available: 2 }), 10), true);
  assert.equal(replicaProgressThresholdMet(undefined, rs({ hash: 'a', replicas: 3, available: 3 }), 3), true);
  const ro = rollout({ replicas: 4, steps: [{ setWeight: 25 }], status: { stableRS: 'v1', currentPodHash: 'v2', currentStepIndex: 0 } });
  const stable = rs({ hash: 'v1', replicas: 3 });
  assert.equal(atDesiredReplicaCountsForCanary(ro, rs({ hash: 'v2', replicas: 1 }), stable, [], undefined), true);
  assert.equal(atDesiredReplicaCountsForCanary(ro, rs({ hash: 'v2', replicas: 1, available: 0 }), stable, [], undefined), false);
  assert.equal(atDesiredReplicaCountsForCanary(ro, rs({ hash: 'v2', replicas: 1 }), stable, [rs({ hash: 'v0', replicas: 1 })], undefined), false, 'basic canary: old pods still serve');
  assert.equal(atDesiredReplicaCountsForCanary(ro, rs({ hash: 'v2', replicas: 1 }), rs({ hash: 'v1', replicas: 4 }), [], undefined), false, 'stable not yet down to 3');
});
