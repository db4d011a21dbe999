import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RolloutCondition, RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import { rfc3339 } from '../../lib/clock.js';
import { computeConditions, pausedConditionsUpdate } from './rollout-conditions.js';
import { isHealthy, isProgressing, isTimedOut, setCondition } from './conditions.js';
import { NO_PAUSE_CHANGE, withAbort } from './pause-intent.js';
import { T0, input, rollout, rs } from './_fixtures.js';

const cond = (type: RolloutCondition['type'], status: RolloutCondition['status'], reason: string, atMs = T0): RolloutCondition =>
  ({ type, status, reason, message: '', lastUpdateTime: rfc3339(atMs), lastTransitionTime: rfc3339(atMs) });
const get = (s: RolloutStatus, type: string) => s.conditions?.find((c) => c.type === type);

test('setCondition() changes only on a new status or reason and keeps lastTransitionTime for the same status', () => {
  const s = { conditions: [cond('Progressing', 'True', 'ReplicaSetUpdated')] };
  assert.equal(setCondition(s, cond('Progressing', 'True', 'ReplicaSetUpdated', T0 + 5000)).changed, false);
  const r = setCondition(s, cond('Progressing', 'True', 'NewReplicaSetAvailable', T0 + 5000));
  assert.equal(r.changed, true);
  assert.equal(get(r.status, 'Progressing')?.lastTransitionTime, rfc3339(T0));
  assert.equal(get(r.status, 'Progressing')?.lastUpdateTime, rfc3339(T0 + 5000));
});

const healthyStatus: RolloutStatus = { replicas: 3, updatedReplicas: 3, availableReplicas: 3, stableRS: 'h', currentPodHash: 'h', currentStepIndex: 1, observedGeneration: '1' };

test('isHealthy() / isProgressing() / isTimedOut()', () => {
  const ro = rollout({ steps: [{ setWeight: 10 }], status: { observedGeneration: '1' } });
  assert.equal(isHealthy(ro, healthyStatus), true);
  assert.equal(isHealthy(ro, { ...healthyStatus, replicas: 4 }), false, 'old pods still up');
  assert.equal(isHealthy(ro, { ...healthyStatus, currentStepIndex: 0 }), false);
  assert.equal(isHealthy(rollout({ status: { observedGeneration: '0' } }), healthyStatus), false, 'generation not observed');
  const old = rollout({ status: { replicas: 4, updatedReplicas: 1, availableReplicas: 3 } });
  assert.equal(isProgressing(old, { replicas: 4, updatedReplicas: 1, availableReplicas: 3 }), false);
  assert.equal(isProgressing(old, { replicas: 3, updatedReplicas: 1, availableReplicas: 3 }), true, 'old pods went away');
  assert.equal(isProgressing(old, { replicas: 4, updatedReplicas: 1, availableReplicas: 4 }), true, 'more available');
  const pds = rollout({ spec: { progressDeadlineSeconds: 60 } });
  const s = { conditions: [cond('Progressing', 'True', 'ReplicaSetUpdated')] };
  assert.equal(isTimedOut(pds, s, T0 + 59_000), false);
  assert.equal(isTimedOut(pds, s, T0 + 60_000), true, 'the deadline instant counts');
  assert.equal(isTimedOut(pds, { conditions: [cond('Progressing', 'Unknown', 'RolloutPaused')] }, T0 + 999_000), false);
});

