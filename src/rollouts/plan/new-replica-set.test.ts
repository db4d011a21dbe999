import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildNewReplicaSet, revisionSyncAnnotations } from './new-replica-set.js';
import { rollout, rs } from './_fixtures.js';

test('buildNewReplicaSet(): name, labels/selector with hash, revision max+1, desired-replicas, ownerRef, replicas 0', () => {
  const ro = rollout({ replicas: 5, annotations: { team: 'a', 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'rollout.argoproj.io/revision': '7' }, spec: { minReadySeconds: 3 } });
  const r = buildNewReplicaSet(ro, 'h1', undefined, [rs({ hash: 'x', revision: 4 })]);
  assert.equal(r.metadata.name, 'demo-h1');
  assert.deepEqual(r.metadata.labels, { app: 'demo', 'rollouts-pod-template-hash': 'h1' });
  assert.deepEqual(r.spec.selector, { matchLabels: { app: 'demo', 'rollouts-pod-template-hash': 'h1' } });
  assert.deepEqual(r.spec.template.metadata?.labels, { app: 'demo', 'rollouts-pod-template-hash': 'h1' });
  assert.deepEqual(r.metadata.annotations, { team: 'a', 'rollout.argoproj.io/revision': '5', 'rollout.argoproj.io/desired-replicas': '5' });
  assert.equal(r.spec.replicas, 0);
  assert.equal(r.spec.minReadySeconds, 3);
  assert.equal(r.metadata.ownerReferences?.[0]?.controller, true);
});

test('buildNewReplicaSet(): canary metadata while a stable exists (recorded for later removal), stable metadata on the first RS', () => {
  const ro = rollout({ canary: { canaryMetadata: { labels: { role: 'canary' } }, stableMetadata: { labels: { role: 'stable' } } } });
  const canary = buildNewReplicaSet(ro, 'h2', rs({ hash: 'h1' }), []);
  assert.equal(canary.spec.template.metadata?.labels?.['role'], 'canary');
  assert.equal(canary.metadata.labels?.['role'], undefined);
  assert.equal(canary.metadata.annotations?.['rollout.argoproj.io/ephemeral-metadata'], '{"labels":{"role":"canary"}}');
  assert.equal(buildNewReplicaSet(ro, 'h1', undefined, []).spec.template.metadata?.labels?.['role'], 'stable');
});

test('buildNewReplicaSet(): anti-affinity against the stable while one differs', () => {
  const ro = rollout({ canary: { antiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {} } }, status: { stableRS: 'h1' } });
  const r = buildNewReplicaSet(ro, 'h2', rs({ hash: 'h1' }), []);
  assert.deepEqual(r.spec.template.spec.affinity, { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: 'rollouts-pod-template-hash', operator: 'In', values: ['h1'] }] }, namespaces: ['default'], topologyKey: 'kubernetes.io/hostname' }] } });
});

test('revisionSyncAnnotations(): a re-used old RS gets max+1 and keeps its old revision in revision-history', () => {
  const ro = rollout({ annotations: { team: 'b' } });
  assert.deepEqual(revisionSyncAnnotations(ro, rs({ hash: 'v1', revision: 1, annotations: { team: 'b' } }), [rs({ hash: 'v2', revision: 2 })]),
    { 'rollout.argoproj.io/revision': '3', 'rollout.argoproj.io/revision-history': '1' });
  assert.deepEqual(revisionSyncAnnotations(ro, rs({ hash: 'v1', revision: 3, annotations: { 'rollout.argoproj.io/revision-history': '1' } }), [rs({ hash: 'v2', revision: 4 })]),
    { team: 'b', 'rollout.argoproj.io/revision': '5', 'rollout.argoproj.io/revision-history': '1,3' });
  assert.deepEqual(revisionSyncAnnotations(ro, rs({ hash: 'v3', revision: 3, annotations: { team: 'b' } }), [rs({ hash: 'v2', revision: 2 })]), {});
});
