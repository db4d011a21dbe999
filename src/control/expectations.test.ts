import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXPECTATIONS_TTL_MS, Expectations } from './expectations.js';

test('Expectations are satisfied when nothing is recorded or all was observed', () => {
  const e = new Expectations<string>();
  assert.equal(e.satisfied('ns/rs', 0), true);
  e.expectCreations('ns/rs', 2, 0);
  assert.equal(e.satisfied('ns/rs', 1), false);
  e.creationObserved('ns/rs');
  assert.deepEqual(e.pending('ns/rs'), { creates: 1, deletes: 0 });
  assert.equal(e.satisfied('ns/rs', 2), false);
  e.creationObserved('ns/rs');
  assert.equal(e.satisfied('ns/rs', 3), true);
});

test('Expectations for creates and deletes together', () => {
  const e = new Expectations<string>();
  e.expect('k', { creates: 1, deletes: 1 }, 0);
  e.deletionObserved('k');
  assert.equal(e.satisfied('k', 0), false);
  e.creationObserved('k');
  assert.equal(e.satisfied('k', 0), true);
  e.expectDeletions('k', 1, 0);
  assert.equal(e.satisfied('k', 0), false);
  e.delete('k');
  assert.equal(e.satisfied('k', 0), true);
  e.creationObserved('unknown');
  assert.equal(e.pending('unknown'), undefined);
});

test('Expectations expire after the TTL (worked example: set at 0, 5 min TTL)', () => {
  const rows: [nowMs: number, satisfied: boolean][] = [[0, false], [300_000, false], [300_001, true]];
  const e = new Expectations<string>();
  assert.equal(EXPECTATIONS_TTL_MS, 300_000);
  e.expectCreations('k', 3, 0);
  for (const [nowMs, want] of rows) assert.equal(e.satisfied('k', nowMs), want, `at ${nowMs}`);
  const short = new Expectations<string>(1000);
  short.expectDeletions('k', 1, 5000);
  assert.equal(short.satisfied('k', 6000), false);
  assert.equal(short.satisfied('k', 6001), true);
});
