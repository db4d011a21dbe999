import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanaryStep, RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import { desiredTrafficWeight, stableCanCarry, weightOnAbortOrRollback } from './traffic-weight.js';
import { planTrafficRouting } from './plan-traffic-routing.js';
import { NO_PAUSE_CHANGE, withAbort } from './pause-intent.js';
import { input, rollout, rs, service } from './_fixtures.js';

const steps: CanaryStep[] = [{ setWeight: 20 }, { pause: {} }, { setWeight: 50 }];
const tr = { canaryService: 'c', stableService: 's', trafficRouting: { nginx: { stableIngress: 'i' } } };
const mid = (status: RolloutStatus, canary: [number, number], extra = {}) => {
  const ro = rollout({ replicas: 10, steps, canary: { ...tr, ...extra }, status: { stableRS: 'v1', currentPodHash: 'v2', ...status } });
  return input(ro, { newRS: rs({ hash: 'v2', replicas: canary[0], available: canary[1] }), stableRS: rs({ hash: 'v1', replicas: 10 }) });
};

// [name, status, canary RS [spec, available], weight, reason]
const rows: [string, RolloutStatus, [number, number], number, string][] = [
  ['step 0, canary not yet scaled: previous weight (none) 0', { currentStepIndex: 0 }, [0, 0], 0, 'noCanaryPods'],
  ['step 0, canary pods not all available: keep previous setWeight', { currentStepIndex: 0 }, [2, 1], 0, 'previousStep'],
  ['step 0, canary ready: the step weight', { currentStepIndex: 0 }, [2, 2], 20, 'currentStep'],
  ['step 2 scaling up: keep 20', { currentStepIndex: 2 }, [5, 3], 20, 'previousStep'],
  ['step 2 ready: 50', { currentStepIndex: 2 }, [5, 5], 50, 'currentStep'],
  ['after the last step: MW', { currentStepIndex: 3 }, [10, 10], 100, 'afterLastStep'],
  ['aborted: 0 at once', { currentStepIndex: 2, abort: true }, [5, 5], 0, 'aborted'],
  ['promoted: 0', { currentStepIndex: 3, stableRS: 'v2' }, [10, 10], 0, 'promoted'],
  ['promoteFull keeps the last weight', { currentStepIndex: 2, promoteFull: true, canary: { weights: { canary: { weight: 50 }, stable: { weight: 50 } } } }, [10, 6], 50, 'promoteFull'],
];

for (const [name, status, canary, weight, reason] of rows) {
  test(`desiredTrafficWeight(): ${name}`, () => {
    const got = desiredTrafficWeight(mid(status, canary), NO_PAUSE_CHANGE);
    assert.deepEqual([got.weight, got.reason], [weight, reason]);
  });
}

test('weightOnAbortOrRollback() with dynamicStableScale follows stable availability and never rises', () => {
  const ro = rollout({ replicas: 10, steps: [{ setWeight: 20 }, { setWeight: 60 }], canary: { ...tr, dynamicStableScale: true }, status: { stableRS: 'v1', currentPodHash: 'v2', abort: true, canary: { weights: { canary: { weight: 60 }, stable: { weight: 40 } } } } });
  const at = (stableAvail: number, canaryAvail: number) => weightOnAbortOrRollback(input(ro, { newRS: rs({ hash: 'v2', replicas: canaryAvail }), stableRS: rs({ hash: 'v1', replicas: 10, available: stableAvail }) }));
  assert.equal(at(4, 6), 60, 'stable not yet able to take 80%: stay');
  assert.equal(at(8, 6), 20, 'stable at 8/10: step down to 20');
  assert.equal(at(10, 1), 0);
});

test('stableCanCarry() guards weight moves on stable availability', () => {
  const inp = mid({ currentStepIndex: 0 }, [2, 2]);
  assert.equal(stableCanCarry(inp, rs({ hash: 'v1', replicas: 10, available: 8 }), 80), true);
  assert.equal(stableCanCarry(inp, rs({ hash: 'v1', replicas: 10, available: 7 }), 80), false);
  assert.equal(stableCanCarry(inp, undefined, 0), false);
});

test('planTrafficRouting() writes the weight once, records status.canary.weights and an event', () => {
  const inp = { ...mid({ currentStepIndex: 0 }, [2, 2]) };
  const withSvc = { ...inp, snap: { ...inp.snap, services: { c: service('c', 'v2', 'demo'), s: service('s', 'v1', 'demo') } } };
  const p = planTrafficRouting(withSvc, NO_PAUSE_CHANGE);
  assert.deepEqual(p.effects.actions, [{ op: 'setTrafficWeight', weight: 20, canaryHash: 'v2', stableHash: 'v1', additional: [] }]);
  assert.deepEqual(p.weights, { canary: { weight: 20, serviceName: 'c', podTemplateHash: 'v2' }, stable: { weight: 80, serviceName: 's', podTemplateHash: 'v1' } });
  assert.deepEqual(p.effects.events.map((e) => e.message), ['Traffic weight updated to 20']);
  const again = mid({ currentStepIndex: 0, canary: { weights: p.weights ?? { canary: { weight: 0 }, stable: { weight: 0 } } } }, [2, 2]);
  assert.deepEqual(planTrafficRouting(again, NO_PAUSE_CHANGE).effects.actions, [], 'nothing to do when status already says so');
  const drifted = { ...again, snap: { ...again.snap, traffic: { weight: 0, canaryHash: 'v2', stableHash: 'v1' } } };
  assert.equal(planTrafficRouting(drifted, NO_PAUSE_CHANGE).effects.actions.length, 1, 'router drift is repaired');
  const abort = planTrafficRouting(again, withAbort(NO_PAUSE_CHANGE, 'x'));
  assert.equal(abort.weights?.canary.weight, 0);
});
