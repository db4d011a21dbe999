import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SimWorld } from './_sim-world.js';
import { T0, rollout, service } from './_fixtures.js';
import { abortPatch, promotePatch, retryPatch } from './user-operations.js';

// The chapter's canary (listing 5.12): R=3, maxSurge 25%, maxUnavailable 0, steps [setWeight 10, pause 60].
function chapterCanary(): SimWorld {
  const ro = rollout({ replicas: 3, steps: [{ setWeight: 10 }, { pause: { duration: 60 } }], canary: { maxSurge: '25%', maxUnavailable: 0 } });
  return new SimWorld(ro, T0, [service('demo-service')]);
}

test('scenario: the chapter canary — first deploy skips the steps, then 1 green + 3 blue, paused 60 s, then all green', () => {
  const w = chapterCanary();
  w.settle();
  assert.deepEqual(w.replicasByImage(), { blue: 3 });
  assert.equal(w.rollout.status?.phase, 'Healthy');
  assert.equal(w.rollout.status?.currentStepIndex, 2);
  const blueHash = w.rollout.status?.stableRS;
  assert.ok(blueHash !== undefined && blueHash !== '');

  w.setImage('argoproj/rollouts-demo:green');
  const until = (pred: () => boolean, max = 20): void => { for (let i = 0; i < max && !pred(); i++) w.tick(); };
  until(() => w.rollout.status?.phase === 'Paused');
  assert.deepEqual(w.replicasByImage(), { blue: 3, green: 1 });
  assert.equal(w.rollout.status?.message, 'CanaryPauseStep');
  assert.equal(w.rollout.status?.currentStepIndex, 1);
  assert.equal(w.rollout.status?.stableRS, blueHash);
  const startedAt = Date.parse(w.rollout.status?.pauseConditions?.[0]?.startTime ?? '');
  // The pause wakes the controller exactly at expiry.
  assert.equal(w.lastPlan?.requeueAfterMs, startedAt + 60_000 - (w.nowMs - 1000));

  w.nowMs = startedAt + 59_000;
  w.tick();
  assert.equal(w.rollout.status?.phase, 'Paused', 'still paused one second before expiry');
  w.nowMs = startedAt + 60_000;
  w.settle();
  assert.deepEqual(w.replicasByImage(), { blue: 0, green: 3 });
  assert.equal(w.rollout.status?.phase, 'Healthy');
  assert.notEqual(w.rollout.status?.stableRS, blueHash);
  assert.equal(w.rollout.status?.currentStepIndex, 2);
  const completed = w.rollout.status?.conditions?.find((c) => c.type === 'Completed');
  assert.equal(completed?.status, 'True');
});

test('scenario: an indefinite pause waits for promote', () => {
  const ro = rollout({ replicas: 3, steps: [{ setWeight: 10 }, { pause: {} }], canary: { maxSurge: '25%', maxUnavailable: 0 } });
  const w = new SimWorld(ro, T0, [service('demo-service')]);
  w.settle();
  w.setImage('argoproj/rollouts-demo:green');
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Paused');
  assert.equal(w.lastPlan?.requeueAfterMs, undefined);
  w.nowMs += 3_600_000;
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Paused');
  w.patch(promotePatch(w.rollout));
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Healthy');
  assert.deepEqual(w.replicasByImage(), { blue: 0, green: 3 });
});

