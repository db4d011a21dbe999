import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveFenceposts } from './resolve-fenceposts.js';

const rows = [
  { desired: 10, surge: '25%', unavailable: '25%', want: { maxSurge: 3, maxUnavailable: 2 } },
  { desired: 3, surge: '25%', unavailable: '25%', want: { maxSurge: 1, maxUnavailable: 0 } },
  { desired: 3, surge: 3, unavailable: 3, want: { maxSurge: 3, maxUnavailable: 3 } },
  { desired: 10, surge: 3, unavailable: 2, want: { maxSurge: 3, maxUnavailable: 2 } },
  // Kubernetes' ResolveFenceposts table: both resolve to 0 → maxUnavailable becomes 1.
  { desired: 2, surge: '0%', unavailable: '1%', want: { maxSurge: 0, maxUnavailable: 1 } },
  { desired: 1, surge: '0%', unavailable: '1%', want: { maxSurge: 0, maxUnavailable: 1 } },
  { desired: 2, surge: '1%', unavailable: '25%', want: { maxSurge: 1, maxUnavailable: 0 } },
  { desired: 2, surge: '1%', unavailable: '0%', want: { maxSurge: 1, maxUnavailable: 0 } },
  { desired: 0, surge: '25%', unavailable: '25%', want: { maxSurge: 0, maxUnavailable: 1 } },
] as const;

for (const r of rows) {
  test(`resolveFenceposts() ${r.desired} desired, surge ${r.surge}, unavailable ${r.unavailable}`, () => {
    assert.deepEqual(resolveFenceposts(r.surge, r.unavailable, r.desired), r.want);
  });
}
