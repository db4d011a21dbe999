import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError } from '../../../api/field-error.js';
import { nameIsDNSLabel, nameIsDNSSubdomain } from './metadata.js';
import { validateAnnotations, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

const msgs = (errs: Parameters<typeof formatFieldError>[0][]): string[] => errs.map(formatFieldError);

test('validateObjectMeta() table', () => {
  const rows: Array<[string, unknown, string[]]> = [
    ['valid', { name: 'demo', labels: { app: 'demo' }, annotations: { 'example.com/x': 'y' } }, []],
    ['generated name (the server fills name from generateName first)', { generateName: 'demo-', name: 'demo-x7k2p' }, []],
    ['generateName not yet expanded', { generateName: 'demo-' }, ['metadata.name: Required value: name or generateName is required']],
    ['no name', {}, ['metadata.name: Required value: name or generateName is required']],
    ['bad name', { name: 'Demo' }, [`metadata.name: Invalid value: "Demo": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`]],
    ['bad label value', { name: 'demo', labels: { app: 'blue!' } }, [
      `metadata.labels: Invalid value: "blue!": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]],
    ['negative generation', { name: 'demo', generation: -1 }, ['metadata.generation: Invalid value: -1: must be greater than or equal to 0']],
    ['odd finalizer', { name: 'demo', finalizers: ['mine'] }, ['metadata.finalizers[0]: Invalid value: "mine": name is neither a standard finalizer name nor is it fully qualified']],
  ];
  for (const [name, meta, want] of rows) assert.deepEqual(msgs(validateObjectMeta(meta, nameIsDNSSubdomain)), want, name);
});

test('validateObjectMeta() allows one controller owner only', () => {
  const refs = [
    { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true },
    { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: '2', controller: true },
  ];
  const [err, ...rest] = validateObjectMeta({ name: 'demo', ownerReferences: refs }, nameIsDNSSubdomain);
  assert.deepEqual(rest, []);
  assert.equal(err?.field, 'metadata.ownerReferences');
  assert.equal(err?.detail, 'Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/a and ReplicaSet/b');
});

test('validateObjectMeta() uses the kind’s name rule (namespaces are labels)', () => {
  assert.deepEqual(msgs(validateObjectMeta({ name: 'a.b' }, nameIsDNSLabel)), ['metadata.name: Invalid value: "a.b": must not contain dots']);
});

test('validateAnnotations() limits the total size to 256 KiB', () => {
  const errs = validateAnnotations({ big: 'x'.repeat(256 * 1024) }, 'metadata.annotations');
  assert.deepEqual(msgs(errs), ['metadata.annotations: Too long: may not be more than 262144 bytes']);
});

test('validateObjectMetaUpdate() table', () => {
  const old = { name: 'demo', namespace: 'default', uid: 'u1', generation: 2 };
  const rows: Array<[string, unknown, string[]]> = [
    ['unchanged', { ...old }, []],
    ['uid omitted (the server copies it)', { name: 'demo', namespace: 'default' }, []],
    ['renamed', { ...old, name: 'other' }, ['metadata.name: Invalid value: "other": field is immutable']],
    ['new uid', { ...old, uid: 'u2' }, ['metadata.uid: Invalid value: "u2": field is immutable']],
    ['generation down', { ...old, generation: 1 }, ['metadata.generation: Invalid value: 1: must not be decremented']],
  ];
  for (const [name, meta, want] of rows) assert.deepEqual(msgs(validateObjectMetaUpdate(meta, old)), want, name);
});

test('validateObjectMetaUpdate() refuses new finalizers while deleting', () => {
  const old = { name: 'demo', deletionTimestamp: '2025-01-01T00:00:00Z', finalizers: ['a.io/x'] };
  assert.deepEqual(msgs(validateObjectMetaUpdate({ ...old, finalizers: ['a.io/x', 'b.io/y'] }, old)), [
    'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y"}',
  ]);
});
