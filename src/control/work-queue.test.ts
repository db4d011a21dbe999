import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualTimers } from './manual-timers.js';
import { ItemExponentialRateLimiter } from './rate-limiter.js';
import { WorkQueue } from './work-queue.js';

function newQueue(): { q: WorkQueue<string>; time: ManualTimers } {
  const time = new ManualTimers(0);
  return { q: new WorkQueue<string>({ clock: time, timers: time }), time };
}

test('WorkQueue de-duplicates queued keys and keeps FIFO order', async () => {
  const { q } = newQueue();
  q.add('a'); q.add('b'); q.add('a');
  assert.equal(q.len(), 2);
  assert.equal(await q.get(), 'a');
  assert.equal(await q.get(), 'b');
});

test('WorkQueue re-queues a key added while it is processed, only after done, and never hands it out twice', async () => {
  const { q } = newQueue();
  q.add('a');
  const key = await q.get();
  assert.equal(key, 'a');
  q.add('a');
  q.add('a');
  assert.equal(q.len(), 0, 'a dirty key being processed is not queued');
  let second: string | undefined;
  void q.get().then((k) => { second = k; });
  await Promise.resolve();
  assert.equal(second, undefined, 'a second worker does not get the key in progress');
  q.done('a');
  await Promise.resolve();
  assert.equal(second, 'a');
  q.done('a');
  assert.equal(q.len(), 0);
});

test('WorkQueue.addAfter fires at the deadline and keeps the earliest deadline per key', () => {
  const { q, time } = newQueue();
  q.addAfter('a', 100);
  q.addAfter('a', 50);
  q.addAfter('a', 500);
  q.addAfter('b', 70);
  time.advance(49);
  assert.equal(q.len(), 0);
  assert.equal(q.delayedLen(), 2);
  time.advance(1);
  assert.equal(q.len(), 1);
  time.advance(20);
  assert.equal(q.len(), 2);
  assert.equal(q.delayedLen(), 0);
  time.advance(1000);
  assert.equal(q.len(), 2, 'the later deadlines of "a" were dropped');
  assert.equal(time.pendingCount(), 0);
});

test('WorkQueue.addAfter with zero delay adds at once', () => {
  const { q } = newQueue();
  q.addAfter('a', 0);
  assert.equal(q.len(), 1);
});

test('WorkQueue.addRateLimited backs off per key exponentially and forget resets it', async () => {
  const { q, time } = newQueue();
  const seenAt: number[] = [];
  for (let i = 0; i < 4; i++) {
    q.addRateLimited('a');
    const start = time.now();
    for (let waited = 0; q.len() === 0 && waited < 100; waited++) time.advance(1);
    seenAt.push(time.now() - start);
    q.done((await q.get()) ?? '');
  }
  assert.deepEqual(seenAt, [5, 10, 20, 40]);
  assert.equal(q.numRequeues('a'), 4);
  q.forget('a');
  assert.equal(q.numRequeues('a'), 0);
});

test('WorkQueue with a custom rate limiter', () => {
  const time = new ManualTimers(0);
  const q = new WorkQueue<string>({ clock: time, timers: time, rateLimiter: new ItemExponentialRateLimiter(1000, 4000) });
  q.addRateLimited('a');
  time.advance(999);
  assert.equal(q.len(), 0);
  time.advance(1);
  assert.equal(q.len(), 1);
});

test('WorkQueue.shutDown wakes waiting workers, drains queued keys and ignores new ones', async () => {
  const { q, time } = newQueue();
  q.add('a');
  q.addAfter('late', 10);
  q.shutDown();
  q.add('b');
  assert.equal(await q.get(), 'a');
  assert.equal(await q.get(), undefined);
  const waiting = q.get();
  assert.equal(await waiting, undefined);
  time.advance(100);
  assert.equal(q.len(), 0);
  assert.ok(q.isShuttingDown());
});

test('WorkQueue.shutDown resolves a worker already waiting', async () => {
  const { q } = newQueue();
  const waiting = q.get();
  q.shutDown();
  assert.equal(await waiting, undefined);
});
