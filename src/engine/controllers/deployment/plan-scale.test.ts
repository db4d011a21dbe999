import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planDeployment } from './plan-deployment.js';
import { deployment, rs, T0 } from './_builders.js';
import { byColour, summary } from './_simulator.js';

const NOW = T0 + 3600_000;
const colour = byColour(['blue', 'green', 'red']);
const surge3 = { type: 'RollingUpdate' as const, rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } };

function plan(d: ReturnType<typeof deployment>, rss: ReturnType<typeof rs>[]): string[] {
  return planDeployment({ deployment: d, replicaSets: rss, pods: [] }, NOW).actions.map(summary).map(colour).filter((s) => s !== 'status');
}

const rows: { name: string; d: ReturnType<typeof deployment>; rss: ReturnType<typeof rs>[]; want: string[] }[] = [
  {
    // The Kubernetes docs' proportional scaling example: stuck at old 8 + new 5 (of 10, maxSurge 3), scaled to 15.
    name: 'spreads 10 → 15 over a stuck rollout: old 8 → 11, new 5 → 7',
    d: deployment({ replicas: 15, colour: 'green', strategy: surge3, annotations: { 'deployment.kubernetes.io/revision': '2' } }),
    rss: [rs({ colour: 'blue', replicas: 8, revision: 1, desired: 10, max: 13 }), rs({ colour: 'green', replicas: 5, available: 0, revision: 2, desired: 10, max: 13, createdAt: 60 })],
    want: [
      'update blue replicas=11 revision=1',
      'event Normal ScalingReplicaSet: Scaled up replica set blue from 8 to 11',
      'update green replicas=7 revision=2',
      'event Normal ScalingReplicaSet: Scaled up replica set green from 5 to 7',
    ],
  },
  {
    // 13 → 8 allowed (5 + 3): old round(8·8/13) − 8 = −3, new round(5·8/13) − 5 = −2.
    name: 'shrinks 10 → 5 over a stuck rollout: old 8 → 5, new 5 → 3',
    d: deployment({ replicas: 5, colour: 'green', strategy: surge3, annotations: { 'deployment.kubernetes.io/revision': '2' } }),
    rss: [rs({ colour: 'blue', replicas: 8, revision: 1, desired: 10, max: 13 }), rs({ colour: 'green', replicas: 5, available: 0, revision: 2, desired: 10, max: 13, createdAt: 60 })],
    want: [
      'update blue replicas=5 revision=1',
      'event Normal ScalingReplicaSet: Scaled down replica set blue from 8 to 5',
      'update green replicas=3 revision=2',
      'event Normal ScalingReplicaSet: Scaled down replica set green from 5 to 3',
    ],
  },
  {
    name: 'gives the only active ReplicaSet the whole new count (kubectl scale --replicas=5)',
    d: deployment({ replicas: 5, annotations: { 'deployment.kubernetes.io/revision': '2' } }),
    rss: [rs({ colour: 'blue', replicas: 3, revision: 2, desired: 3, max: 4 }), rs({ colour: 'green', replicas: 0, revision: 1, desired: 3, max: 4 })],
    want: ['update blue replicas=5 revision=2', 'event Normal ScalingReplicaSet: Scaled up replica set blue from 3 to 5'],
  },
  {
    name: 'scales every ReplicaSet to 0 for 0 replicas',
    d: deployment({ replicas: 0, colour: 'green', strategy: surge3, annotations: { 'deployment.kubernetes.io/revision': '2' } }),
    rss: [rs({ colour: 'blue', replicas: 8, revision: 1, desired: 10, max: 13 }), rs({ colour: 'green', replicas: 5, revision: 2, desired: 10, max: 13, createdAt: 60 })],
    want: [
      'update blue replicas=0 revision=1',
      'event Normal ScalingReplicaSet: Scaled down replica set blue from 8 to 0',
      'update green replicas=0 revision=2',
      'event Normal ScalingReplicaSet: Scaled down replica set green from 5 to 0',
    ],
  },
  {
    name: 'while paused, scales but starts no rollout for a changed template',
    d: deployment({ replicas: 4, colour: 'red', paused: true, annotations: { 'deployment.kubernetes.io/revision': '1' } }),
    rss: [rs({ colour: 'blue', replicas: 3, revision: 1, desired: 3, max: 4 })],
    want: ['update blue replicas=4 revision=1', 'event Normal ScalingReplicaSet: Scaled up replica set blue from 3 to 4'],
  },
];

for (const row of rows) {
  test(`planDeployment() scaling ${row.name}`, () => {
    assert.deepEqual(plan(row.d, row.rss), row.want);
  });
}

test('planDeployment() marks a paused Deployment Progressing=Unknown DeploymentPaused, and resumed when resumed', () => {
  // Paused mid-rollout: green (new) has 1 unavailable pod, blue (old) 3.
  const rss = [rs({ colour: 'blue', replicas: 3, revision: 1, desired: 3, max: 4 }), rs({ colour: 'green', replicas: 1, available: 0, revision: 2, desired: 3, max: 4, createdAt: 60 })];
  const annotations = { 'deployment.kubernetes.io/revision': '2' };
  const paused = planDeployment({ deployment: deployment({ colour: 'green', paused: true, annotations }), replicaSets: rss, pods: [] }, NOW);
  const cond = paused.status.conditions?.find((c) => c.type === 'Progressing');
  assert.deepEqual([cond?.status, cond?.reason, cond?.message], ['Unknown', 'DeploymentPaused', 'Deployment is paused']);
  assert.equal(paused.requeueAfterMs, undefined);
  const resumed = planDeployment({ deployment: deployment({ colour: 'green', annotations, status: paused.status }), replicaSets: rss, pods: [] }, NOW + 5000);
  const after = resumed.status.conditions?.find((c) => c.type === 'Progressing');
  assert.deepEqual([after?.status, after?.reason, after?.message, after?.lastUpdateTime], ['Unknown', 'DeploymentResumed', 'Deployment is resumed', '2025-01-01T01:00:05Z']);
  // The deadline (600 s by default) counts from the resume, plus Kubernetes' one-second margin.
  assert.equal(resumed.requeueAfterMs, 601_000);
});
