import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base64Error } from './_base64-syntax.js';

test('base64Error() reports the byte offset Go reports', () => {
  const rows: Array<[string, number | undefined]> = [
    ['', undefined], ['aGVsbG8=', undefined], ['aGVsbA==', undefined], ['aGVs', undefined], ['aGVs\nbG8=\n', undefined],
    ['a', 0], ['aGVsbG8', 4], ['ab!d', 2], ['hello!', 5], ['aGVsbG8=x', 8], ['aGVsb===', 5], ['aGVsbG=', 7], ['aGVsbG=x', 6],
  ];
  for (const [text, at] of rows) {
    assert.equal(base64Error(text), at === undefined ? undefined : `illegal base64 data at input byte ${at}`, JSON.stringify(text));
  }
});
