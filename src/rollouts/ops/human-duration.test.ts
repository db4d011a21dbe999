import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageOf, humanDuration } from './human-duration.js';

test('humanDuration() prints two significant figures as kubectl does', () => {
  const s = 1000;
  const rows: [number, string][] = [
    [-5 * s, '<invalid>'], [-1500, '0s'], [0, '0s'], [45 * s, '45s'], [119 * s, '119s'], [120 * s, '2m'], [200 * s, '3m20s'],
    [600 * s, '10m'], [179 * 60 * s, '179m'], [3 * 3600 * s + 5 * 60 * s, '3h5m'], [8 * 3600 * s, '8h'], [47 * 3600 * s, '47h'],
    [50 * 3600 * s, '2d2h'], [8 * 86400 * s, '8d'], [729 * 86400 * s, '729d'], [(3 * 365 + 10) * 86400 * s, '3y10d'], [9 * 365 * 86400 * s, '9y'],
  ];
  for (const [ms, want] of rows) assert.equal(humanDuration(ms), want, String(ms));
});

test('ageOf() reads RFC 3339 and marks a missing time', () => {
  assert.equal(ageOf('2025-01-01T00:00:00Z', Date.UTC(2025, 0, 1, 0, 2, 5)), '2m5s');
  assert.equal(ageOf(undefined, 0), '<unknown>');
});
