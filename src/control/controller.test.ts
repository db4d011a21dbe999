import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../api/api-error.js';
import { runController } from './controller.js';
import { ManualTimers, settle } from './manual-timers.js';
import { done, requeueAfter, retry, terminal, type Outcome } from './outcome.js';
import { captureLog } from './testing/capture-log.js';
import { WorkQueue } from './work-queue.js';

function setup(reconcile: (key: string, signal: AbortSignal) => Promise<Outcome>, workers = 1) {
  const time = new ManualTimers(0);
  const queue = new WorkQueue<string>({ clock: time, timers: time });
  const { log, lines } = captureLog();
  const ac = new AbortController();
  const c = runController({ name: 'test', queue, workers, reconcile, log, signal: ac.signal, clock: time });
  return { time, queue, lines, ac, c };
}

test('outcome constructors', () => {
  assert.deepEqual(done(), { outcome: 'done' });
  assert.deepEqual(requeueAfter(5), { outcome: 'requeueAfter', ms: 5 });
  assert.throws(() => requeueAfter(-1), RangeError);
  assert.equal(retry('x').outcome, 'retry');
  assert.equal((retry('x') as { error: Error }).error.message, 'x');
  const err = new ApiError('Conflict', 'c');
  assert.equal((terminal(err) as { error: Error }).error, err);
});

test('runController: done forgets the key', async () => {
  const calls: string[] = [];
  const { queue, ac, c } = setup(async (k) => { calls.push(k); return done(); });
  queue.add('a');
  await settle();
  assert.deepEqual(calls, ['a']);
  assert.equal(queue.numRequeues('a'), 0);
  assert.deepEqual([c.metrics.reconciles, c.metrics.errors], [1, 0]);
  ac.abort();
  await c.stopped;
});

test('runController: requeueAfter runs the key again after the delay', async () => {
  const calls: number[] = [];
  const { time, queue, ac, c } = setup(async () => { calls.push(time.now()); return calls.length < 3 ? requeueAfter(1000) : done(); });
  queue.add('a');
  await time.advanceAsync(5000);
  assert.deepEqual(calls, [0, 1000, 2000]);
  assert.equal(c.metrics.requeuesAfter, 2);
  ac.abort();
  await c.stopped;
});

test('runController: retry and thrown errors back off exponentially and are logged; done resets', async () => {
  const calls: number[] = [];
  const { time, queue, lines, ac, c } = setup(async () => {
    calls.push(time.now());
    if (calls.length === 1) return retry(new Error('flaky'));
    if (calls.length === 2) throw new Error('thrown');
    if (calls.length === 3) return retry(new ApiError('Conflict', 'conflict'));
    return done();
  });
  queue.add('a');
  await time.advanceAsync(1000);
  assert.deepEqual(calls, [0, 5, 15, 35]);
  assert.deepEqual(lines.map((l) => [l.level, l.msg]), [
    ['warn', 'reconcile failed, retrying'], ['warn', 'reconcile failed, retrying'], ['debug', 'reconcile conflict, retrying'],
  ]);
  assert.equal(queue.numRequeues('a'), 0);
  assert.deepEqual([c.metrics.reconciles, c.metrics.errors, c.metrics.retries], [4, 3, 3]);
  ac.abort();
  await c.stopped;
});

test('runController: terminal logs an error and does not retry', async () => {
  let n = 0;
  const { time, queue, lines, ac, c } = setup(async () => { n++; return terminal(new Error('bad spec')); });
  queue.add('a');
  await time.advanceAsync(10_000);
  assert.equal(n, 1);
  assert.equal(lines[0]?.level, 'error');
  assert.equal(c.metrics.terminals, 1);
  ac.abort();
  await c.stopped;
});

test('runController: several workers never reconcile the same key at once', async () => {
  let active = 0;
  let maxActive = 0;
  const perKey = new Map<string, number>();
  const releases: (() => void)[] = [];
  const { queue, ac, c } = setup(async (k) => {
    perKey.set(k, (perKey.get(k) ?? 0) + 1);
    active++;
    maxActive = Math.max(maxActive, active);
    await new Promise<void>((r) => releases.push(r));
    active--;
    return done();
  }, 3);
  queue.add('a'); queue.add('b');
  await settle();
  queue.add('a');
  await settle();
  assert.equal(active, 2, 'a and b in progress; the second a waits');
  for (const r of releases.splice(0)) r();
  await settle();
  assert.equal(active, 1, 'a runs again after done');
  for (const r of releases.splice(0)) r();
  await settle();
  assert.deepEqual([...perKey], [['a', 2], ['b', 1]]);
  assert.equal(maxActive, 2);
  ac.abort();
  await c.stopped;
});

test('runController: abort stops idle and busy workers; the reconcile sees the signal', async () => {
  let sawAbort = false;
  const { queue, ac, c } = setup(async (_k, signal) => {
    await new Promise<void>((r) => signal.addEventListener('abort', () => r(), { once: true }));
    sawAbort = signal.aborted;
    return retry(new Error('aborted'));
  }, 2);
  queue.add('a');
  await settle();
  ac.abort();
  await c.stopped;
  assert.ok(sawAbort);
  assert.ok(queue.isShuttingDown());
  assert.equal(queue.delayedLen(), 0, 'no retry is scheduled after abort');
});

test('runController rejects a bad worker count', () => {
  const queue = new WorkQueue<string>();
  assert.throws(() => runController({ name: 'x', queue, workers: 0, reconcile: async () => done(), log: captureLog().log, signal: new AbortController().signal }), RangeError);
});
