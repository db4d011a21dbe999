import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import { defaultObject } from './defaults.js';
import { validateObject } from './validate.js';

const check = (key: string, obj: KubeObject, old?: KubeObject): string[] => validateObject(key, obj, old).map(formatFieldError);
const ns = (name: string, spec: Record<string, unknown> = {}): KubeObject =>
  defaultObject('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec });

test('Namespace validation table', () => {
  const rows: Array<[string, KubeObject, string[]]> = [
    ['argo-rollouts', ns('argo-rollouts'), []],
    ['dotted name', ns('my.ns'), ['metadata.name: Invalid value: "my.ns": must not contain dots']],
    ['long name (the defaulted name label fails too, as in Kubernetes)', ns('n'.repeat(64)), [
      `metadata.name: Invalid value: "${'n'.repeat(64)}": must be no more than 63 characters`,
      `metadata.labels: Invalid value: "${'n'.repeat(64)}": must be no more than 63 characters`,
    ]],
    ['bad finalizer', ns('demo', { finalizers: ['cleanup'] }), ['spec.finalizers: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified']],
  ];
  for (const [name, obj, want] of rows) assert.deepEqual(check('namespaces', obj), want, name);
  assert.deepEqual(check('namespaces', ns('other'), ns('argo-rollouts')), ['metadata.name: Invalid value: "other": field is immutable']);
});

test('ServiceAccount, Lease and Endpoints', () => {
  const meta = { name: 'demo', namespace: 'default' };
  assert.deepEqual(check('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta }), []);
  assert.deepEqual(check('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'Demo' } }).length, 1);
  const lease = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: meta, spec });
  assert.deepEqual(check('coordination.k8s.io/leases', lease({ holderIdentity: 'sluice', leaseDurationSeconds: 15 })), []);
  assert.deepEqual(check('coordination.k8s.io/leases', lease({ leaseDurationSeconds: 0, leaseTransitions: -1 })), [
    'spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0', 'spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0',
  ]);
  const ep = (subsets: unknown): KubeObject => defaultObject('endpoints', { apiVersion: 'v1', kind: 'Endpoints', metadata: meta, subsets });
  assert.deepEqual(check('endpoints', ep([{ addresses: [{ ip: '127.0.0.2' }], ports: [{ port: 8080 }] }])), []);
  assert.deepEqual(check('endpoints', ep([{ addresses: [], ports: [{ port: 0 }] }])), [
    'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`', 'subsets[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
  ]);
  assert.deepEqual(check('endpoints', ep([{ addresses: [{ ip: 'pod-a' }] }])), ['subsets[0].addresses[0].ip: Invalid value: "pod-a": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
});

test('Event: the involved object must be in the event’s namespace', () => {
  const event = (involvedNamespace: string): KubeObject => ({ apiVersion: 'v1', kind: 'Event', metadata: { name: 'demo.1', namespace: 'default' },
    involvedObject: { kind: 'Pod', name: 'demo', namespace: involvedNamespace }, reason: 'Started' });
  assert.deepEqual(check('events', event('default')), []);
  assert.deepEqual(check('events', event('other')), ['involvedObject.namespace: Invalid value: "other": does not match event.namespace']);
});

test('validateObject() knows nothing about custom resources', () => {
  assert.deepEqual(check('argoproj.io/rollouts', { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: {} }), []);
});
