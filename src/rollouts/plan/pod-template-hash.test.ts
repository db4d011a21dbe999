import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReplicaSet } from '../../api/apps-v1.js';
import { classifyReplicaSets, computePodTemplateHash, findNewReplicaSet, podTemplateEqualIgnoreHash } from './pod-template-hash.js';
import { rollout, rs, template } from './_fixtures.js';

test('computePodTemplateHash() is deterministic, safe-encoded and changes with collisionCount', () => {
  const h = computePodTemplateHash(template());
  assert.match(h, /^[bcdfghjklmnpqrstvwxz2456789]+$/);
  assert.equal(computePodTemplateHash(template()), h);
  assert.notEqual(computePodTemplateHash(template('x:2')), h);
  assert.notEqual(computePodTemplateHash(template(), 1), h);
  assert.notEqual(computePodTemplateHash(template(), 0), h, 'a collisionCount of 0 still adds its bytes, as in Argo');
});

test('computePodTemplateHash() ignores key order, nulls, empty maps and server defaults', () => {
  const a = template();
  const b = {
    metadata: { creationTimestamp: null, labels: { app: 'demo' } },
    spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', containers: [{ image: 'argoproj/rollouts-demo:blue', name: 'demo', resources: {}, imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' }] },
  } as unknown as ReturnType<typeof template>;
  assert.equal(computePodTemplateHash(b), computePodTemplateHash(a));
});

test('podTemplateEqualIgnoreHash() ignores the hash label only', () => {
  const live = { ...template(), metadata: { labels: { app: 'demo', 'rollouts-pod-template-hash': 'abc' } } };
  assert.equal(podTemplateEqualIgnoreHash(live, template()), true);
  assert.equal(podTemplateEqualIgnoreHash(live, template('other:1')), false);
});

test('findNewReplicaSet() by hash, else by template (an RS made by Argo with a Go hash), ignoring injected metadata', () => {
  const ro = rollout({ canary: { canaryMetadata: { labels: { role: 'canary' } } } });
  const byHash = rs({ hash: computePodTemplateHash(ro.spec.template) });
  assert.equal(findNewReplicaSet(ro, [rs({ hash: 'old', image: 'x:1' }), byHash])?.metadata.name, byHash.metadata.name);
  const argoMade: ReplicaSet = rs({ hash: '6f646bf7b7', annotations: { 'rollout.argoproj.io/ephemeral-metadata': '{"labels":{"role":"canary"}}' } });
  const withInjected: ReplicaSet = { ...argoMade, spec: { ...argoMade.spec, template: { ...argoMade.spec.template, metadata: { labels: { ...argoMade.spec.template.metadata?.labels, role: 'canary' } } } } };
  assert.equal(findNewReplicaSet(ro, [withInjected])?.metadata.name, 'demo-6f646bf7b7');
  assert.equal(findNewReplicaSet(ro, [rs({ hash: 'zzz', image: 'other:2' })]), undefined);
});

test('classifyReplicaSets() splits new, stable (by status.stableRS) and others', () => {
  const ro = rollout({ status: { stableRS: 'v1' } });
  const v1 = rs({ hash: 'v1', image: 'img:1' });
  const v0 = rs({ hash: 'v0', image: 'img:0' });
  const v2 = rs({ hash: computePodTemplateHash(ro.spec.template) });
  const c = classifyReplicaSets(ro, [v0, v1, v2]);
  assert.equal(c.newRS?.metadata.name, v2.metadata.name);
  assert.equal(c.stableRS?.metadata.name, 'demo-v1');
  assert.deepEqual(c.otherRSs.map((r) => r.metadata.name), ['demo-v0']);
  const promoted = rollout({ status: { stableRS: v2.metadata.labels?.['rollouts-pod-template-hash'] ?? '' } });
  const p = classifyReplicaSets(promoted, [v0, v2]);
  assert.equal(p.stableRS?.metadata.name, p.newRS?.metadata.name);
});
