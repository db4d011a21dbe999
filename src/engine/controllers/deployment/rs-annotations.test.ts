import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeNewRSAnnotations, computeRollbackAnnotations } from './rs-annotations.js';
import { computeLastRevision, computeMaxRevision } from './revision.js';
import { rs } from './_builders.js';

const rows: { name: string; deployment?: Record<string, string>; current?: Record<string, string>; newRevision: number; replicas?: { desired: number; max: number }; want: Record<string, string>; changed: boolean }[] = [
  {
    name: 'a ReplicaSet about to be created gets revision, desired and max replicas, and change-cause',
    deployment: { 'kubernetes.io/change-cause': 'image 1.27', 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'deployment.kubernetes.io/revision': '1' },
    newRevision: 2, replicas: { desired: 3, max: 4 },
    want: { 'kubernetes.io/change-cause': 'image 1.27', 'deployment.kubernetes.io/revision': '2', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' },
    changed: true,
  },
  {
    name: 'a ReplicaSet brought back by a rollback records its old revision',
    current: { 'deployment.kubernetes.io/revision': '1' }, newRevision: 3,
    want: { 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' }, changed: true,
  },
  {
    name: 'a second rollback appends to the history',
    current: { 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' }, newRevision: 5,
    want: { 'deployment.kubernetes.io/revision': '5', 'deployment.kubernetes.io/revision-history': '1,3' }, changed: true,
  },
  {
    name: 'the current new ReplicaSet (revision already max+1) is left alone',
    current: { 'deployment.kubernetes.io/revision': '4' }, newRevision: 4,
    want: { 'deployment.kubernetes.io/revision': '4' }, changed: false,
  },
  {
    name: 'a revision higher than max+1 (old ReplicaSets deleted) is not lowered',
    current: { 'deployment.kubernetes.io/revision': '7' }, newRevision: 4,
    want: { 'deployment.kubernetes.io/revision': '7' }, changed: false,
  },
];

for (const r of rows) {
  test(`computeNewRSAnnotations(): ${r.name}`, () => {
    assert.deepEqual(computeNewRSAnnotations(r.deployment, r.current, r.newRevision, r.replicas), { annotations: r.want, changed: r.changed });
  });
}

test('computeRollbackAnnotations() keeps the Deployment\'s own annotations and takes the rest from the ReplicaSet', () => {
  const d = { 'deployment.kubernetes.io/revision': '3', 'kubernetes.io/change-cause': 'edit', 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
  const fromRS = { 'deployment.kubernetes.io/revision': '1', 'kubernetes.io/change-cause': 'create', 'deployment.kubernetes.io/desired-replicas': '3' };
  assert.deepEqual(computeRollbackAnnotations(d, fromRS), {
    'deployment.kubernetes.io/revision': '3', 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'kubernetes.io/change-cause': 'create',
  });
});

test('computeMaxRevision() and computeLastRevision() read the revision annotations', () => {
  const rss = [rs({ colour: 'blue', replicas: 0, revision: 1 }), rs({ colour: 'green', replicas: 0, revision: 4 }), rs({ colour: 'red', replicas: 3, revision: 2 })];
  assert.equal(computeMaxRevision(rss), 4);
  assert.equal(computeLastRevision(rss), 2);
  assert.equal(computeMaxRevision([]), 0);
});
