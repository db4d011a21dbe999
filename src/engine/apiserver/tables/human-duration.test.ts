import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageCell, humanDuration } from './human-duration.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

test('humanDuration() uses the upstream thresholds', () => {
  const rows: [ms: number, want: string][] = [
    [0, '0s'],
    [999, '0s'],
    [45 * S, '45s'],
    [119 * S, '119s'],
    [120 * S, '2m'],
    [200 * S, '3m20s'],
    [5 * M, '5m'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M + 30 * S, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [3 * H + 5 * M, '3h5m'],
    [7 * H + 59 * M + 59 * S, '7h59m'],
    [8 * H, '8h'],
    [47 * H + 59 * M, '47h'],
    [2 * D, '2d'],
    [2 * D + 5 * H, '2d5h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D, '8d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [2 * Y + 10 * D, '2y10d'],
    [7 * Y + 364 * D, '7y364d'],
    [8 * Y, '8y'],
    [12 * Y + 100 * D, '12y'],
    // Clock skew: up to (but excluding) two seconds in the future still reads as now.
    [-1500, '0s'],
    [-1999, '0s'],
    [-2000, '<invalid>'],
  ];
  for (const [ms, want] of rows) assert.equal(humanDuration(ms), want, `${ms}ms`);
});

test('ageCell() measures from an RFC 3339 timestamp and says <unknown> without one', () => {
  const now = Date.UTC(2025, 0, 1, 12, 0, 0);
  assert.equal(ageCell('2025-01-01T11:55:00Z', now), '5m');
  assert.equal(ageCell('2025-01-01T11:56:40.500Z', now), '3m19s');
  assert.equal(ageCell('2024-12-30T07:00:00Z', now), '2d5h');
  assert.equal(ageCell(undefined, now), '<unknown>');
  assert.equal(ageCell(null, now), '<unknown>');
  assert.equal(ageCell('', now), '<unknown>');
  assert.equal(ageCell('yesterday', now), '<unknown>');
  assert.equal(ageCell('2025-01-01T12:00:05Z', now), '<invalid>');
});
