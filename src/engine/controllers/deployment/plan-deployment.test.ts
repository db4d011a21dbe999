import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../../../api/core-v1.js';
import type { ReplicaSet } from '../../../api/apps-v1.js';
import { rfc3339 } from '../../../lib/clock.js';
import { planDeployment } from './plan-deployment.js';
import { podTemplateHash } from './pod-template-hash.js';
import { deployment, rs, rsName, template, T0 } from './_builders.js';
import { byColour, reconcile, runToQuiet, settle, summary } from './_simulator.js';

const NOW = T0 + 3600_000;
const colour = byColour(['blue', 'green', 'red', 'yellow']);
const REV = 'deployment.kubernetes.io/revision';

test('planDeployment() creates the new ReplicaSet as Kubernetes does: name, labels, selector, owner, annotations', () => {
  const d = deployment({
    colour: 'green', minReadySeconds: 5,
    status: { observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 },
    annotations: { [REV]: '1', 'kubernetes.io/change-cause': 'image green', 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}' },
  });
  const plan = planDeployment({ deployment: d, replicaSets: [rs({ colour: 'blue', replicas: 3, revision: 1, desired: 3, max: 4 })], pods: [] }, NOW);
  const created = plan.actions.find((a) => a.op === 'createRS');
  assert.ok(created?.op === 'createRS');
  const hash = podTemplateHash(template('green'));
  assert.deepEqual(created.rs, {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: `demo-${hash}`, namespace: 'default', labels: { app: 'demo', 'pod-template-hash': hash },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'demo', uid: 'uid-deploy-demo', controller: true, blockOwnerDeletion: true }],
      annotations: {
        'kubernetes.io/change-cause': 'image green', [REV]: '2',
        'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4',
      },
    },
    spec: {
      replicas: 1, minReadySeconds: 5,
      selector: { matchLabels: { app: 'demo', 'pod-template-hash': hash } },
      template: { ...template('green'), metadata: { labels: { app: 'demo', 'pod-template-hash': hash } } },
    },
  });
  const progressing = plan.status.conditions?.find((c) => c.type === 'Progressing');
  assert.deepEqual([progressing?.reason, progressing?.message], ['NewReplicaSetCreated', `Created new replica set "demo-${hash}"`]);
  assert.deepEqual(plan.actions.map(summary).map(colour), [
    'create green replicas=1 revision=2',
    'event Normal ScalingReplicaSet: Scaled up replica set green from 0 to 1',
    'deployment revision=2',
    'status',
  ]);
});

test('planDeployment() ends a rollout with the status kubectl rollout status waits for', () => {
  const end = runToQuiet({ d: deployment({ replicas: 4, generation: 2 }), rss: [], watch: [] }, T0);
  assert.deepEqual(end.d.status, {
    observedGeneration: 2, replicas: 4, updatedReplicas: 4, readyReplicas: 4, availableReplicas: 4,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: '2025-01-01T00:00:01Z', lastTransitionTime: '2025-01-01T00:00:01Z' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName('blue')}" has successfully progressed.`, lastUpdateTime: '2025-01-01T00:00:01Z', lastTransitionTime: '2025-01-01T00:00:00Z' },
    ],
  });
});

test('planDeployment() reports a rollout stuck past progressDeadlineSeconds and wakes up for the deadline before', () => {
  const stuckSince = (seconds: number): ReturnType<typeof deployment> => deployment({
    colour: 'green', progressDeadlineSeconds: 600, annotations: { [REV]: '2' },
    status: {
      observedGeneration: 1, replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 1,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: rfc3339(T0), lastTransitionTime: rfc3339(T0) },
        { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'x', lastUpdateTime: rfc3339(NOW - seconds * 1000), lastTransitionTime: rfc3339(T0) },
      ],
    },
  });
  const rss = [rs({ colour: 'blue', replicas: 3, revision: 1, desired: 3, max: 4 }), rs({ colour: 'green', replicas: 1, available: 0, revision: 2, desired: 3, max: 4, createdAt: 60 })];
  const waiting = planDeployment({ deployment: stuckSince(180), replicaSets: rss, pods: [] }, NOW);
  assert.deepEqual(waiting.actions, []);
  assert.equal(waiting.requeueAfterMs, 421_000);
  const late = planDeployment({ deployment: stuckSince(601), replicaSets: rss, pods: [] }, NOW);
  const cond = late.status.conditions?.find((c) => c.type === 'Progressing');
  assert.deepEqual([cond?.status, cond?.reason, colour(cond?.message ?? '')], ['False', 'ProgressDeadlineExceeded', 'ReplicaSet "green" has timed out progressing.']);
  assert.equal(late.requeueAfterMs, undefined);
});

