import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LatestValue } from './latest-value.js';

test('LatestValue yields only the newest value of a burst and ends on close or abort', async () => {
  const slot = new LatestValue<number>();
  slot.push(1);
  slot.push(2);
  const seen: number[] = [];
  const ctrl = new AbortController();
  const done = (async () => { for await (const v of slot.values(ctrl.signal)) { seen.push(v); if (v === 3) ctrl.abort(); } })();
  await new Promise((r) => setImmediate(r));
  slot.push(3);
  await done;
  assert.deepEqual(seen, [2, 3]);
});