test('scenario: a traffic-routed canary 20 → 50, then abort: weight 0 at once, Degraded, canary down after 30 s', () => {
  const ro = rollout({
    replicas: 5,
    steps: [{ setWeight: 20 }, { pause: {} }, { setWeight: 50 }, { pause: {} }],
    canary: { canaryService: 'demo-canary', stableService: 'demo-stable', trafficRouting: { nginx: { stableIngress: 'demo-ingress' } } },
  });
  const w = new SimWorld(ro, T0, [service('demo-canary'), service('demo-stable')]);
  w.settle();
  const v1 = w.rollout.status?.stableRS ?? '';
  // Once a stable exists the router is initialised at weight 0, both Services on v1.
  assert.deepEqual(w.traffic, { weight: 0, canaryHash: v1, stableHash: v1 });
  assert.equal(w.services.get('demo-canary')?.spec.selector?.['rollouts-pod-template-hash'], v1);

  w.setImage('argoproj/rollouts-demo:green');
  w.tick(); // creates the v2 RS
  const v2 = w.rollout.status?.currentPodHash ?? '';
  const weights: number[] = [];
  const record = (): void => { const x = w.traffic?.weight ?? -1; if (weights.at(-1) !== x) weights.push(x); };
  for (let i = 0; i < 10; i++) { w.tick(); record(); }
  assert.equal(w.rollout.status?.phase, 'Paused');
  assert.deepEqual(w.replicasByImage(), { blue: 5, green: 1 }, 'stable stays fully scaled; the canary gets ceil(20% of 5)');
  assert.deepEqual(w.traffic, { weight: 20, canaryHash: v2, stableHash: v1 });
  assert.equal(w.rollout.status?.canary?.weights?.canary.weight, 20);
  assert.equal(w.services.get('demo-canary')?.spec.selector?.['rollouts-pod-template-hash'], v2);

  w.patch(promotePatch(w.rollout));
  for (let i = 0; i < 10; i++) { w.tick(); record(); }
  assert.equal(w.rollout.status?.phase, 'Paused');
  assert.deepEqual(w.replicasByImage(), { blue: 5, green: 3 });
  assert.deepEqual(weights, [0, 20, 50], 'the weight moves only once the step\'s canary pods are available');

  w.patch(abortPatch());
  const plan = w.tick();
  assert.ok(plan.actions.some((a) => a.op === 'setTrafficWeight' && a.weight === 0), 'weight 0 in the abort reconcile itself');
  assert.equal(w.traffic?.weight, 0);
  assert.equal(w.rollout.status?.phase, 'Degraded');
  assert.equal(w.rollout.status?.message, 'RolloutAborted: Rollout aborted update to revision 2');
  assert.equal(w.services.get('demo-canary')?.spec.selector?.['rollouts-pod-template-hash'], v1, 'canary Service back on stable');
  assert.equal(plan.requeueAfterMs, 30_000, 'abortScaleDownDelaySeconds default');
  w.settle(5);
  assert.deepEqual(w.replicasByImage(), { blue: 5, green: 3 }, 'canary kept up during the abort delay');
  w.nowMs += 30_000;
  w.settle();
  assert.deepEqual(w.replicasByImage(), { blue: 5, green: 0 });
  assert.equal(w.rollout.status?.phase, 'Degraded');
  assert.equal(w.rollout.status?.currentStepIndex, 0);

  w.patch(retryPatch());
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Paused', 'retry starts again at step 0 and reaches the first pause');
  assert.equal(w.traffic?.weight, 20);
  const progressing = w.rollout.status?.conditions?.find((c) => c.type === 'Progressing');
  assert.notEqual(progressing?.reason, 'RolloutAborted');
});

test('scenario: promote --full skips the remaining steps', () => {
  const ro = rollout({ replicas: 4, steps: [{ setWeight: 25 }, { pause: {} }, { setWeight: 50 }, { pause: {} }], canary: { maxSurge: 1, maxUnavailable: 0 } });
  const w = new SimWorld(ro, T0, [service('demo-service')]);
  w.settle();
  w.setImage('argoproj/rollouts-demo:green');
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Paused');
  w.patch(promotePatch(w.rollout, { full: true }));
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Healthy');
  assert.equal(w.rollout.status?.promoteFull, undefined);
  assert.deepEqual(w.replicasByImage(), { blue: 0, green: 4 });
});

test('scenario: going back to the stable template mid-update skips the steps (SkipSteps)', () => {
  const ro = rollout({ replicas: 3, steps: [{ setWeight: 30 }, { pause: {} }], canary: { maxSurge: 1, maxUnavailable: 0 } });
  const w = new SimWorld(ro, T0, [service('demo-service')]);
  w.settle();
  w.setImage('argoproj/rollouts-demo:green');
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Paused');
  w.setImage('argoproj/rollouts-demo:blue');
  const plan = w.tick();
  assert.ok(plan.events.some((e) => e.reason === 'SkipSteps' && e.message === 'Rollback to stable ReplicaSets'));
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Healthy');
  assert.deepEqual(w.replicasByImage(), { blue: 3, green: 0 });
});
