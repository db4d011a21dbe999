import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { isApiError } from '../../api/api-error.js';
import { SqliteStore } from './sqlite-store.js';
import { storeContract } from './store-contract.js';

storeContract(() => new SqliteStore({ path: ':memory:', watchHistory: 10 }));

test('SqliteStore keeps objects, uids and the resourceVersion counter across reopen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-store-'));
  try {
    const path = join(dir, 'state.db');
    const a = new SqliteStore({ path });
    const created = a.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default', uid: 'u-1' } });
    a.close();
    const b = new SqliteStore({ path });
    const got = b.get('configmaps', 'default', 'x');
    assert.equal(got?.metadata.uid, 'u-1');
    assert.equal(got?.metadata.resourceVersion, created.metadata.resourceVersion);
    assert.equal(b.currentRv(), Number(created.metadata.resourceVersion));
    // History does not survive a restart: resuming from before it answers 410 so clients relist.
    assert.throws(() => b.watch(b.currentRv() - 1, () => undefined), (e) => isApiError(e, 'Expired'));
    b.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
