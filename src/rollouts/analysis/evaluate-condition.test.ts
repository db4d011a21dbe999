import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalCondition, evalTime, evaluateResult } from './evaluate-condition.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

type Row = [condition: string, result: unknown, expected: boolean | { error: RegExp }];

// Every example of argo-rollouts.md §3.7 plus the rest of the language subset.
const rows: Row[] = [
  ['result[0] >= 0.95', [0.97], true],
  ['result[0] >= 0.95', [0.5], false],
  ['len(result) == 0 || result[0] >= 0.95', [], true],
  ['len(result) == 0 || result[0] >= 0.95', [0.9], false],
  ['isNaN(result) || result >= 0.95', Number.NaN, true],
  ['isNaN(result) || result >= 0.95', 0.96, true],
  ['isNaN(result) || result >= 0.95', 0.5, false],
  ['default(result, 0) < 0.05', null, true],
  ['default(result, 0) < 0.05', 0.5, false],
  ["result == 'true'", 'true', true],
  ["result == 'true'", 'false', false],
  ['result.ok && result.successPercent >= 0.90', { ok: true, successPercent: 0.93 }, true],
  ['result.ok && result.successPercent >= 0.90', { ok: false, successPercent: 0.93 }, false],
  ['result.successRate >= 0.95', { successRate: 0.99 }, true],
  ['all(result[0].Values, {# <= 0.01})', [{ Values: [0.001, 0.01] }], true],
  ['all(result[0].Values, {# <= 0.01})', [{ Values: [0.001, 0.2] }], false],
  ['asInt(result) > 5', '7', true],
  ['asInt(result) > 5', 3.9, false],
  ['asFloat(result) >= 0.5', '0.75', true],
  ['isInf(result)', Infinity, true],
  ['isNil(result)', null, true],
  ['isNil(result)', [], false],
  ['result and not false', true, true],
  ['not (result or false)', false, true],
  ['!result', false, true],
  ['result > 1 ? true : false', 2, true],
  ['"a" in result', ['a', 'b'], true],
  ['"c" not in result', ['a', 'b'], true],
  ["'ok' in result", { ok: 1 }, true],
  ['result matches "^2[0-9]{2}$"', '204', true],
  ['result contains "err"', 'an error', true],
  ['result startsWith "he" and result endsWith "lo"', 'hello', true],
  ['-result < 0', 3, true],
  ['result % 2 == 1', 7, true],
  ['result / 2 == 3.5', 7, true],
  ['2 ** 3 == result', 8, true],
  ['any(result, {.ok})', [{ ok: false }, { ok: true }], true],
  ['len(filter(result, # > 1)) == 2', [1, 2, 3], true],
  ['map(result, # * 2)[2] == 6', [1, 2, 3], true],
  ['count(result, # > 1) == 2 && sum(result) == 6', [1, 2, 3], true],
  ['none(result, {# > 5}) && one(result, {# == 2})', [1, 2, 3], true],
  ['result[-1] == 3', [1, 2, 3], true],
  ['result?.missing?.x == nil', { a: 1 }, true],
  ['result.missing ?? 5 == 5', { a: 1 }, true],
  ['{a: 1, "b": 2}.b == 2 || true', null, true],
  ['upper(result) == "ABC" && len(result) == 3', 'abc', true],
  ['`raw\\n` == "raw\\\\n"', null, true],
  ['max(result) == 3 && min(1, 2) == 1', [1, 3, 2], true],
  ['round(-2.5) == -3', null, true],
  // Errors: evaluation errors keep expr's wording.
  ['result[0] >= 0.95', [0.1, 0.2].slice(2), { error: /^index out of range: 0 \(array length is 0\)$/ }],
  ['result >= 0.95', null, { error: /^invalid operation: <nil> >= float64$/ }],
  ['result.ok', null, { error: /^cannot fetch ok from <nil>$/ }],
  ['result + 1', 1, { error: /^expected bool, but got float64$/ }],
  ['asInt(result) > 5', 'abc', { error: /^strconv.ParseInt: parsing "abc": invalid syntax$/ }],
  ['foo > 1', 1, { error: /^unknown name foo$/ }],
  ['true || foo', 1, { error: /^unknown name foo$/ }],
  ['result > ', 1, { error: /./ }],
  ['result matches "(a+)+$"', 'aaaa', { error: /nested repetition/ }],
  ['result matches "(?=x)"', 'x', { error: /invalid or unsupported Perl syntax/ }],
  ['1; 2', 1, { error: /only one expression/ }],
  ['result && 1', true, { error: /expected bool/ }],
  // Refused safely: nothing reaches JavaScript objects' prototypes or functions.
  ["constructor.constructor('return process')()", 1, { error: /only built-in functions can be called/ }],
  ["constructor('x')", 1, { error: /^unknown func constructor$/ }],
  ['constructor', 1, { error: /^unknown name constructor$/ }],
  ['result.__proto__ == nil', {}, true],
  ['result.constructor == nil', {}, true],
  ["result['__proto__'] == nil && result['toString'] == nil", {}, true],
  ['result.__proto__.polluted == nil', JSON.parse('{"__proto__": {"polluted": 1}}'), false],
  ['__proto__', 1, { error: /^unknown name __proto__$/ }],
  ['toString()', 1, { error: /^unknown func toString$/ }],
  ['result.toString()', 'x', { error: /only built-in functions can be called/ }],
  ['this', 1, { error: /unsupported syntax/ }],
  ['x = 1', 1, { error: /./ }],
  ['len(result) > 0 && all(result, {all(result, {all(result, {# > 0})})})', Array.from({ length: 200 }, () => 1), { error: /too expensive/ }],
];

