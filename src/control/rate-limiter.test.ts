import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../lib/clock.js';
import { ItemExponentialRateLimiter, MaxOfRateLimiter, TokenBucketRateLimiter, defaultControllerRateLimiter } from './rate-limiter.js';

test('ItemExponentialRateLimiter: 5 ms doubling per key, capped at 1000 s (worked example of the JSDoc)', () => {
  const l = new ItemExponentialRateLimiter(5, 1_000_000);
  const delays = Array.from({ length: 20 }, () => l.when('a'));
  assert.deepEqual(delays.slice(0, 4), [5, 10, 20, 40]);
  assert.equal(delays[17], 655_360);
  assert.equal(delays[18], 1_000_000);
  assert.equal(delays[19], 1_000_000);
  assert.equal(l.numRequeues('a'), 20);
  assert.equal(l.when('b'), 5, 'keys are independent');
  l.forget('a');
  assert.equal(l.numRequeues('a'), 0);
  assert.equal(l.when('a'), 5);
});

test('TokenBucketRateLimiter: burst 100 free, then 1/qps apart; refills with time (worked example of the JSDoc)', () => {
  const clock = new ManualClock(0);
  const l = new TokenBucketRateLimiter(clock, 10, 100);
  const first = Array.from({ length: 100 }, (_, i) => l.when(`k${i}`));
  assert.ok(first.every((d) => d === 0));
  assert.equal(l.when('x'), 100);
  assert.equal(l.when('y'), 200);
  clock.advance(1000);
  // 10 tokens refilled, 2 were borrowed: 8 left, so 8 more free calls.
  assert.deepEqual(Array.from({ length: 9 }, () => l.when('z')), [0, 0, 0, 0, 0, 0, 0, 0, 100]);
});

test('MaxOfRateLimiter and the default controller limiter take the longest delay', () => {
  const clock = new ManualClock(0);
  const l = new MaxOfRateLimiter(new ItemExponentialRateLimiter(5, 1000), new TokenBucketRateLimiter(clock, 1, 1));
  assert.equal(l.when('a'), 5);
  assert.equal(l.when('a'), 1000);
  const d = defaultControllerRateLimiter(clock);
  assert.equal(d.when('a'), 5);
  assert.equal(d.when('a'), 10);
  assert.equal(d.numRequeues('a'), 2);
  d.forget('a');
  assert.equal(d.numRequeues('a'), 0);
});
