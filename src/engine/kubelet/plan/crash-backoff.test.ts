import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeCrashCount, computeRestartDelayMs, computeRetryDelayMs, formatDuration } from './crash-backoff.js';
import { DEFAULT_BACKOFF } from './types.js';

test('computeRestartDelayMs() follows the worked example: 0, 10 s, 20 s … capped at 5 min', () => {
  const rows: [number, number][] = [[0, 0], [1, 0], [2, 10_000], [3, 20_000], [4, 40_000], [5, 80_000], [6, 160_000], [7, 300_000], [50, 300_000]];
  for (const [crashes, want] of rows) assert.equal(computeRestartDelayMs(crashes, DEFAULT_BACKOFF), want, `crashes=${crashes}`);
});

test('computeRetryDelayMs() waits base after the first failed start', () => {
  assert.deepEqual([1, 2, 3, 10].map((n) => computeRetryDelayMs(n, DEFAULT_BACKOFF)), [10_000, 20_000, 40_000, 300_000]);
});

test('computeCrashCount() resets after a long run', () => {
  assert.equal(computeCrashCount(3, 60_000, DEFAULT_BACKOFF), 4);
  assert.equal(computeCrashCount(3, 600_000, DEFAULT_BACKOFF), 1);
  assert.equal(computeCrashCount(0, 0, DEFAULT_BACKOFF), 1);
});

test('formatDuration() prints Go durations', () => {
  const rows: [number, string][] = [[150, '150ms'], [10_000, '10s'], [80_000, '1m20s'], [300_000, '5m0s'], [1500, '1.5s'], [3_600_000, '1h0m0s']];
  for (const [ms, want] of rows) assert.equal(formatDuration(ms), want);
});
