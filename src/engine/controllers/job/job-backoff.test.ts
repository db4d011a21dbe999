import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeBackoffMs, computeBackoffRemainingMs } from './job-backoff.js';
import { pod, T0 } from './_builders.js';

for (const [failures, ms] of [[0, 0], [1, 10_000], [2, 20_000], [3, 40_000], [6, 320_000], [7, 600_000], [40, 600_000]] as const) {
  test(`computeBackoffMs() ${failures} failures → ${ms} ms`, () => {
    assert.equal(computeBackoffMs(failures), ms);
  });
}

test('computeBackoffRemainingMs() counts failures since the last success from the last failure', () => {
  const failed = (name: string, finishedAt: number): ReturnType<typeof pod> => pod({ name, phase: 'Failed', finishedAt });
  // Two failures, the last at 00:00:30, now 00:00:40: 20 s − 10 s.
  assert.equal(computeBackoffRemainingMs([failed('a', 10), failed('b', 30)], T0 + 40_000), 10_000);
  // A success at 00:00:20 resets the count: one failure after it → 10 s from 00:00:30.
  assert.equal(computeBackoffRemainingMs([failed('a', 10), pod({ name: 's', phase: 'Succeeded', finishedAt: 20 }), failed('b', 30)], T0 + 35_000), 5_000);
  assert.equal(computeBackoffRemainingMs([failed('a', 10)], T0 + 60_000), 0);
  assert.equal(computeBackoffRemainingMs([pod({ name: 'r' })], T0), 0);
});
