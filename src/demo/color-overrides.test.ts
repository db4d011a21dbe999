import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_OVERRIDE_LATENCY_SECONDS, parseColorOverrides, type ParsedOverrides } from './color-overrides.js';

const ROWS: ReadonlyArray<readonly [string, string, ParsedOverrides]> = [
  ['empty body', '', { ok: true, overrides: [] }],
  ['blank body', '  \n', { ok: true, overrides: [] }],
  ['empty array', '[]', { ok: true, overrides: [] }],
  ['the JSON string "[]" older pages sent', '"[]"', { ok: true, overrides: [] }],
  [
    'the page body',
    '[{"color":"blue","return500":20,"delayLength":1.5},{"color":"green","return500":0,"delayLength":0}]',
    { ok: true, overrides: [{ color: 'blue', errorPercent: 20, latencySeconds: 1.5 }, { color: 'green' }] },
  ],
  ['clamps', '[{"color":"red","return500":250,"delayLength":1e9}]', { ok: true, overrides: [{ color: 'red', errorPercent: 100, latencySeconds: MAX_OVERRIDE_LATENCY_SECONDS }] }],
  ['ignores wrong types and negatives', '[{"color":"red","return500":"50","delayLength":-2}]', { ok: true, overrides: [{ color: 'red' }] }],
  ['skips entries without a colour', '[1, null, [], {"return500": 5}, {"color": "blue"}]', { ok: true, overrides: [{ color: 'blue' }] }],
];

for (const [name, body, want] of ROWS) {
  test(`parseColorOverrides(): ${name}`, () => assert.deepEqual(parseColorOverrides(body), want));
}

test('parseColorOverrides() refuses bodies that are not JSON arrays', () => {
  for (const body of ['{', 'blue', '{"color":"blue"}', '"blue"', '42']) {
    const got = parseColorOverrides(body);
    assert.equal(got.ok, false, body);
    if (!got.ok) assert.match(got.message, /^Cannot read the \/color request body: /);
  }
});