test('computeConditions(): Progressing reasons and messages', () => {
  const newRS = rs({ hash: 'h', replicas: 3 });
  const ro = rollout({ steps: [{ setWeight: 10 }], status: { observedGeneration: '1', replicas: 3, updatedReplicas: 2, availableReplicas: 2, conditions: [cond('Progressing', 'True', 'ReplicaSetUpdated')] } });
  const inp = input(ro, { newRS, stableRS: newRS }, T0 + 5000);
  const progressing = computeConditions(inp, NO_PAUSE_CHANGE, { ...healthyStatus, updatedReplicas: 3, availableReplicas: 2 }).status;
  assert.deepEqual(pick(get(progressing, 'Progressing')), { status: 'True', reason: 'ReplicaSetUpdated', message: 'ReplicaSet "demo-h" is progressing.', lastUpdateTime: rfc3339(T0 + 5000), lastTransitionTime: rfc3339(T0) });
  const healthy = computeConditions(inp, NO_PAUSE_CHANGE, healthyStatus).status;
  assert.deepEqual(pick(get(healthy, 'Progressing')).reason, 'NewReplicaSetAvailable');
  assert.equal(get(healthy, 'Progressing')?.message, 'ReplicaSet "demo-h" has successfully progressed.');
  assert.equal(get(healthy, 'Healthy')?.status, 'True');
  assert.equal(get(healthy, 'Available')?.status, 'True');
  assert.equal(get(healthy, 'Completed')?.status, 'True');
  const aborted = computeConditions(inp, withAbort(NO_PAUSE_CHANGE, 'Step-based analysis phase error/failed'), { ...healthyStatus, stableRS: 'old' });
  assert.equal(get(aborted.status, 'Progressing')?.message, 'Rollout aborted update to revision 0: Step-based analysis phase error/failed');
  assert.deepEqual(aborted.events.map((e) => e.reason), ['RolloutAborted', 'RolloutNotCompleted']);
});

test('computeConditions(): no progress past the deadline → ProgressDeadlineExceeded (not at an indefinite step)', () => {
  const newRS = rs({ hash: 'h', replicas: 3, available: 1 });
  const stale = { observedGeneration: '1', replicas: 3, updatedReplicas: 3, availableReplicas: 1, currentPodHash: 'h', stableRS: 'old', conditions: [cond('Progressing', 'True', 'ReplicaSetUpdated')] };
  const ro = rollout({ steps: [{ setWeight: 10 }], spec: { progressDeadlineSeconds: 60 }, status: stale });
  const s = computeConditions(input(ro, { newRS }, T0 + 60_000), NO_PAUSE_CHANGE, stale).status;
  assert.deepEqual([get(s, 'Progressing')?.status, get(s, 'Progressing')?.reason, get(s, 'Progressing')?.message], ['False', 'ProgressDeadlineExceeded', 'ReplicaSet "demo-h" has timed out progressing.']);
  const atPause = rollout({ steps: [{ pause: {} }], spec: { progressDeadlineSeconds: 60 }, status: stale });
  assert.equal(get(computeConditions(input(atPause, { newRS }, T0 + 600_000), NO_PAUSE_CHANGE, stale).status, 'Progressing')?.reason, 'ReplicaSetUpdated');
});

test('pausedConditionsUpdate(): RolloutPaused / RolloutResumed / RolloutRetry and the Paused condition', () => {
  const paused = rollout({ status: { observedGeneration: '1', pauseConditions: [{ reason: 'CanaryPauseStep', startTime: rfc3339(T0) }], conditions: [cond('Progressing', 'True', 'ReplicaSetUpdated')] } });
  const s = pausedConditionsUpdate(input(paused));
  assert.deepEqual([get(s ?? {}, 'Progressing')?.status, get(s ?? {}, 'Progressing')?.reason], ['Unknown', 'RolloutPaused']);
  assert.equal(get(s ?? {}, 'Paused')?.status, 'True');
  const resumed = rollout({ status: { observedGeneration: '1', conditions: [cond('Progressing', 'Unknown', 'RolloutPaused'), cond('Paused', 'True', 'RolloutPaused')] } });
  const r = pausedConditionsUpdate(input(resumed));
  assert.deepEqual([get(r ?? {}, 'Progressing')?.reason, get(r ?? {}, 'Paused')?.status], ['RolloutResumed', 'False']);
  const retried = rollout({ status: { observedGeneration: '1', conditions: [cond('Progressing', 'False', 'RolloutAborted')] } });
  assert.equal(get(pausedConditionsUpdate(input(retried)) ?? {}, 'Progressing')?.reason, 'RolloutRetry');
  assert.equal(pausedConditionsUpdate(input(rollout({ generation: 2, status: { observedGeneration: '1', pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '' }] } }))), undefined, 'spec change pending');
});

function pick(c: RolloutCondition | undefined): Partial<RolloutCondition> {
  if (c === undefined) return {};
  const { type: _t, ...rest } = c;
  return rest;
}
