import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bar } from './step-chart.js';

test('bar() fills 20 cells in eighths: 1 of 3 → 6⅝ cells', () => {
  assert.equal(bar(0, 3), '░'.repeat(20));
  assert.equal(bar(1, 3), `${'█'.repeat(6)}▋${'░'.repeat(13)}`);
  assert.equal(bar(3, 3), '█'.repeat(20));
  assert.equal(bar(25, 100), `${'█'.repeat(5)}${'░'.repeat(15)}`);
  assert.equal(bar(9, 3), '█'.repeat(20), 'clamped');
});
