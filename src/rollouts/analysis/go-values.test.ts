import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatGoFloat, goJsonMarshal } from './go-format.js';
import { compileGoRegex, goRegexMatches } from './go-regex.js';

test('formatGoFloat() writes floats as Go\'s FormatFloat(f, \'f\', -1, 64)', () => {
  const rows: [number, string][] = [
    [0.1, '0.1'], [2, '2'], [1e21, '1000000000000000000000'], [1.5e22, '15000000000000000000000'], [1e-7, '0.0000001'],
    [1.25e-7, '0.000000125'], [-3.5e-8, '-0.000000035'], [Number.NaN, 'NaN'], [Infinity, '+Inf'], [-Infinity, '-Inf'], [-0, '-0'],
  ];
  for (const [f, s] of rows) assert.equal(formatGoFloat(f), s, String(f));
});

test('goJsonMarshal() sorts keys and escapes HTML characters as Go does', () => {
  assert.equal(goJsonMarshal({ b: 1, a: '<x>&' }), '{"a":"\\u003cx\\u003e\\u0026","b":1}');
  assert.equal(goJsonMarshal([{ z: { y: 1, x: 2 } }]), '[{"z":{"x":2,"y":1}}]');
  assert.equal(goJsonMarshal(JSON.parse('{"__proto__": 1, "a": 2}')), '{"__proto__":1,"a":2}');
  assert.equal(goJsonMarshal(null), 'null');
});

test('compileGoRegex() translates RE2 syntax and refuses what RE2 lacks or could run exponentially here', () => {
  assert.ok(goRegexMatches('^canary-.*', 'canary-errors'));
  assert.ok(goRegexMatches('(?i)ERRORS', 'canary-errors'), 'a leading flag group');
  assert.ok(goRegexMatches('(?P<n>\\d+)', 'x12'));
  assert.ok(goRegexMatches('\\Aabc\\z', 'abc'));
  assert.ok(goRegexMatches('err', 'my-errors'), 'unanchored');
  assert.ok(goRegexMatches('(ab)+c', 'ababc'), 'one level of repetition is fine');
  assert.ok(goRegexMatches('[(+]+x', '((x'), 'quantifiers inside classes are literal');
  assert.equal(goRegexMatches('(', 'x'), false, 'an invalid pattern does not match');
  for (const bad of ['(a+)+$', '(a|aa)*', '((ab)*)+', '(?=x)', '(a)\\1', '(?i)a(?s)b']) {
    assert.equal(compileGoRegex(bad).ok, false, bad);
  }
});
