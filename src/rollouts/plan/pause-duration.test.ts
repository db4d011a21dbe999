import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGoDurationMs, pauseDurationSeconds } from './pause-duration.js';

test('parseGoDurationMs() reads Go durations', () => {
  const rows: [string, number | undefined][] = [
    ['30s', 30_000], ['5m', 300_000], ['1h', 3_600_000], ['1h30m', 5_400_000], ['1.5h', 5_400_000], ['1500ms', 1500],
    ['0', 0], ['-2s', -2000], ['', undefined], ['5', undefined], ['1x', undefined], ['s', undefined], ['.s', undefined],
  ];
  for (const [text, want] of rows) assert.equal(parseGoDurationMs(text), want, text);
});

test('pauseDurationSeconds() accepts ints, numeric strings and Go durations; -1 when invalid', () => {
  const rows: [{ duration?: number | string } | undefined, number][] = [
    [undefined, 0], [{}, 0], [{ duration: 60 }, 60], [{ duration: '60' }, 60], [{ duration: '30s' }, 30],
    [{ duration: '5m' }, 300], [{ duration: '1h' }, 3600], [{ duration: '1500ms' }, 1], [{ duration: 'soon' }, -1],
  ];
  for (const [pause, want] of rows) assert.equal(pauseDurationSeconds(pause), want, JSON.stringify(pause));
});
