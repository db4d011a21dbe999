import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PodTemplateSpec } from '../../../api/core-v1.js';
import { isTemplateEqualIgnoringHash, podTemplateHash } from './pod-template-hash.js';
import { template } from './_builders.js';

test('podTemplateHash() is deterministic and ignores key order', () => {
  const a: PodTemplateSpec = { metadata: { labels: { app: 'demo', tier: 'web' } }, spec: { containers: [{ name: 'demo', image: 'nginx:1.25' }] } };
  const b: PodTemplateSpec = { spec: { containers: [{ image: 'nginx:1.25', name: 'demo' }] }, metadata: { labels: { tier: 'web', app: 'demo' } } };
  assert.equal(podTemplateHash(a), podTemplateHash(b));
  assert.match(podTemplateHash(a), /^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
});

test('podTemplateHash() changes with the template and with the collision count', () => {
  const blue = podTemplateHash(template('blue'));
  assert.notEqual(podTemplateHash(template('green')), blue);
  assert.notEqual(podTemplateHash(template('blue'), 1), blue);
  assert.notEqual(podTemplateHash(template('blue'), 1), podTemplateHash(template('blue'), 2));
  assert.equal(podTemplateHash(template('blue'), 1), podTemplateHash(template('blue'), 1));
});

test('podTemplateHash() ignores the pod-template-hash label, nulls and empty maps', () => {
  const plain = template('blue');
  const decorated: PodTemplateSpec = {
    metadata: { labels: { app: 'demo', 'pod-template-hash': 'abc' }, annotations: {} },
    spec: { ...plain.spec, initContainers: [] },
  };
  const fromKubectl = JSON.parse(JSON.stringify({ ...plain, metadata: { ...plain.metadata, creationTimestamp: null } })) as PodTemplateSpec;
  assert.equal(podTemplateHash(decorated), podTemplateHash(plain));
  assert.equal(podTemplateHash(fromKubectl), podTemplateHash(plain));
});

test('isTemplateEqualIgnoringHash() matches a ReplicaSet template against its Deployment template', () => {
  const rsTemplate: PodTemplateSpec = { ...template('blue'), metadata: { labels: { app: 'demo', 'pod-template-hash': '8656dbfdc5' } } };
  assert.equal(isTemplateEqualIgnoringHash(rsTemplate, template('blue')), true);
  assert.equal(isTemplateEqualIgnoringHash(rsTemplate, template('green')), false);
  const relabelled: PodTemplateSpec = { ...template('blue'), metadata: { labels: { app: 'demo', extra: 'x' } } };
  assert.equal(isTemplateEqualIgnoringHash(relabelled, template('blue')), false);
});