test('planDeployment() Recreate: old ReplicaSets to 0, wait for their pods to stop, then the new one at full size', () => {
  const recreate = { type: 'Recreate' as const };
  const d = deployment({ colour: 'green', strategy: recreate, annotations: { [REV]: '1' } });
  const blue = rs({ colour: 'blue', replicas: 3, revision: 1, desired: 3, max: 3 });
  const first = reconcile({ d, rss: [blue], watch: [] }, NOW);
  assert.deepEqual(first.plan.actions.map(summary).map(colour), ['update blue replicas=0 revision=1', 'event Normal ScalingReplicaSet: Scaled down replica set blue from 3 to 0', 'status']);
  // The ReplicaSet reports 0 pods, but one is still shutting down: wait (only the counters are written).
  const stopped = settle(first.world);
  const lingering: Pod = {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'old', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: blue.metadata.name ?? '', uid: blue.metadata.uid ?? '', controller: true }] },
    spec: { containers: [] }, status: { phase: 'Running' },
  };
  const waiting = planDeployment({ deployment: stopped.d, replicaSets: stopped.rss, pods: [lingering] }, NOW);
  assert.deepEqual(waiting.actions.map(summary), ['status']);
  const gone = planDeployment({ deployment: stopped.d, replicaSets: stopped.rss, pods: [{ ...lingering, status: { phase: 'Succeeded' } }] }, NOW);
  assert.deepEqual(gone.actions.map(summary).map(colour), [
    'create green replicas=3 revision=2',
    'event Normal ScalingReplicaSet: Scaled up replica set green from 0 to 3',
    'deployment revision=2',
    'status',
  ]);
});

test('planDeployment() keeps revisionHistoryLimit old ReplicaSets once the rollout is complete', () => {
  const limit = 2;
  const idle = (c: string, revision: number): ReplicaSet => rs({ colour: c, replicas: 0, revision, createdAt: revision });
  const d = deployment({ colour: 'yellow', revisionHistoryLimit: limit, annotations: { [REV]: '5' }, status: { observedGeneration: 1, replicas: 3, updatedReplicas: 3, availableReplicas: 3 } });
  const rss = [idle('red', 3), idle('blue', 1), idle('green', 2), { ...idle('purple', 4), status: { replicas: 1 } }, rs({ colour: 'yellow', replicas: 3, revision: 5, desired: 3, max: 4 })];
  const deleted = planDeployment({ deployment: d, replicaSets: rss, pods: [] }, NOW).actions.flatMap((a) => (a.op === 'deleteRS' ? [colour(a.name)] : []));
  assert.deepEqual(deleted, ['blue', 'green']);
});

test('planDeployment() bumps collisionCount when the new name belongs to another template, then uses a new hash', () => {
  const foreign: ReplicaSet = { ...rs({ colour: 'red', replicas: 1, owner: null }), metadata: { ...rs({ colour: 'red', replicas: 1, owner: null }).metadata, name: rsName('green'), labels: { app: 'other' } } };
  const d = deployment({ colour: 'green', annotations: { [REV]: '1' } });
  const first = planDeployment({ deployment: d, replicaSets: [foreign, rs({ colour: 'blue', replicas: 3, revision: 1, desired: 3, max: 4 })], pods: [] }, NOW);
  assert.deepEqual(first.actions.map(summary), ['status']);
  assert.equal(first.status.collisionCount, 1);
  const second = planDeployment({ deployment: { ...d, status: first.status }, replicaSets: [foreign], pods: [] }, NOW);
  const created = second.actions.find((a) => a.op === 'createRS');
  assert.equal(created?.op === 'createRS' ? created.rs.metadata.name : undefined, `demo-${podTemplateHash(template('green'), 1)}`);
});

test('planDeployment() adopts an orphan ReplicaSet that matches its selector and releases one that no longer does', () => {
  const orphan = rs({ colour: 'blue', replicas: 3, revision: 1, desired: 3, max: 4, owner: null });
  const strayBase = rs({ colour: 'red', replicas: 0, revision: 2 });
  const stray: ReplicaSet = { ...strayBase, metadata: { ...strayBase.metadata, labels: { app: 'debug' } } };
  const plan = planDeployment({ deployment: deployment({ annotations: { [REV]: '1' } }), replicaSets: [orphan, stray], pods: [] }, NOW);
  const owners = plan.actions.flatMap((a) => (a.op === 'updateRS' ? [`${colour(a.rs.metadata.name ?? '')}: ${(a.rs.metadata.ownerReferences ?? []).map((r) => r.name).join(',')}`] : []));
  assert.deepEqual(owners, ['blue: demo', 'red: ']);
});

