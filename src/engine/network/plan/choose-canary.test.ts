import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanaryPolicy } from './canary-policy.js';
import { cookieValue, decideByCookie, decideByHeader, type CanaryVerdict } from './choose-canary.js';

const policy = (p: Partial<CanaryPolicy>): CanaryPolicy => ({ header: '', headerValue: '', headerPattern: undefined, cookie: '', weight: 0, weightTotal: 100, ...p });

test('decideByHeader() as ingress-nginx: value, then pattern, then always/never', () => {
  const rows: [Partial<CanaryPolicy>, string | undefined, CanaryVerdict][] = [
    [{ header: 'X-Canary' }, 'always', 'canary'],
    [{ header: 'X-Canary' }, 'never', 'main'],
    [{ header: 'X-Canary' }, 'maybe', 'next'],
    [{ header: 'X-Canary' }, undefined, 'next'],
    [{}, 'always', 'next'],
    [{ header: 'X-Canary', headerValue: 'green' }, 'green', 'canary'],
    [{ header: 'X-Canary', headerValue: 'green' }, 'always', 'next'],
    [{ header: 'X-Canary', headerValue: 'green' }, 'never', 'next'],
    [{ header: 'X-Canary', headerPattern: /^gr/ }, 'green', 'canary'],
    [{ header: 'X-Canary', headerPattern: /^gr/ }, 'never', 'next'],
    [{ header: 'X-Canary', headerValue: 'blue', headerPattern: /^gr/ }, 'green', 'next'],
  ];
  for (const [p, value, verdict] of rows) assert.equal(decideByHeader(policy(p), value), verdict, `${JSON.stringify(p)} ${value}`);
});

test('decideByCookie() knows only always and never', () => {
  const rows: [string, string | undefined, CanaryVerdict][] = [['c', 'always', 'canary'], ['c', 'never', 'main'], ['c', 'green', 'next'], ['c', undefined, 'next'], ['', 'always', 'next']];
  for (const [cookie, value, verdict] of rows) assert.equal(decideByCookie(policy({ cookie }), value), verdict);
});

test('cookieValue() finds the first cookie of that name', () => {
  assert.equal(cookieValue('a=1; canary=always; canary=never', 'canary'), 'always');
  assert.equal(cookieValue('a=1;canary=never', 'canary'), 'never');
  assert.equal(cookieValue('xcanary=always', 'canary'), undefined);
  assert.equal(cookieValue(undefined, 'canary'), undefined);
});
