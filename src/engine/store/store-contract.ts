// The contract every Store implementation must pass (Hono-style shared suite).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isApiError } from '../../api/api-error.js';
import type { KubeObject } from '../../api/meta.js';
import type { Store, StoreEvent } from './store.js';

const cm = (name: string, data: Record<string, string> = {}, namespace = 'default'): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data });

/** Runs the store contract against stores made by `newStore`. */
export function storeContract(newStore: () => Store): void {
  describe('store contract', () => {
    test('create assigns increasing resourceVersions across resources', () => {
      const s = newStore();
      const a = s.create('configmaps', cm('a'));
      const b = s.create('apps/deployments', { ...cm('b'), kind: 'Deployment' });
      assert.ok(Number(b.metadata.resourceVersion) > Number(a.metadata.resourceVersion));
      assert.equal(s.currentRv(), Number(b.metadata.resourceVersion));
      s.close();
    });

    test('create of an existing name fails with AlreadyExists and changes nothing', () => {
      const s = newStore();
      s.create('configmaps', cm('a', { x: '1' }));
      const rv = s.currentRv();
      assert.throws(() => s.create('configmaps', cm('a', { x: '2' })), (e) => isApiError(e, 'AlreadyExists'));
      assert.equal(s.currentRv(), rv);
      assert.deepEqual(s.get('configmaps', 'default', 'a')?.['data'], { x: '1' });
      s.close();
    });

    test('update with a stale resourceVersion fails with Conflict', () => {
      const s = newStore();
      const a = s.create('configmaps', cm('a'));
      s.update('configmaps', cm('a', { v: '2' }));
      assert.throws(() => s.update('configmaps', cm('a', { v: '3' }), { expectedRv: a.metadata.resourceVersion ?? '' }),
        (e) => isApiError(e, 'Conflict'));
      s.close();
    });

    test('objects handed out are frozen', () => {
      const s = newStore();
      const a = s.create('configmaps', cm('a', { x: '1' }));
      assert.throws(() => { (a['data'] as Record<string, string>)['x'] = '2'; }, TypeError);
      s.close();
    });

    test('list filters by namespace and sorts by name', () => {
      const s = newStore();
      s.create('configmaps', cm('b'));
      s.create('configmaps', cm('a'));
      s.create('configmaps', cm('c', {}, 'other'));
      assert.deepEqual(s.list('configmaps', 'default').map((o) => o.metadata.name), ['a', 'b']);
      assert.equal(s.list('configmaps').length, 3);
      s.close();
    });

    test('watch replays history after fromRv, then live events, in order', () => {
      const s = newStore();
      const start = s.currentRv();
      s.create('configmaps', cm('a'));
      const seen: StoreEvent[] = [];
      const stop = s.watch(start, (e) => seen.push(e), 'configmaps');
      s.update('configmaps', cm('a', { y: '1' }));
      s.delete('configmaps', 'default', 'a');
      s.create('pods', { ...cm('p'), kind: 'Pod' });
      stop();
      s.create('configmaps', cm('late'));
      assert.deepEqual(seen.map((e) => e.type), ['ADDED', 'MODIFIED', 'DELETED']);
      assert.deepEqual(seen.map((e) => e.rv), [start + 1, start + 2, start + 3]);
      assert.equal(seen[2]?.object.metadata.resourceVersion, String(start + 3));
      s.close();
    });

    test('watch from a resourceVersion older than the history answers Expired', () => {
      const s = newStore();
      const start = s.currentRv();
      for (let i = 0; i < 20; i++) s.create('configmaps', cm(`c${i}`));
      assert.throws(() => s.watch(start - 1, () => undefined), (e) => isApiError(e, 'Expired'));
      s.close();
    });
  });
}
