import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  abortScaleDownDelayOf, intOrPercentValue, maxSurgeOf, maxUnavailableOf, resolveFenceposts, scaleDownDelaySecondsOf,
} from './rollout-defaults.js';
import { rollout } from './_fixtures.js';

test('intOrPercentValue() reads any string as a percent, rounding as asked', () => {
  const rows: [number | string, number, boolean, number][] = [
    ['25%', 10, true, 3], ['25%', 10, false, 2], ['25', 10, true, 3], ['5', 100, false, 5], [2, 10, true, 2],
    ['25', 3, true, 1], ['25', 3, false, 0], ['abc', 10, true, 0],
  ];
  for (const [v, total, up, want] of rows) assert.equal(intOrPercentValue(v, total, up), want, `${v} of ${total}`);
});

test('resolveFenceposts() forces maxUnavailable to 1 when both resolve to 0', () => {
  assert.deepEqual(resolveFenceposts('25', '25', 3), { surge: 1, unavailable: 0 });
  assert.deepEqual(resolveFenceposts(0, '25', 3), { surge: 0, unavailable: 1 });
  assert.deepEqual(resolveFenceposts('1%', '1%', 2), { surge: 1, unavailable: 0 });
  assert.deepEqual(resolveFenceposts(0, '1%', 2), { surge: 0, unavailable: 1 });
  assert.deepEqual(resolveFenceposts('25%', '25%', 10), { surge: 3, unavailable: 2 });
});

test('maxSurgeOf()/maxUnavailableOf() default to "25" and cap unavailable at R', () => {
  assert.equal(maxSurgeOf(rollout({ replicas: 10 })), 3);
  assert.equal(maxUnavailableOf(rollout({ replicas: 10 })), 2);
  assert.equal(maxUnavailableOf(rollout({ replicas: 3, canary: { maxUnavailable: 5 } })), 3);
  assert.equal(maxUnavailableOf(rollout({ replicas: 0 })), 0);
  assert.equal(maxSurgeOf(rollout({ replicas: 10, blueGreen: {} })), 0);
  assert.equal(maxUnavailableOf(rollout({ replicas: 10, blueGreen: { maxUnavailable: 0 } })), 0);
});

test('scaleDownDelaySecondsOf() is 30 for blue-green and traffic-routed canary, 0 for basic canary', () => {
  assert.equal(scaleDownDelaySecondsOf(rollout({ blueGreen: {} })), 30);
  assert.equal(scaleDownDelaySecondsOf(rollout({ blueGreen: { scaleDownDelaySeconds: 5 } })), 5);
  assert.equal(scaleDownDelaySecondsOf(rollout({ canary: { trafficRouting: {} } })), 30);
  assert.equal(scaleDownDelaySecondsOf(rollout({ canary: { scaleDownDelaySeconds: 9 } })), 0);
});

test('abortScaleDownDelayOf(): 0 means never, unset means 30, basic canary 0', () => {
  assert.deepEqual(abortScaleDownDelayOf(rollout({ blueGreen: {} })), { seconds: 30, explicit: false });
  assert.deepEqual(abortScaleDownDelayOf(rollout({ blueGreen: { abortScaleDownDelaySeconds: 0 } })), { seconds: undefined, explicit: true });
  assert.deepEqual(abortScaleDownDelayOf(rollout({ canary: { trafficRouting: {}, abortScaleDownDelaySeconds: 5 } })), { seconds: 5, explicit: true });
  assert.deepEqual(abortScaleDownDelayOf(rollout({ canary: { abortScaleDownDelaySeconds: 5 } })), { seconds: 0, explicit: false });
});
