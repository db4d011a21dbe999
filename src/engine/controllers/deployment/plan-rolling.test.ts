import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DeploymentStatus } from '../../../api/apps-v1.js';
import { planDeployment } from './plan-deployment.js';
import { deployment, rs, T0 } from './_builders.js';
import { byColour, reconcile, runToQuiet, settle, summary, type World } from './_simulator.js';

const NOW = T0 + 3600_000;
const colour = byColour(['blue', 'green', 'yellow']);

/** The settled status of a Deployment that finished rolling out `replicas`. */
function settledStatus(replicas: number): DeploymentStatus {
  return { observedGeneration: 1, replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas };
}

test('planDeployment() reproduces the chapter\'s 25%/25% rollout: new 1 → old 2 → new 2 → old 1 → new 3 → old 0', () => {
  const blue = rs({ colour: 'blue', replicas: 3, revision: 1, desired: 3, max: 4 });
  const green = deployment({ colour: 'green', generation: 2, annotations: { 'deployment.kubernetes.io/revision': '1' }, status: settledStatus(3) });
  const end = runToQuiet({ d: green, rss: [blue], watch: [] }, NOW);
  assert.deepEqual(end.watch.map(colour), ['green 1', 'blue 2', 'green 2', 'blue 1', 'green 3', 'blue 0']);
  assert.equal(end.d.metadata.annotations?.['deployment.kubernetes.io/revision'], '2');
  assert.deepEqual(end.d.status?.conditions?.map((c) => `${c.type}=${c.status} ${c.reason ?? ''}: ${colour(c.message ?? '')}`), [
    'Available=True MinimumReplicasAvailable: Deployment has minimum availability.',
    'Progressing=True NewReplicaSetAvailable: ReplicaSet "green" has successfully progressed.',
  ]);
});

test('planDeployment() reproduces the chapter\'s maxSurge 3 / maxUnavailable 3 rollback: both ReplicaSets jump in one step', () => {
  const strategy = { type: 'RollingUpdate' as const, rollingUpdate: { maxSurge: 3, maxUnavailable: 3 } };
  const blue = rs({ colour: 'blue', replicas: 0, revision: 1, desired: 3, max: 4, createdAt: 0 });
  const green = rs({ colour: 'green', replicas: 3, revision: 2, desired: 3, max: 4, createdAt: 60 });
  const d = deployment({ colour: 'blue', strategy, generation: 3, annotations: { 'deployment.kubernetes.io/revision': '2' }, status: settledStatus(3) });
  // No settling between the two steps: green goes to 0 before any blue pod is ready (minAvailable is 0).
  const first = reconcile({ d, rss: [blue, green], watch: [] }, NOW);
  assert.deepEqual(first.plan.actions.map(summary).map(colour), [
    'update blue replicas=0 revision=3',
    'deployment revision=3',
    'update blue replicas=3 revision=3',
    'event Normal ScalingReplicaSet: Scaled up replica set blue from 0 to 3',
    'status',
  ]);
  const second = reconcile(first.world, NOW + 1000);
  assert.deepEqual(second.plan.actions.map(summary).map(colour), [
    'update green replicas=0 revision=2',
    'event Normal ScalingReplicaSet: Scaled down replica set green from 3 to 0',
    'status',
  ]);
  assert.deepEqual(second.world.watch.map(colour), ['blue 0', 'blue 3', 'green 0']);
  const reused = second.world.rss.find((r) => r.metadata.name === blue.metadata.name);
  assert.deepEqual([reused?.metadata.annotations?.['deployment.kubernetes.io/revision'], reused?.metadata.annotations?.['deployment.kubernetes.io/revision-history']], ['3', '1']);
  assert.equal(settle(second.world).rss.length, 2);
});

