import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SimWorld } from './_sim-world.js';
import { T0, rollout, service } from './_fixtures.js';
import { abortPatch, promotePatch } from './user-operations.js';

const activeHash = (w: SimWorld, svc = 'demo-service'): string | undefined => w.services.get(svc)?.spec.selector?.['rollouts-pod-template-hash'];

test('scenario: blue-green with autoPromotionEnabled — active switches only with 3 green available, blue goes 30 s later', () => {
  const w = new SimWorld(rollout({ replicas: 3, blueGreen: { activeService: 'demo-service', autoPromotionEnabled: true } }), T0, [service('demo-service')]);
  w.settle();
  const blue = w.rollout.status?.stableRS;
  assert.equal(activeHash(w), blue);
  assert.equal(w.rollout.status?.phase, 'Healthy');

  w.setImage('argoproj/rollouts-demo:green');
  w.podsBecomeAvailable = false;
  w.settle(5);
  assert.deepEqual(w.replicasByImage(), { blue: 3, green: 3 });
  assert.equal(activeHash(w), blue, 'no switch while green pods are not available');
  assert.equal(w.rollout.status?.phase, 'Progressing');

  w.podsBecomeAvailable = true;
  w.tick(); // green pods become available at the end of this tick
  const plan = w.tick();
  const green = w.rollout.status?.currentPodHash;
  assert.ok(plan.actions.some((a) => a.op === 'setServiceSelector' && a.service === 'demo-service' && a.hash === green));
  assert.equal(activeHash(w), green);
  assert.equal(w.rollout.status?.stableRS, green);
  assert.equal(w.rollout.status?.phase, 'Healthy');
  assert.equal(w.rollout.status?.HPAReplicas, 3);
  assert.equal(w.rollout.status?.selector, `app=demo,rollouts-pod-template-hash=${green}`);

  const annotate = w.tick();
  assert.equal(annotate.requeueAfterMs, 30_000);
  assert.ok(w.rsFor('blue')?.metadata.annotations?.['scale-down-deadline'] !== undefined);
  w.nowMs += 20_000;
  w.settle(3);
  assert.deepEqual(w.replicasByImage(), { blue: 3, green: 3 }, 'old stack kept for scaleDownDelaySeconds');
  w.nowMs += 10_000;
  w.settle();
  assert.deepEqual(w.replicasByImage(), { blue: 0, green: 3 });
});

test('scenario: blue-green with autoPromotionEnabled false — Paused BlueGreenPause until promote', () => {
  const ro = rollout({ replicas: 3, blueGreen: { activeService: 'demo-service', previewService: 'demo-preview', autoPromotionEnabled: false } });
  const w = new SimWorld(ro, T0, [service('demo-service'), service('demo-preview')]);
  w.settle();
  const blue = w.rollout.status?.stableRS;
  w.setImage('argoproj/rollouts-demo:green');
  w.settle();
  const green = w.rollout.status?.currentPodHash;
  assert.equal(w.rollout.status?.phase, 'Paused');
  assert.equal(w.rollout.status?.message, 'BlueGreenPause');
  assert.equal(activeHash(w), blue);
  assert.equal(activeHash(w, 'demo-preview'), green, 'the preview follows the new RS at once');
  assert.deepEqual(w.replicasByImage(), { blue: 3, green: 3 });
  w.nowMs += 3_600_000;
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Paused', 'no auto-promotion');

  w.patch(promotePatch(w.rollout));
  w.settle();
  assert.equal(activeHash(w), green);
  assert.equal(w.rollout.status?.phase, 'Healthy');
  w.nowMs += 30_000;
  w.settle();
  assert.deepEqual(w.replicasByImage(), { blue: 0, green: 3 });
});

test('scenario: blue-green autoPromotionSeconds promotes by itself when the delay expires', () => {
  const ro = rollout({ replicas: 2, blueGreen: { activeService: 'demo-service', autoPromotionSeconds: 45 } });
  const w = new SimWorld(ro, T0, [service('demo-service')]);
  w.settle();
  w.setImage('argoproj/rollouts-demo:green');
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Paused');
  const started = Date.parse(w.rollout.status?.pauseConditions?.[0]?.startTime ?? '');
  w.tick();
  assert.equal(w.lastPlan?.requeueAfterMs, started + 45_000 - (w.nowMs - 1000));
  w.nowMs = started + 45_000;
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Healthy');
  assert.equal(activeHash(w), w.rollout.status?.currentPodHash);
});

test('scenario: blue-green previewReplicaCount — 1 preview pod while paused, full size after promote', () => {
  const ro = rollout({ replicas: 3, blueGreen: { activeService: 'demo-service', previewReplicaCount: 1, autoPromotionEnabled: false } });
  const w = new SimWorld(ro, T0, [service('demo-service')]);
  w.settle();
  w.setImage('argoproj/rollouts-demo:green');
  w.settle();
  assert.deepEqual(w.replicasByImage(), { blue: 3, green: 1 });
  assert.equal(w.rollout.status?.phase, 'Paused');
  w.patch(promotePatch(w.rollout));
  w.settle();
  assert.equal(w.rollout.status?.phase, 'Healthy');
  assert.equal(activeHash(w), w.rollout.status?.currentPodHash);
  assert.equal(w.rsFor('green')?.spec.replicas, 3);
});

test('scenario: blue-green abort while paused keeps the active on blue and drops the preview after 30 s', () => {
  const ro = rollout({ replicas: 3, blueGreen: { activeService: 'demo-service', autoPromotionEnabled: false } });
  const w = new SimWorld(ro, T0, [service('demo-service')]);
  w.settle();
  const blue = w.rollout.status?.stableRS;
  w.setImage('argoproj/rollouts-demo:green');
  w.settle();
  w.patch(abortPatch());
  w.settle(5);
  assert.equal(w.rollout.status?.phase, 'Degraded');
  assert.equal(activeHash(w), blue);
  assert.deepEqual(w.replicasByImage(), { blue: 3, green: 3 });
  w.nowMs += 30_000;
  w.settle();
  assert.deepEqual(w.replicasByImage(), { blue: 3, green: 0 });
});
