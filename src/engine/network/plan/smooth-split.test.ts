import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stepSmoothSplit } from './smooth-split.js';

function run(n: number, weight: number, total: number): boolean[] {
  const out: boolean[] = [];
  let state = 0;
  for (let i = 0; i < n; i++) {
    const s = stepSmoothSplit(state, weight, total);
    out.push(s.canary);
    state = s.state;
  }
  return out;
}

test('stepSmoothSplit() gives exactly weight/total of the requests', () => {
  const rows: [n: number, weight: number, total: number, canary: number][] = [
    [10_000, 10, 100, 1000], [10_000, 0, 100, 0], [10_000, 100, 100, 10_000], [10_000, 150, 100, 10_000],
    [10_000, 33, 100, 3300], [10_000, 1, 100, 100], [10_000, 99, 100, 9900], [10_000, 50, 100, 5000],
    [10_000, 7, 1000, 70], [10_000, -5, 100, 0], [7, 50, 100, 3],
  ];
  for (const [n, weight, total, canary] of rows) {
    assert.equal(run(n, weight, total).filter((c) => c).length, canary, `n=${n} weight=${weight}/${total}`);
  }
});

test('stepSmoothSplit() spreads the canary evenly (worked example in the file comment)', () => {
  const seq = run(30, 10, 100).map((c) => (c ? 'C' : '.')).join('');
  assert.equal(seq, '.....C.........C.........C....');
  // every window of 100 consecutive requests holds exactly 10 canary picks
  const long = run(1000, 10, 100);
  for (let i = 0; i + 100 <= long.length; i += 37) assert.equal(long.slice(i, i + 100).filter((c) => c).length, 10);
});
