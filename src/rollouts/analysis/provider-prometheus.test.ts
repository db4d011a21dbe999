import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prometheusRequestOf } from './provider-prometheus.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0, 500);
const signal = new AbortController().signal;

test('prometheusRequestOf() posts an instant query with headers and basic auth', () => {
  const r = prometheusRequestOf({
    address: 'http://prom:9090/', query: 'up', timeout: 5, headers: [{ key: 'X-Scope-OrgID', value: 't1' }],
    authentication: { basicAuth: { username: 'u', password: 'p' } },
  }, {}, NOW, signal);
  assert.ok(r.ok);
  assert.equal(r.call.url, 'http://prom:9090/api/v1/query');
  assert.equal(r.call.method, 'POST');
  assert.equal(r.call.timeoutMs, 5000);
  assert.equal(r.call.body, 'query=up&time=1735732800.5');
  assert.deepEqual(r.call.headers, { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Scope-OrgID': 't1', Authorization: 'Basic dTpw' });
});

test('prometheusRequestOf() evaluates range bounds and takes the address from the environment', () => {
  const r = prometheusRequestOf({ query: 'up', rangeQuery: { start: 'now() - duration("1h")', end: 'now()', step: '1m' } },
    { ARGO_ROLLOUTS_PROMETHEUS_ADDRESS: 'http://env:9090' }, NOW, signal);
  assert.ok(r.ok);
  assert.equal(r.call.url, 'http://env:9090/api/v1/query_range');
  assert.equal(r.call.body, 'query=up&start=1735729200.5&end=1735732800.5&step=60');
  assert.equal(r.call.timeoutMs, 30_000, 'default timeout');
});

test('prometheusRequestOf() reports spec errors as Argo does', () => {
  const err = (prom: Parameters<typeof prometheusRequestOf>[0], env = {}): string => {
    const r = prometheusRequestOf(prom, env, NOW, signal);
    return r.ok ? 'ok' : r.error;
  };
  assert.equal(err({ query: 'up' }), 'prometheus address is not configured');
  assert.equal(err({ address: 'prom:9090', query: 'up' }), 'prometheus address is not is url format');
  assert.equal(err({ address: 'http://p', query: 'up', timeout: -1 }), 'prometheus timeout should not be negative');
  assert.equal(err({ address: 'http://p', query: 'up', authentication: { basicAuth: { username: 'u' } } }), 'missing mandatory parameter in metric for basic auth setup: password');
  assert.equal(err({ address: 'http://p', query: 'up', rangeQuery: { start: 'now()', end: 'now()', step: 'x' } }), 'failed to parse rangeQuery.step as duration: time: invalid duration "x"');
  assert.equal(err({ address: 'http://p', query: 'up', rangeQuery: { start: '', end: 'now()', step: '1m' } }), 'failed to parse rangeQuery.start as time: unexpected token EOF');
});
