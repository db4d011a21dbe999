import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeColorAnswer, computeRandomColor, type ColorAnswer } from './color-answer.js';
import type { ColorOverride } from './color-overrides.js';
import type { DemoConfig } from './config.js';

/** A random source that returns the given numbers in order and fails the test if asked for more. */
function scripted(...values: number[]): () => number {
  return () => {
    const v = values.shift();
    if (v === undefined) throw new RangeError('random() called more often than scripted');
    return v;
  };
}

const blue: DemoConfig = { color: 'blue', errorRate: 0, latencyMs: 0 };
const badBlue: DemoConfig = { color: 'blue', errorRate: 0.15, latencyMs: 0 };

const ROWS: ReadonlyArray<{ name: string; config: DemoConfig; overrides?: ColorOverride[]; random: number[]; want: ColorAnswer }> = [
  { name: 'a fixed colour draws nothing', config: blue, random: [], want: { color: 'blue', status: 200, delayMs: 0 } },
  { name: 'errorRate 0.15: draw 0.149 fails', config: badBlue, random: [0.149], want: { color: 'blue', status: 500, delayMs: 0 } },
  { name: 'errorRate 0.15: draw 0.15 succeeds', config: badBlue, random: [0.15], want: { color: 'blue', status: 200, delayMs: 0 } },
  { name: 'latency comes from the config', config: { color: 'red', errorRate: 0, latencyMs: 2000 }, random: [], want: { color: 'red', status: 200, delayMs: 2000 } },
  { name: 'random colour: 0.7 → blue', config: { color: 'random', errorRate: 0, latencyMs: 0 }, random: [0.7], want: { color: 'blue', status: 200, delayMs: 0 } },
  {
    name: 'an override for the answered colour wins',
    config: badBlue,
    overrides: [{ color: 'blue', errorPercent: 100, latencySeconds: 1.5 }],
    random: [0.99],
    want: { color: 'blue', status: 500, delayMs: 1500 },
  },
  {
    name: 'an override for another colour is ignored',
    config: badBlue,
    overrides: [{ color: 'green', errorPercent: 100, latencySeconds: 3 }],
    random: [0.5],
    want: { color: 'blue', status: 200, delayMs: 0 },
  },
  {
    name: 'an override without errorPercent keeps the configured rate',
    config: badBlue,
    overrides: [{ color: 'blue', latencySeconds: 0.1 }],
    random: [0.1],
    want: { color: 'blue', status: 500, delayMs: 100 },
  },
  {
    name: 'the last matching override wins',
    config: blue,
    overrides: [{ color: 'blue', errorPercent: 100 }, { color: 'blue', latencySeconds: 0.2 }],
    random: [],
    want: { color: 'blue', status: 200, delayMs: 200 },
  },
];

for (const row of ROWS) {
  test(`computeColorAnswer(): ${row.name}`, () => {
    assert.deepEqual(computeColorAnswer(row.config, row.overrides ?? [], scripted(...row.random)), row.want);
  });
}

test('computeRandomColor() covers every colour and clamps its input', () => {
  assert.deepEqual(
    [0, 0.17, 0.34, 0.5, 0.7, 0.9].map(computeRandomColor),
    ['red', 'orange', 'yellow', 'green', 'blue', 'purple'],
  );
  assert.equal(computeRandomColor(0.9999999), 'purple');
  assert.equal(computeRandomColor(1), 'purple');
  assert.equal(computeRandomColor(-1), 'red');
});
