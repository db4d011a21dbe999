import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignTabs, cellWidth } from './tab-writer.js';

test('alignTabs() pads each column block to its widest cell + 2, leaves the last cell alone, ignores colour codes', () => {
  assert.deepEqual(alignTabs(['a\tbb\tx', 'ccc\td\ty']), ['a    bb  x', 'ccc  d   y']);
  // A line with fewer cells ends the block of the columns it lacks.
  assert.deepEqual(alignTabs(['aaaa\tb', 'c', 'd\te']), ['aaaa  b', 'c', 'd  e']);
  assert.deepEqual(alignTabs(['\x1b[32m✔\x1b[0m ok\tx', 'longer\ty']), ['\x1b[32m✔\x1b[0m ok    x', 'longer  y']);
  assert.equal(cellWidth('⟳ demo'), 6);
});