test('planDeployment() rolls back through the deprecated rollback annotation', () => {
  const rss = [rs({ colour: 'blue', replicas: 0, revision: 1 }), rs({ colour: 'green', replicas: 3, revision: 2, desired: 3, max: 4 })];
  const d = deployment({ colour: 'green', annotations: { [REV]: '2', 'deprecated.deployment.rollback.to': '0' } });
  const plan = planDeployment({ deployment: d, replicaSets: rss, pods: [] }, NOW);
  assert.deepEqual(plan.actions.map(summary), ['deployment revision=2', 'event Normal DeploymentRollback: Rolled back deployment "demo" to revision 1', 'status']);
  const update = plan.actions.find((a) => a.op === 'updateDeployment');
  assert.ok(update?.op === 'updateDeployment');
  assert.deepEqual(update.deployment.spec.template, template('blue'));
  assert.equal(update.deployment.metadata.annotations?.['deprecated.deployment.rollback.to'], undefined);
  const missing = planDeployment({ deployment: { ...d, metadata: { ...d.metadata, annotations: { [REV]: '2', 'deprecated.deployment.rollback.to': '9' } } }, replicaSets: rss, pods: [] }, NOW);
  assert.deepEqual(missing.actions.map(summary), ['event Warning DeploymentRollbackRevisionNotFound: Unable to find the revision to rollback to.', 'deployment revision=2', 'status']);
});

test('planDeployment() only writes status for a Deployment being deleted', () => {
  const d = { ...deployment({ colour: 'green', annotations: { [REV]: '1' } }), metadata: { ...deployment().metadata, deletionTimestamp: rfc3339(NOW) } };
  const plan = planDeployment({ deployment: d, replicaSets: [rs({ colour: 'blue', replicas: 3, revision: 1, desired: 3, max: 4 })], pods: [] }, NOW);
  assert.deepEqual(plan.actions.map(summary), ['status']);
  assert.equal(plan.status.replicas, 3);
});

test('planDeployment() refuses an empty selector with a SelectingAll warning', () => {
  const base = deployment({ generation: 2 });
  const plan = planDeployment({ deployment: { ...base, spec: { ...base.spec, selector: {} } }, replicaSets: [], pods: [] }, NOW);
  assert.deepEqual(plan.actions.map(summary), ['event Warning SelectingAll: This deployment is selecting all pods. A non-empty selector is required.', 'status']);
  assert.equal(plan.status.observedGeneration, 2);
});

test('planDeployment() records FoundNewReplicaSet when a rollout is first watched for progress', () => {
  const plan = planDeployment({ deployment: deployment({ annotations: { [REV]: '1' } }), replicaSets: [rs({ colour: 'blue', replicas: 3, available: 1, revision: 1, desired: 3, max: 4 })], pods: [] }, NOW);
  const cond = plan.status.conditions?.find((c) => c.type === 'Progressing');
  assert.deepEqual([cond?.reason, colour(cond?.message ?? '')], ['ReplicaSetUpdated', 'ReplicaSet "blue" is progressing.']);
});

test('planDeployment() copies a changed minReadySeconds onto the new ReplicaSet', () => {
  const plan = planDeployment({ deployment: deployment({ minReadySeconds: 10, annotations: { [REV]: '1' } }), replicaSets: [rs({ colour: 'blue', replicas: 3, revision: 1, desired: 3, max: 4 })], pods: [] }, NOW);
  const update = plan.actions.find((a) => a.op === 'updateRS');
  assert.equal(update?.op === 'updateRS' ? update.rs.spec.minReadySeconds : undefined, 10);
});

/** Freezes `v` and everything it holds, as the engine's caches do. */
function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

test('planDeployment() works on deeply frozen snapshots, whatever path it takes', () => {
  const rss = [rs({ colour: 'blue', replicas: 8, available: 7, revision: 1, desired: 10, max: 13 }), rs({ colour: 'green', replicas: 5, available: 0, revision: 2, desired: 10, max: 13, createdAt: 60 }), rs({ colour: 'red', replicas: 0, revision: 3 })];
  const strategy = { type: 'RollingUpdate' as const, rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } };
  const variants = [
    deployment({ replicas: 10, colour: 'yellow', strategy, revisionHistoryLimit: 0 }),
    deployment({ replicas: 15, colour: 'green', strategy }),
    deployment({ replicas: 10, colour: 'green', strategy: { type: 'Recreate' } }),
    deployment({ replicas: 10, colour: 'green', paused: true, revisionHistoryLimit: 0 }),
    deployment({ replicas: 10, colour: 'green', annotations: { 'deprecated.deployment.rollback.to': '0' } }),
  ];
  for (const d of variants) assert.doesNotThrow(() => planDeployment(deepFreeze({ deployment: d, replicaSets: rss, pods: [] }), NOW));
});
