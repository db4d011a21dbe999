// Cascading deletion through ownerReferences: Background, Foreground and Orphan, driven with kubectl.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../harness/api-harness.js';
import { eventually } from '../harness/poll.js';

let api: TestApi;
before(async () => { api = await startTestApi(); });
after(async () => { await api.close(); });

async function ownerWithDependents(name: string, n: number): Promise<void> {
  await api.k(['create', 'configmap', name]);
  const uid = await api.k(['get', 'cm', name, '-o', 'jsonpath={.metadata.uid}']);
  for (let i = 0; i < n; i++) {
    await api.k(['apply', '-f', '-'], JSON.stringify({
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: `${name}-dep${i}`, ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name, uid, blockOwnerDeletion: true }] },
    }));
  }
}

const exists = (name: string): boolean => api.store.get('configmaps', 'default', name) !== undefined;

test('Background deletion removes dependents after the owner', async () => {
  await ownerWithDependents('bg', 3);
  await api.k('delete cm bg --cascade=background');
  await eventually(() => !exists('bg-dep0') && !exists('bg-dep1') && !exists('bg-dep2'), 'dependents deleted');
});

test('Orphan deletion keeps dependents and removes their owner reference', async () => {
  await ownerWithDependents('or', 2);
  await api.k('delete cm or --cascade=orphan');
  await eventually(() => !exists('or'), 'owner gone');
  const dep = api.store.get('configmaps', 'default', 'or-dep0');
  assert.ok(dep, 'dependent kept');
  assert.deepEqual(dep.metadata.ownerReferences ?? [], []);
});

test('Foreground deletion keeps the owner until its dependents are gone', async () => {
  await ownerWithDependents('fg', 2);
  await api.k('delete cm fg --cascade=foreground --wait=true');
  assert.ok(!exists('fg') && !exists('fg-dep0') && !exists('fg-dep1'));
});

test('a namespace deletion empties it, then removes it', async () => {
  await api.k('create ns scratch');
  await api.k('create configmap x -n scratch');
  assert.match(await api.k('delete ns scratch'), /namespace "scratch" deleted/);
  assert.equal(api.store.get('namespaces', '', 'scratch'), undefined);
  assert.equal(api.store.list('configmaps', 'scratch').length, 0);
});
