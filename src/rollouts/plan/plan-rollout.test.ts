import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rfc3339 } from '../../lib/clock.js';
import { planRollout } from './plan-rollout.js';
import { computePodTemplateHash } from './pod-template-hash.js';
import { SimWorld } from './_sim-world.js';
import { T0, rollout, rs, service, snap } from './_fixtures.js';

test('planRollout(): a Rollout being deleted is left alone', () => {
  const ro = rollout({ status: { phase: 'Healthy' } });
  const plan = planRollout(snap({ ...ro, metadata: { ...ro.metadata, deletionTimestamp: rfc3339(T0) } }), T0);
  assert.deepEqual(plan, { actions: [], status: { phase: 'Healthy' }, events: [] });
});

test('planRollout(): spec.replicas absent → write 1 and stop (HPA needs the field)', () => {
  const ro = rollout();
  const { replicas: _r, ...spec } = ro.spec;
  const plan = planRollout(snap({ ...ro, spec }), T0);
  assert.deepEqual(plan.actions, [{ op: 'patchRollout', replicas: 1 }]);
});

test('planRollout(): the first reconcile creates the RS at 0 with revision 1 and resets status for the update', () => {
  const plan = planRollout(snap(rollout({ steps: [{ setWeight: 10 }] })), T0);
  const hash = computePodTemplateHash(rollout().spec.template);
  assert.deepEqual(plan.actions.map((a) => a.op), ['createReplicaSet', 'patchRollout']);
  assert.deepEqual(plan.actions[1], { op: 'patchRollout', annotations: { 'rollout.argoproj.io/revision': '1' } });
  assert.equal(plan.status.currentPodHash, hash);
  assert.equal(plan.status.currentStepIndex, 0);
  assert.equal(plan.status.observedGeneration, '1');
  assert.equal(plan.status.phase, 'Progressing');
  assert.deepEqual(plan.status.canary, {});
  assert.deepEqual(plan.status.blueGreen, {});
  // Argo writes NewReplicaSetCreated and, in the same reconcile, ReplicaSetUpdated over it (the step hash changed).
  assert.equal(plan.status.conditions?.find((c) => c.type === 'Progressing')?.reason, 'ReplicaSetUpdated');
  assert.deepEqual(plan.events.map((e) => e.reason).slice(0, 2), ['NewReplicaSetCreated', 'RolloutUpdated']);
});

test('planRollout(): a foreign RS holding the new name bumps collisionCount', () => {
  const ro = rollout();
  const hash = computePodTemplateHash(ro.spec.template);
  const foreign = { ...rs({ hash, image: 'other:1' }) };
  const plan = planRollout(snap(ro, { otherRSs: [foreign] }), T0);
  assert.deepEqual([plan.actions, plan.status.collisionCount], [[], 1]);
});

test('planRollout(): a scaling event only rescales (no step progress)', () => {
  const w = new SimWorld(rollout({ replicas: 3, steps: [{ setWeight: 50 }, { pause: {} }] }), T0, [service('demo-service')]);
  w.settle();
  w.rollout = { ...w.rollout, spec: { ...w.rollout.spec, replicas: 5 }, metadata: { ...w.rollout.metadata, generation: 2 } };
  const plan = w.tick();
  assert.deepEqual(plan.actions.map((a) => a.op === 'scaleReplicaSet' ? a.replicas : a.op), [5]);
  w.settle();
  assert.deepEqual(w.replicasByImage(), { blue: 5 });
  assert.equal(w.rollout.status?.phase, 'Healthy');
  assert.equal(w.rollout.status?.HPAReplicas, 5);
});

test('planRollout(): no progress within progressDeadlineSeconds → Degraded ProgressDeadlineExceeded; with progressDeadlineAbort → aborted', () => {
  for (const abort of [false, true]) {
    const ro = rollout({ replicas: 2, steps: [{ setWeight: 50 }], spec: { progressDeadlineSeconds: 60, progressDeadlineAbort: abort }, canary: { maxSurge: 1, maxUnavailable: 0 } });
    const w = new SimWorld(ro, T0, [service('demo-service')]);
    w.settle();
    w.setImage('argoproj/rollouts-demo:broken');
    w.podsBecomeAvailable = false;
    w.settle(10);
    assert.equal(w.rollout.status?.phase, 'Progressing');
    const wake = w.lastPlan?.requeueAfterMs;
    assert.ok(wake !== undefined && wake <= 60_000, `stuck-rollout wake-up ${wake}`);
    w.nowMs += wake;
    w.tick();
    const progressing = w.rollout.status?.conditions?.find((c) => c.type === 'Progressing');
    if (!abort) {
      assert.deepEqual([progressing?.status, progressing?.reason], ['False', 'ProgressDeadlineExceeded']);
      assert.equal(w.rollout.status?.phase, 'Degraded');
      assert.match(w.rollout.status?.message ?? '', /^ProgressDeadlineExceeded: ReplicaSet "demo-[a-z0-9]+" has timed out progressing\.$/);
    } else {
      assert.equal(w.rollout.status?.abort, true);
      assert.match(w.rollout.status?.message ?? '', /^RolloutAborted: Rollout aborted update to revision 2: ReplicaSet "demo-[a-z0-9]+" has timed out progressing\.$/);
    }
  }
});

test('planRollout(): rolling back to an older revision re-uses its RS with a new revision number', () => {
  const w = new SimWorld(rollout({ replicas: 2 }), T0, [service('demo-service')]);
  w.settle();
  w.setImage('argoproj/rollouts-demo:green');
  w.settle();
  w.setImage('argoproj/rollouts-demo:blue');
  w.settle();
  const blue = w.rsFor('blue');
  assert.equal(blue?.metadata.annotations?.['rollout.argoproj.io/revision'], '3');
  assert.equal(blue?.metadata.annotations?.['rollout.argoproj.io/revision-history'], '1');
  assert.equal(w.rollout.metadata.annotations?.['rollout.argoproj.io/revision'], '3');
  assert.equal(w.rs.size, 2);
  assert.deepEqual(w.replicasByImage(), { blue: 2, green: 0 });
});

test('planRollout(): workloadRef takes the template from the resolved workload; a missing one is InvalidSpec', () => {
  const base = rollout();
  const { template, ...spec } = base.spec;
  const ro = { ...base, spec: { ...spec, workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } } };
  const missing = planRollout(snap(ro), T0);
  assert.equal(missing.status.message, 'InvalidSpec: The Rollout "demo" is invalid: spec.workloadRef: Invalid value: {"apiVersion":"apps/v1","kind":"Deployment","name":"web"}: deployments.apps "web" not found');
  const plan = planRollout({ ...snap(ro), workload: { template: template ?? { spec: { containers: [] } } } }, T0);
  assert.deepEqual(plan.actions.map((a) => a.op), ['createReplicaSet', 'patchRollout']);
  const created = plan.actions[0];
  assert.equal(created?.op === 'createReplicaSet' ? created.rs.spec.template.spec.containers[0]?.image : '', 'argoproj/rollouts-demo:blue');
});
