import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReplicaSetAction, ReplicaSetSnapshot } from './replicaset-types.js';
import { planReplicaSet } from './plan-replicaset.js';
import { pod, rs, seqRand, T0 } from './_builders.js';

/** One readable line per action, so a whole plan compares as a list. */
function summary(a: ReplicaSetAction): string {
  switch (a.op) {
    case 'createPod': return `create ${a.pod.metadata.name ?? ''} ${a.pod.spec.containers[0]?.image ?? ''}`;
    case 'deletePod': return `delete ${a.pod.name}`;
    case 'adoptPod': return `adopt ${a.pod.name} owners=${a.ownerReferences.map((r) => r.name).join(',')}`;
    case 'releasePod': return `release ${a.pod.name} owners=${a.ownerReferences.map((r) => r.name).join(',')}`;
    case 'updateStatus': return `status ${JSON.stringify(a.status)}`;
    case 'event': return `event ${a.type} ${a.reason}: ${a.message}`;
  }
}

function snap(o: Partial<ReplicaSetSnapshot> & Pick<ReplicaSetSnapshot, 'rs'>): ReplicaSetSnapshot {
  return { pods: [], expectationsSatisfied: true, ...o };
}

const NOW = T0 + 60_000;
/** A fresh random source per plan: 0, 0.04, 0.08 … picks b, c, d, f, g, h … */
const rand = (): (() => number) => seqRand([0, 0.04, 0.08, 0.12, 0.16, 0.2, 0.24, 0.28, 0.32, 0.36]);

test('planReplicaSet() creates the missing pods, each followed by its SuccessfulCreate event', () => {
  const demo = rs({ replicas: 3 });
  const plan = planReplicaSet(snap({ rs: demo, pods: [pod({ name: 'demo-aaaaa', owner: demo })] }), NOW, rand());
  assert.deepEqual(plan.actions.map(summary), [
    'create demo-bcdfg argoproj/rollouts-demo:blue',
    'event Normal SuccessfulCreate: Created pod: demo-bcdfg',
    'create demo-hjklm argoproj/rollouts-demo:blue',
    'event Normal SuccessfulCreate: Created pod: demo-hjklm',
    'status {"replicas":1,"fullyLabeledReplicas":1,"readyReplicas":1,"availableReplicas":1,"observedGeneration":1}',
  ]);
  const created = plan.actions.find((a) => a.op === 'createPod');
  assert.deepEqual(created?.op === 'createPod' ? created.pod.metadata : undefined, {
    name: 'demo-bcdfg', namespace: 'default', labels: { app: 'demo' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'demo', uid: 'uid-rs-demo', controller: true, blockOwnerDeletion: true }],
  });
});

test('planReplicaSet() deletes surplus pods, worst first', () => {
  const demo = rs({ replicas: 1, status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 } });
  const pods = [pod({ name: 'good', owner: demo }), pod({ name: 'pending', owner: demo, phase: 'Pending', readyAt: false }), pod({ name: 'young', owner: demo, createdAt: 50 })];
  assert.deepEqual(planReplicaSet(snap({ rs: demo, pods }), NOW, rand()).actions.map(summary), [
    'delete pending',
    'event Normal SuccessfulDelete: Deleted pod: pending',
    'delete young',
    'event Normal SuccessfulDelete: Deleted pod: young',
  ]);
});

test('planReplicaSet() never replaces running pods when only the template changed (chapter 5.1.1)', () => {
  const green = rs({ replicas: 2, image: 'argoproj/rollouts-demo:green', status: { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 } });
  const bluePods = [pod({ name: 'demo-gfd8g', owner: green }), pod({ name: 'demo-gxl6j', owner: green })];
  assert.deepEqual(planReplicaSet(snap({ rs: green, pods: bluePods }), NOW, rand()).actions.map(summary), []);
  const three = { ...green, spec: { ...green.spec, replicas: 3 } };
  assert.deepEqual(planReplicaSet(snap({ rs: three, pods: bluePods }), NOW, rand()).actions.map(summary), [
    'create demo-bcdfg argoproj/rollouts-demo:green',
    'event Normal SuccessfulCreate: Created pod: demo-bcdfg',
  ]);
});

test('planReplicaSet() adopts matching orphans and releases owned pods whose labels changed', () => {
  const demo = rs({ replicas: 2, status: { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 } });
  const pods = [
    pod({ name: 'mine', owner: demo }),
    pod({ name: 'orphan', owner: null }),
    pod({ name: 'relabelled', owner: demo, labels: { app: 'debug' } }),
    pod({ name: 'orphan-other-app', owner: null, labels: { app: 'other' } }),
    pod({ name: 'orphan-terminating', owner: null, deleting: true }),
  ];
  assert.deepEqual(planReplicaSet(snap({ rs: demo, pods }), NOW, rand()).actions.map(summary), [
    'adopt orphan owners=demo',
    'release relabelled owners=',
  ]);
});

