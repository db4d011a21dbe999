import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergePatchDiff } from './merge-patch-diff.js';

const rows: { name: string; from: unknown; to: unknown; want: unknown }[] = [
  { name: 'equal values need no patch', from: { a: [1, 2] }, to: { a: [1, 2] }, want: undefined },
  { name: 'worked example from the JSDoc', from: { a: 1, b: { c: 2, d: 3 } }, to: { b: { c: 2, d: 4 }, e: 5 }, want: { a: null, b: { d: 4 }, e: 5 } },
  { name: 'arrays are replaced whole', from: { l: [1, 2] }, to: { l: [2] }, want: { l: [2] } },
  { name: 'an object replacing a scalar', from: { x: 1 }, to: { x: { y: 1 } }, want: { x: { y: 1 } } },
  { name: 'a removed nested object', from: { s: { p: { q: 1 } } }, to: { s: {} }, want: { s: { p: null } } },
];
for (const r of rows) test(`mergePatchDiff() ${r.name}`, () => assert.deepEqual(mergePatchDiff(r.from, r.to), r.want));
