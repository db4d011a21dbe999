import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantityError } from './_quantity-syntax.js';

test('quantityError() accepts what ParseQuantity accepts', () => {
  const wrong = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  const suffix = "unable to parse quantity's suffix";
  const rows: Array<[string, string | undefined]> = [
    ['0', undefined], ['1', undefined], ['500m', undefined], ['1Gi', undefined], ['1.5Gi', undefined], ['128Mi', undefined],
    ['1e3', undefined], ['1E', undefined], ['2E-3', undefined], ['0.5', undefined], ['+1', undefined], ['-1k', undefined],
    [' 1Gi ', undefined], ['1e+21', undefined],
    ['', wrong], ['abc', wrong], ['1GB', wrong], ['1 Gi', wrong], ['1.2.3', wrong],
    ['1kk', suffix], ['1e', suffix], ['1m3', suffix], ['1-3', suffix],
  ];
  for (const [text, want] of rows) assert.equal(quantityError(text), want, JSON.stringify(text));
});
