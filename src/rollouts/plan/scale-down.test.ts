import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rfc3339 } from '../../lib/clock.js';
import { isReferenced, scaleDownDelayDecision } from './scale-down-delay.js';
import { planOldReplicaSetsBlueGreen, planOldReplicaSetsCanary } from './old-replica-sets.js';
import { planRevisionHistory } from './revision-history.js';
import { NO_PAUSE_CHANGE } from './pause-intent.js';
import { T0, input, rollout, rs, run, service } from './_fixtures.js';

const deadline = (ms: number) => ({ 'scale-down-deadline': rfc3339(ms) });

test('scaleDownDelayDecision(): annotate now + delay, hold until the deadline, then 0; revision limit', () => {
  const inp = input(rollout({ blueGreen: {} }), {}, T0);
  const fresh = scaleDownDelayDecision(inp, rs({ hash: 'old', replicas: 3 }), 0, 3);
  assert.deepEqual(fresh, { annotated: 1, desired: 3, actions: [{ op: 'setReplicaSetAnnotations', name: 'demo-old', set: deadline(T0 + 30_000), remove: [] }], wakeAtMs: [T0 + 30_000] });
  const waiting = scaleDownDelayDecision(inp, rs({ hash: 'old', replicas: 3, annotations: deadline(T0 + 10_000) }), 0, 3);
  assert.deepEqual([waiting.desired, waiting.wakeAtMs], [3, [T0 + 10_000]]);
  assert.equal(scaleDownDelayDecision(inp, rs({ hash: 'old', replicas: 3, annotations: deadline(T0) }), 0, 3).desired, 0, 'deadline reached');
  const limited = input(rollout({ blueGreen: { scaleDownDelayRevisionLimit: 1 } }), {}, T0);
  assert.equal(scaleDownDelayDecision(limited, rs({ hash: 'old', replicas: 3, annotations: deadline(T0 + 10_000) }), 1, 3).desired, 0, 'beyond the limit');
  const zero = input(rollout({ blueGreen: { scaleDownDelaySeconds: 0 } }), {}, T0);
  assert.equal(scaleDownDelayDecision(zero, rs({ hash: 'old', replicas: 3 }), 0, 3).desired, 0, 'Sluice: a 0 delay scales down at once');
});

test('isReferenced(): status hashes and Service selectors protect an RS', () => {
  const ro = rollout({ canary: { canaryService: 'c', stableService: 's' }, status: { stableRS: 'v1', currentPodHash: 'v3' } });
  assert.equal(isReferenced(input(ro), rs({ hash: 'v1' })), true);
  assert.equal(isReferenced(input(ro), rs({ hash: 'v2' })), false);
  assert.equal(isReferenced(input(ro, { services: { c: service('c', 'v2') } }), rs({ hash: 'v2' })), true);
});

test('planOldReplicaSetsCanary(): basic canary drains old RSs within maxUnavailable', () => {
  // R=4, maxUnavailable 1: new 4/4 available, old at 4 → budget 4+4−3 = 5 ≥ 4 → old to 0.
  const ro = rollout({ replicas: 4, canary: { maxSurge: 1, maxUnavailable: 1 }, status: { stableRS: 'v2', currentPodHash: 'v2' } });
  const v2 = rs({ hash: 'v2', replicas: 4 });
  const r = planOldReplicaSetsCanary(input(ro, { newRS: v2, stableRS: v2, otherRSs: [rs({ hash: 'v1', replicas: 4, revision: 1 })] }), NO_PAUSE_CHANGE);
  assert.deepEqual(r.effects.actions.map((a) => a.op === 'scaleReplicaSet' ? [a.name, a.replicas] : a.op), [['demo-v1', 0]]);
  // Only 2 of the new pods available → budget 2+4−3 = 3 → old 4 → 1.
  const v2half = rs({ hash: 'v2', replicas: 4, available: 2 });
  const r2 = planOldReplicaSetsCanary(input(ro, { newRS: v2half, stableRS: v2half, otherRSs: [rs({ hash: 'v1', replicas: 4, revision: 1 })] }), NO_PAUSE_CHANGE);
  assert.deepEqual(r2.effects.actions.map((a) => a.op === 'scaleReplicaSet' ? [a.name, a.replicas] : a.op), [['demo-v1', 1]]);
});

test('planOldReplicaSetsCanary(): traffic-routed, promoted → the previous stable waits for its deadline', () => {
  const ro = rollout({ replicas: 2, canary: { canaryService: 'c', stableService: 's', trafficRouting: { nginx: { stableIngress: 'i' } } }, status: { stableRS: 'v2', currentPodHash: 'v2' } });
  const v2 = rs({ hash: 'v2', replicas: 2 });
  const r = planOldReplicaSetsCanary(input(ro, { newRS: v2, stableRS: v2, otherRSs: [rs({ hash: 'v1', replicas: 2, revision: 1 })] }, T0), NO_PAUSE_CHANGE);
  assert.deepEqual(r.effects.actions, [{ op: 'setReplicaSetAnnotations', name: 'demo-v1', set: deadline(T0 + 30_000), remove: [] }]);
  assert.deepEqual(r.effects.wakeAtMs, [T0 + 30_000]);
});

test('planOldReplicaSetsBlueGreen(): nothing while paused on an inconclusive analysis', () => {
  const ro = rollout({ blueGreen: {}, status: { pauseConditions: [{ reason: 'InconclusiveAnalysisRun', startTime: '' }] } });
  assert.equal(planOldReplicaSetsBlueGreen(input(ro, { otherRSs: [rs({ hash: 'v1', replicas: 3 })] }), NO_PAUSE_CHANGE, true).effects.actions.length, 0);
});

test('planRevisionHistory(): deletes the oldest scaled-down RSs beyond the limit, with their runs', () => {
  const ro = rollout({ spec: { revisionHistoryLimit: 1 } });
  const olds = [rs({ hash: 'a', revision: 1 }), rs({ hash: 'b', revision: 2 }), rs({ hash: 'c', revision: 3, replicas: 1 }), rs({ hash: 'd', revision: 4 })];
  const actions = planRevisionHistory(input(ro, { otherRSs: olds, analysisRuns: [run('ra', 'Successful', { 'rollouts-pod-template-hash': 'a' })] }), olds);
  assert.deepEqual(actions, [{ op: 'deleteReplicaSet', name: 'demo-a' }, { op: 'deleteAnalysisRun', name: 'ra' }, { op: 'deleteReplicaSet', name: 'demo-b' }]);
});
