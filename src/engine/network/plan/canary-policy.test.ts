import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCanaryPolicy, NGINX_ANNOTATION_PREFIX as P } from './canary-policy.js';

test('parseCanaryPolicy() follows ingress-nginx parsing', () => {
  assert.equal(parseCanaryPolicy(undefined), undefined);
  assert.equal(parseCanaryPolicy({ [`${P}canary-weight`]: '10' }), undefined, 'weight without canary: "true" is not a canary');
  assert.equal(parseCanaryPolicy({ [`${P}canary`]: 'yes' }), undefined, 'not a Go boolean');
  const rows: [Record<string, string>, number, number][] = [
    [{ canary: 'true', 'canary-weight': '10' }, 10, 100],
    [{ canary: 'True', 'canary-weight': '10', 'canary-weight-total': '50' }, 10, 100],
    [{ canary: '1', 'canary-weight': '5', 'canary-weight-total': '1000' }, 5, 1000],
    [{ canary: 'true', 'canary-weight': '10.5' }, 0, 100],
    [{ canary: 'true', 'canary-weight': 'ten', 'canary-weight-total': 'x' }, 0, 100],
  ];
  for (const [a, weight, total] of rows) {
    const ann = Object.fromEntries(Object.entries(a).map(([k, v]) => [P + k, v]));
    const p = parseCanaryPolicy(ann);
    assert.equal(p?.weight, weight, JSON.stringify(a));
    assert.equal(p?.weightTotal, total, JSON.stringify(a));
  }
  const full = parseCanaryPolicy({ [`${P}canary`]: 'true', [`${P}canary-by-header`]: 'X-Canary', [`${P}canary-by-header-pattern`]: '^(yes|on)$', [`${P}canary-by-cookie`]: 'c' });
  assert.equal(full?.header, 'X-Canary');
  assert.equal(full?.headerPattern?.test('on'), true);
  assert.equal(full?.cookie, 'c');
  assert.equal(parseCanaryPolicy({ [`${P}canary`]: 'true', [`${P}canary-by-header-pattern`]: '(' })?.headerPattern, undefined);
});
