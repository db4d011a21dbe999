import { test } from 'node:test';
import assert from 'node:assert/strict';
import { argsWithoutSecrets, resolveArgsInText, resolveMetricArgs } from './plan-metric-args.js';
import { effectiveCount, intValue, validateMetric } from './plan-metric-validate.js';

test('resolveArgsInText() substitutes {{args.x}} (spaces allowed) and reports what it cannot', () => {
  const args = [{ name: 'svc', value: 'web' }, { name: 'q', value: 'a"b' }];
  assert.deepEqual(resolveArgsInText('up{job="{{ args.svc }}"}', args), { ok: true, value: 'up{job="web"}' });
  assert.deepEqual(resolveArgsInText('"{{args.q}}"', args, true), { ok: true, value: '"a\\"b"' });
  assert.deepEqual(resolveArgsInText('{{args.nope}}', args), { ok: false, error: 'failed to resolve {{args.nope}}' });
  assert.deepEqual(resolveArgsInText('x', [{ name: 'unset' }]), { ok: false, error: 'argument "unset" was not supplied' });
  assert.equal(resolveArgsInText('{{args.svc', args).ok, false);
});

test('resolveMetricArgs() resolves every string of the metric, keeping JSON intact', () => {
  const metric = { name: 'm', count: '{{args.n}}', successCondition: "result == '{{args.q}}'", provider: { web: { url: 'http://{{args.svc}}/x' } } };
  const r = resolveMetricArgs(metric, [{ name: 'n', value: '3' }, { name: 'q', value: 'a"b\n' }, { name: 'svc', value: 'web' }]);
  assert.deepEqual(r, { ok: true, value: { name: 'm', count: '3', successCondition: "result == 'a\"b\n'", provider: { web: { url: 'http://web/x' } } } });
});

test('argsWithoutSecrets() stands a placeholder in for secret values', () => {
  assert.deepEqual(argsWithoutSecrets([{ name: 's', valueFrom: { secretKeyRef: { name: 'n', key: 'k' } } }, { name: 'v', value: '1' }]),
    [{ name: 's', value: 'temp-for-secret' }, { name: 'v', value: '1' }]);
});

test('intValue() and effectiveCount() follow Go\'s IntOrString and Metric.EffectiveCount', () => {
  assert.deepEqual([intValue(3), intValue('3'), intValue('50%'), intValue(undefined)], [3, 3, 0, 0]);
  const m = { name: 'm', provider: { web: { url: 'u' } } };
  assert.equal(effectiveCount(m), 1, 'neither count nor interval: one measurement');
  assert.equal(effectiveCount({ ...m, interval: '5s' }), undefined, 'only an interval: unlimited');
  assert.equal(effectiveCount({ ...m, interval: '5s', count: 4 }), 4);
  assert.equal(validateMetric({ ...m, interval: 'soon' }), 'invalid interval string: time: invalid duration "soon"');
  assert.equal(validateMetric({ ...m, count: 2, interval: '5s', failureLimit: 2, consecutiveSuccessLimit: 1 }),
    'count (2) must be >= failureLimit + consecutiveSuccessLimit (2 + 1) if both >= 0');
  assert.equal(validateMetric({ ...m, failureLimit: -1 }), 'failureLimit and consecutiveSuccessLimit cannot both be disabled');
  assert.equal(validateMetric({ ...m, provider: { web: { url: 'u' }, job: { spec: {} } } }), 'multiple providers specified');
});