// Kubernetes' reconcileOldReplicaSets example: 10 replicas, maxUnavailable 2, maxSurge 3.
const example = { type: 'RollingUpdate' as const, rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } };
const exampleRows: { name: string; world: () => World; want: string[] }[] = [
  {
    name: 'case 1: new pods crash-loop and an old pod fails: 13 − 8 − 5 = 0, nothing moves',
    world: () => ({
      d: deployment({ replicas: 10, colour: 'green', strategy: example, annotations: { 'deployment.kubernetes.io/revision': '2' }, progressDeadlineSeconds: 2147483647 }),
      rss: [rs({ colour: 'blue', replicas: 8, available: 7, revision: 1, desired: 10, max: 13 }), rs({ colour: 'green', replicas: 5, available: 0, revision: 2, desired: 10, max: 13, createdAt: 60 })],
      watch: [],
    }),
    want: ['status'],
  },
  {
    name: 'case 1 after rollout undo: 13 − 8 − 1 = 4 crash-looping pods go',
    world: () => ({
      d: deployment({ replicas: 10, colour: 'blue', strategy: example, annotations: { 'deployment.kubernetes.io/revision': '2' }, progressDeadlineSeconds: 2147483647 }),
      rss: [rs({ colour: 'blue', replicas: 8, available: 7, revision: 1, desired: 10, max: 13 }), rs({ colour: 'green', replicas: 5, available: 0, revision: 2, desired: 10, max: 13, createdAt: 60 })],
      watch: [],
    }),
    want: [
      'update blue replicas=8 revision=3',
      'deployment revision=3',
      'update green replicas=1 revision=2',
      'event Normal ScalingReplicaSet: Scaled down replica set green from 5 to 1',
      'status',
    ],
  },
  {
    name: 'case 2, a third template instead ("roll over"): new starts at 0, the old ones lose 13 − 8 − 0 = 5',
    world: () => ({
      d: deployment({ replicas: 10, colour: 'yellow', strategy: example, annotations: { 'deployment.kubernetes.io/revision': '2' }, progressDeadlineSeconds: 2147483647 }),
      rss: [rs({ colour: 'blue', replicas: 8, available: 7, revision: 1, desired: 10, max: 13 }), rs({ colour: 'green', replicas: 5, available: 0, revision: 2, desired: 10, max: 13, createdAt: 60 })],
      watch: [],
    }),
    want: [
      'create yellow replicas=0 revision=3',
      'deployment revision=3',
      'update blue replicas=7 revision=1',
      'event Normal ScalingReplicaSet: Scaled down replica set blue from 8 to 7',
      'update green replicas=1 revision=2',
      'event Normal ScalingReplicaSet: Scaled down replica set green from 5 to 1',
      'status',
    ],
  },
];

for (const row of exampleRows) {
  test(`planDeployment() rolling update, worked example ${row.name}`, () => {
    assert.deepEqual(reconcile(row.world(), NOW).plan.actions.map(summary).map(colour), row.want);
  });
}

test('planDeployment() rolling update, worked example case 2 continued: the new ReplicaSet then grows by 5', () => {
  const start = exampleRows[2]?.world();
  assert.ok(start);
  const next = reconcile(reconcile(start, NOW).world, NOW + 1000);
  assert.deepEqual(next.plan.actions.map(summary).map(colour), [
    'update yellow replicas=5 revision=3',
    'event Normal ScalingReplicaSet: Scaled up replica set yellow from 0 to 5',
    'status',
  ]);
});

test('planDeployment() creates the first ReplicaSet of a new Deployment at full size', () => {
  const plan = planDeployment({ deployment: deployment({ replicas: 3 }), replicaSets: [], pods: [] }, NOW);
  assert.deepEqual(plan.actions.map(summary).map(colour), [
    'create blue replicas=3 revision=1',
    'event Normal ScalingReplicaSet: Scaled up replica set blue from 0 to 3',
    'deployment revision=1',
    'status',
  ]);
});

test('planDeployment() scales an oversized new ReplicaSet straight down to spec.replicas', () => {
  const blue = rs({ colour: 'blue', replicas: 5, revision: 1, desired: 3, max: 4 });
  const d = deployment({ replicas: 3, annotations: { 'deployment.kubernetes.io/revision': '1' } });
  // desired-replicas 3 matches spec.replicas, so this is not a scaling event: the rollout path trims it.
  assert.deepEqual(planDeployment({ deployment: d, replicaSets: [blue], pods: [] }, NOW).actions.map(summary).map(colour), [
    'update blue replicas=3 revision=1',
    'event Normal ScalingReplicaSet: Scaled down replica set blue from 5 to 3',
    'status',
  ]);
});