test('planReplicaSet() leaves pods of another controller alone', () => {
  const demo = rs({ replicas: 1 });
  const other = { ...rs({ replicas: 1 }), metadata: { ...rs({ replicas: 1 }).metadata, name: 'other', uid: 'uid-other' } };
  const plan = planReplicaSet(snap({ rs: demo, pods: [pod({ name: 'theirs', owner: other })] }), NOW, rand());
  assert.deepEqual(plan.actions.map(summary).filter((s) => s.startsWith('create')), ['create demo-bcdfg argoproj/rollouts-demo:blue']);
});

test('planReplicaSet() counts neither terminating nor finished pods', () => {
  const demo = rs({ replicas: 2 });
  const pods = [pod({ name: 'up', owner: demo }), pod({ name: 'going', owner: demo, deleting: true }), pod({ name: 'done', owner: demo, phase: 'Succeeded' })];
  const plan = planReplicaSet(snap({ rs: demo, pods }), NOW, rand());
  assert.deepEqual(plan.actions.map(summary).filter((s) => s.startsWith('create')), ['create demo-bcdfg argoproj/rollouts-demo:blue']);
  assert.equal(plan.status.replicas, 1);
});

test('planReplicaSet() only writes status while expectations are pending or the ReplicaSet is being deleted', () => {
  for (const s of [snap({ rs: rs({ replicas: 3 }), expectationsSatisfied: false }), snap({ rs: rs({ replicas: 3, deleting: true }) })]) {
    assert.deepEqual(planReplicaSet(s, NOW, rand()).actions.map(summary), ['status {"replicas":0,"observedGeneration":1}']);
  }
});

test('planReplicaSet() skips the status write when nothing changed', () => {
  const demo = rs({ replicas: 1, status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 } });
  assert.deepEqual(planReplicaSet(snap({ rs: demo, pods: [pod({ name: 'p', owner: demo })] }), NOW, rand()).actions, []);
});

test('planReplicaSet() counts a pod available only after minReadySeconds and wakes up when it becomes so', () => {
  // Ready at T0+50s, minReadySeconds 30: available from T0+80.001s; now is T0+60s → 20 001 ms.
  const demo = rs({ replicas: 2, minReadySeconds: 30 });
  const pods = [pod({ name: 'old', owner: demo, readyAt: 0 }), pod({ name: 'new', owner: demo, readyAt: 50 })];
  const plan = planReplicaSet(snap({ rs: demo, pods }), NOW, rand());
  assert.deepEqual(plan.status, { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1, observedGeneration: 1 });
  assert.equal(plan.requeueAfterMs, 20_001);
});

test('planReplicaSet() reports a failing create as the ReplicaFailure condition, and clears it after', () => {
  const demo = rs({ replicas: 1 });
  const failing = planReplicaSet(snap({ rs: demo, lastManageError: { reason: 'FailedCreate', message: 'pods "demo-x" is forbidden: exceeded quota' } }), NOW, rand());
  assert.deepEqual(failing.status.conditions, [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "demo-x" is forbidden: exceeded quota', lastTransitionTime: '2025-01-01T00:01:00Z' }]);
  const recovered = planReplicaSet(snap({ rs: { ...demo, status: failing.status } }), NOW, rand());
  assert.equal(recovered.status.conditions, undefined);
});

test('planReplicaSet() creates at most 500 pods per reconcile', () => {
  const plan = planReplicaSet(snap({ rs: rs({ replicas: 800 }) }), NOW, Math.random);
  assert.equal(plan.actions.filter((a) => a.op === 'createPod').length, 500);
  assert.equal(new Set(plan.actions.flatMap((a) => (a.op === 'createPod' ? [a.pod.metadata.name] : []))).size, 500);
});

/** Freezes `v` and everything it holds, as the engine's caches do. */
function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

test('planReplicaSet() works on a deeply frozen snapshot', () => {
  const demo = rs({ replicas: 1, minReadySeconds: 5 });
  const pods = [pod({ name: 'a', owner: demo }), pod({ name: 'b', owner: demo, phase: 'Pending' }), pod({ name: 'orphan', owner: null })];
  assert.doesNotThrow(() => planReplicaSet(deepFreeze(snap({ rs: demo, pods })), NOW, rand()));
});
