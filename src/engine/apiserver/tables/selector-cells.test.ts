import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LabelSelector } from '../../../api/label-selector.js';
import { containerCells, formatLabels, formatLabelSelector, selectorString } from './selector-cells.js';

test('formatLabelSelector() writes apimachinery selector strings', () => {
  const rows: [sel: LabelSelector | undefined, want: string][] = [
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ matchLabels: { app: 'demo' } }, 'app=demo'],
    [{ matchLabels: { tier: 'web', app: 'demo' } }, 'app=demo,tier=web'],
    [{ matchLabels: { app: 'demo' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod', 'dev'] }, { key: 'canary', operator: 'DoesNotExist' }] },
      'app=demo,!canary,env notin (dev,prod)'],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }, { key: 'track', operator: 'Exists' }] }, 'tier in (web),track'],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: [] }] }, '<error>'],
    [{ matchExpressions: [{ key: 'tier', operator: 'Exists', values: ['x'] }] }, '<error>'],
  ];
  for (const [sel, want] of rows) assert.equal(formatLabelSelector(sel), want, JSON.stringify(sel));
  assert.equal(selectorString({}), '');
  assert.equal(selectorString({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }), undefined);
});

test('formatLabels() sorts key=value strings; containerCells() joins names and images', () => {
  assert.equal(formatLabels(undefined), '<none>');
  assert.equal(formatLabels({}), '<none>');
  // Sorted as whole `key=value` strings, so `a-b=…` comes before `a=…`.
  assert.equal(formatLabels({ a: '1', 'a-b': '2', app: 'demo' }), 'a-b=2,a=1,app=demo');
  assert.deepEqual(containerCells([{ name: 'web', image: 'nginx:1.25' }, { name: 'sidecar' }]), ['web,sidecar', 'nginx:1.25,']);
  assert.deepEqual(containerCells([]), ['', '']);
});
