import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../api/meta.js';
import { ownerStateOf, planDependent, type OwnerState } from './plan-gc.js';

const pod = (owners: string[], deleting = false): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: {
    name: 'p', namespace: 'default', uid: 'pod',
    ownerReferences: owners.map((uid) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: uid, uid, controller: true })),
    ...(deleting ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}),
  },
});

const rows: { name: string; dep: KubeObject; owners: Record<string, OwnerState>; want: ReturnType<typeof planDependent> }[] = [
  { name: 'no owners: nothing', dep: pod([]), owners: {}, want: { op: 'none' } },
  { name: 'owner present: nothing', dep: pod(['a']), owners: { a: 'present' }, want: { op: 'none' } },
  { name: 'only owner gone: delete', dep: pod(['a']), owners: { a: 'absent' }, want: { op: 'deleteDependent', foreground: false } },
  { name: 'owner foreground-deleting: delete in foreground', dep: pod(['a']), owners: { a: 'foreground' }, want: { op: 'deleteDependent', foreground: true } },
  { name: 'owner orphaning: unlink', dep: pod(['a']), owners: { a: 'orphaning' }, want: { op: 'removeOwnerRefs', uids: ['a'] } },
  { name: 'one of two owners gone: unlink the gone one', dep: pod(['a', 'b']), owners: { a: 'absent', b: 'present' }, want: { op: 'removeOwnerRefs', uids: ['a'] } },
  { name: 'already deleting: nothing more', dep: pod(['a'], true), owners: { a: 'absent' }, want: { op: 'none' } },
];

for (const r of rows) {
  test(`planDependent() ${r.name}`, () => {
    assert.deepEqual(planDependent(r.dep, new Map(Object.entries(r.owners))), r.want);
  });
}

test('ownerStateOf() reads deletion state and finalizers', () => {
  const base: KubeObject = { apiVersion: 'v1', kind: 'X', metadata: { name: 'o', uid: 'o' } };
  assert.equal(ownerStateOf(undefined), 'absent');
  assert.equal(ownerStateOf(base), 'present');
  assert.equal(ownerStateOf({ ...base, metadata: { ...base.metadata, deletionTimestamp: 't', finalizers: ['orphan'] } }), 'orphaning');
  assert.equal(ownerStateOf({ ...base, metadata: { ...base.metadata, deletionTimestamp: 't', finalizers: ['foregroundDeletion'] } }), 'foreground');
});
