import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isApiError, toStatus } from '../../../api/api-error.js';
import { deepFreeze } from '../../../lib/deep-freeze.js';
import { applyJsonPatch, MAX_JSON_PATCH_OPERATIONS } from './json-patch.js';

const deployment = deepFreeze({
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: { name: 'demo', labels: { app: 'demo' }, annotations: { 'deployment.kubernetes.io/revision': '3', 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
  spec: { replicas: 3, template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
});

test('applyJsonPatch() applies the kubectl rollout undo body (kubectl-wire.md §5.8)', () => {
  const template = {
    metadata: { creationTimestamp: null, labels: { app: 'demo' } },
    spec: {
      containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {},
        terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent' }],
      restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', securityContext: {}, schedulerName: 'default-scheduler',
    },
  };
  const annotations = { 'deployment.kubernetes.io/revision': '2', 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
  const before = structuredClone(deployment);
  const out = applyJsonPatch(deployment, [
    { op: 'replace', path: '/spec/template', value: template },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ]);
  assert.deepEqual(out, { ...deployment, metadata: { ...deployment.metadata, annotations }, spec: { ...deployment.spec, template } });
  assert.deepEqual(deployment, before);
});

test('applyJsonPatch() supports every RFC 6902 operation', () => {
  const rows: Array<[name: string, ops: unknown[], check: (out: unknown) => unknown, want: unknown]> = [
    ['kubectl patch --type json', [{ op: 'replace', path: '/spec/replicas', value: 5 }], (o) => Reflect.get(Reflect.get(Object(o), 'spec'), 'replicas'), 5],
    ['add a label (escaped path)', [{ op: 'add', path: '/metadata/labels/app.kubernetes.io~1name', value: 'x' }],
      (o) => Reflect.get(Object(o), 'metadata').labels, { app: 'demo', 'app.kubernetes.io/name': 'x' }],
    ['remove', [{ op: 'remove', path: '/metadata/labels/app' }], (o) => Reflect.get(Object(o), 'metadata').labels, {}],
    ['append to a list', [{ op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'b' } }],
      (o) => Reflect.get(Object(o), 'spec').template.spec.containers.length, 2],
    ['copy and move', [{ op: 'copy', from: '/metadata/labels', path: '/spec/template/metadata/annotations' }, { op: 'move', from: '/spec/replicas', path: '/spec/count' }],
      (o) => [Reflect.get(Object(o), 'spec').template.metadata.annotations, Reflect.get(Object(o), 'spec').count], [{ app: 'demo' }, 3]],
    ['test that holds', [{ op: 'test', path: '/spec/replicas', value: 3 }], (o) => Reflect.get(Object(o), 'spec').replicas, 3],
    ['null body: no operations', [], (o) => o, deployment],
  ];
  for (const [name, ops, check, want] of rows) assert.deepEqual(check(applyJsonPatch(deployment, ops)), want, name);
  assert.deepEqual(applyJsonPatch(deployment, null), deployment);
});

test('applyJsonPatch() answers a patch that does not apply with Kubernetes\' generic 422', () => {
  const rows: Array<[name: string, ops: unknown]> = [
    ['replace at a missing path', [{ op: 'replace', path: '/spec/paused', value: true }]],
    ['remove a missing member', [{ op: 'remove', path: '/metadata/annotations/nope' }]],
    ['failed test', [{ op: 'test', path: '/spec/replicas', value: 4 }]],
    ['add below a missing parent', [{ op: 'add', path: '/status/conditions/0', value: {} }]],
    ['unknown op', [{ op: 'merge', path: '/spec', value: {} }]],
    ['add without value', [{ op: 'add', path: '/spec/paused' }]],
    ['move without from', [{ op: 'move', path: '/spec/paused' }]],
    ['null operation', [null]],
    ['path without a leading slash', [{ op: 'replace', path: 'spec/replicas', value: 1 }]],
    ['prototype pollution', [{ op: 'add', path: '/__proto__/polluted', value: true }]],
  ];
  for (const [name, ops] of rows) {
    assert.throws(() => applyJsonPatch(deployment, ops), (e: unknown) => {
      assert.ok(isApiError(e, 'Invalid'), name);
      assert.deepEqual(toStatus(e), { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Invalid', code: 422,
        message: 'the server rejected our request due to an error in our request', details: {} });
      return true;
    }, name);
  }
  assert.equal(Reflect.get(Object.prototype, 'polluted'), undefined);
});

test('applyJsonPatch() rejects bodies that are not lists of operations with 400, and huge ones with 413', () => {
  const rows: Array<[ops: unknown, reason: string, message: string]> = [
    [{ op: 'replace' }, 'BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch'],
    ['x', 'BadRequest', 'json: cannot unmarshal string into Go value of type jsonpatch.Patch'],
    [[1], 'BadRequest', 'json: cannot unmarshal number into Go value of type jsonpatch.Operation'],
    [[[]], 'BadRequest', 'json: cannot unmarshal array into Go value of type jsonpatch.Operation'],
    [Array.from({ length: MAX_JSON_PATCH_OPERATIONS + 1 }, () => ({ op: 'test', path: '/kind', value: 'Deployment' })),
      'RequestEntityTooLarge', 'The allowed maximum operations in a JSON patch is 10000, got 10001'],
  ];
  for (const [ops, reason, message] of rows) {
    assert.throws(() => applyJsonPatch(deployment, ops), (e: unknown) => isApiError(e) && e.reason === reason && e.message === message, message);
  }
});
