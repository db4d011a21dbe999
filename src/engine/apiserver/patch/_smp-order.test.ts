import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isApiError } from '../../../api/api-error.js';
import { applyOrder, checkSetElementOrder, interleave, keyFunction, sortByOrder } from './_smp-order.js';

const same = keyFunction(undefined);

test('interleave() puts new items first and keeps server-only items where the live list had them', () => {
  const rows: Array<[serverOnly: string[], patchItems: string[], live: string[], want: string[]]> = [
    [['a', 'b', 'c'], ['d'], ['a', 'b', 'c'], ['d', 'a', 'b', 'c']],
    [['9'], ['2', '1', '4', '3'], ['1', '2', '9', '3', '4'], ['2', '1', '9', '4', '3']],
    [['b'], ['c', 'a'], ['a', 'b'], ['c', 'a', 'b']],
    [[], ['x'], [], ['x']],
    [['x'], [], ['x'], ['x']],
  ];
  for (const [serverOnly, patchItems, live, want] of rows) assert.deepEqual(interleave(serverOnly, patchItems, live, same), want);
});

test('sortByOrder() is stable and puts unknown items last', () => {
  assert.deepEqual(sortByOrder(['c', 'x', 'a', 'b'], ['a', 'b', 'c'], same), ['a', 'b', 'c', 'x']);
  assert.deepEqual(sortByOrder(['y', 'x'], [], same), ['y', 'x']);
});

test('applyOrder() orders a merged list of objects by merge key', () => {
  const byName = keyFunction('name');
  const item = (name: string): { name: string } => ({ name });
  assert.deepEqual(applyOrder([item('a'), item('b'), item('z')], [item('b'), item('a')], [item('a'), item('z'), item('b')], byName),
    [item('z'), item('b'), item('a')]);
  assert.throws(() => applyOrder([{ image: 'x' }], [], [], byName), (e: unknown) => isApiError(e, 'BadRequest'));
});

test('checkSetElementOrder() accepts a patch list that follows the order', () => {
  const ok: Array<[patch: unknown[], order: unknown[]]> = [
    [['b'], ['a', 'b', 'c']],
    [['a', 'c'], ['a', 'b', 'c']],
    [[], ['a']],
    [['a'], []],
  ];
  for (const [patch, order] of ok) assert.doesNotThrow(() => checkSetElementOrder(patch, order, undefined), JSON.stringify([patch, order]));
  assert.doesNotThrow(() => checkSetElementOrder([{ name: 'x', $patch: 'delete' }, { name: 'a' }], [{ name: 'a' }], 'name'));
  assert.throws(() => checkSetElementOrder(['c', 'a'], ['a', 'b', 'c'], undefined), (e: unknown) => isApiError(e, 'BadRequest'));
  assert.throws(() => checkSetElementOrder(['d'], ['a'], undefined), (e: unknown) => isApiError(e, 'BadRequest'));
});
