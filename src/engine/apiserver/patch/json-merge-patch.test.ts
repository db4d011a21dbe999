import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deepFreeze } from '../../../lib/deep-freeze.js';
import { applyMergePatch } from './json-merge-patch.js';

test('applyMergePatch() follows RFC 7386', () => {
  const rows: Array<[target: unknown, patch: unknown, want: unknown]> = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  for (const [target, patch, want] of rows) assert.deepEqual(applyMergePatch(target, patch), want, JSON.stringify([target, patch]));
});

test('applyMergePatch() applies kubectl apply bodies for custom resources and never mutates its inputs', () => {
  const rollout = deepFreeze({
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'demo', annotations: { a: '1' } },
    spec: { replicas: 3, template: { spec: { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] } } },
  });
  const patch = deepFreeze({ metadata: { annotations: { b: '2' } }, spec: { replicas: 4, template: { spec: { containers: [{ image: 'nginx:1.26', name: 'web' }] } } } });
  const before = structuredClone(rollout);
  assert.deepEqual(applyMergePatch(rollout, patch), {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'demo', annotations: { a: '1', b: '2' } },
    spec: { replicas: 4, template: { spec: { containers: [{ image: 'nginx:1.26', name: 'web' }] } } },
  });
  assert.deepEqual(rollout, before);
});

test('applyMergePatch() keeps a "__proto__" member an ordinary member', () => {
  const patch: unknown = JSON.parse('{"__proto__": {"polluted": true}}');
  const out = applyMergePatch({}, patch);
  assert.equal(Object.getPrototypeOf(out), Object.prototype);
  assert.deepEqual(Object.keys(out ?? {}), ['__proto__']);
});