for (const [condition, result, expected] of rows) {
  test(`evalCondition(${JSON.stringify(result)}, ${condition})`, () => {
    const got = evalCondition(result, condition, NOW);
    if (typeof expected === 'boolean') assert.deepEqual(got, { ok: true, value: expected });
    else {
      assert.equal(got.ok, false, `expected an error, got ${JSON.stringify(got)}`);
      if (!got.ok) assert.match(got.error, expected.error);
    }
  });
}

test('evaluateResult() combines the two conditions as Argo does', () => {
  const both = { successCondition: 'result > 5', failureCondition: 'result > 8' };
  assert.deepEqual(evaluateResult(1, {}, NOW), { ok: true, phase: 'Successful' });
  assert.deepEqual(evaluateResult(1, { successCondition: 'result > 5' }, NOW), { ok: true, phase: 'Failed' });
  assert.deepEqual(evaluateResult(6, { successCondition: 'result > 5' }, NOW), { ok: true, phase: 'Successful' });
  assert.deepEqual(evaluateResult(1, { failureCondition: 'result > 5' }, NOW), { ok: true, phase: 'Successful' });
  assert.deepEqual(evaluateResult(6, { failureCondition: 'result > 5' }, NOW), { ok: true, phase: 'Failed' });
  assert.deepEqual(evaluateResult(9, both, NOW), { ok: true, phase: 'Failed' }, 'failure wins even when success is true');
  assert.deepEqual(evaluateResult(6, both, NOW), { ok: true, phase: 'Successful' });
  assert.deepEqual(evaluateResult(1, { successCondition: 'result > 5', failureCondition: 'result < 0' }, NOW), { ok: true, phase: 'Inconclusive' });
});

test('evaluateResult() words evaluation errors like Argo, naming empty results', () => {
  assert.deepEqual(evaluateResult([], { successCondition: 'result[0] >= 0.95' }, NOW), {
    ok: false, error: 'could not evaluate successCondition "result[0] >= 0.95": metric result is nil or empty: no data returned from the metric provider',
  });
  assert.deepEqual(evaluateResult('x', { failureCondition: 'result > 1' }, NOW), {
    ok: false, error: 'could not evaluate failureCondition "result > 1": invalid operation: string > float64',
  });
});

test('evalTime() supports now() and duration()', () => {
  assert.deepEqual(evalTime('now()', NOW), { ok: true, ms: NOW });
  assert.deepEqual(evalTime('now() - duration("1h")', NOW), { ok: true, ms: NOW - 3_600_000 });
  assert.deepEqual(evalTime('now() - duration("1h30m") + duration("30m")', NOW), { ok: true, ms: NOW - 3_600_000 });
  assert.deepEqual(evalTime('duration("1h")', NOW), { ok: false, error: 'expected time.Time, but got time.Duration' });
  assert.deepEqual(evalTime('now() - duration("soon")', NOW), { ok: false, error: 'time: invalid duration "soon"' });
});
