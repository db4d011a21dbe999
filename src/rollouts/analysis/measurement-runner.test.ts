import { test } from 'node:test';
import assert from 'node:assert/strict';
import { objectKey } from '../../api/object-key.js';
import { MeasurementRunner } from './measurement-runner.js';
import { isNewerVersion, WrittenRuns } from './observe-analysis-run.js';
import type { ProviderOutcome } from './plan-types.js';

const key = objectKey('ns', 'r');
const outcome: ProviderOutcome = { outcome: 'measured', call: 'run', measurement: { phase: 'Successful' } };

test('MeasurementRunner keeps one call per metric, hands out its outcome until acknowledged, and forgets replaced runs', async () => {
  const settled: string[] = [];
  const runner = new MeasurementRunner((k) => settled.push(k));
  let release: (o: ProviderOutcome) => void = () => undefined;
  runner.start(key, 'u1', 'm', () => new Promise((r) => { release = r; }));
  runner.start(key, 'u1', 'm', () => Promise.reject(new Error('must not start twice')));
  assert.deepEqual([...runner.state(key, 'u1').inFlight], ['m']);
  release(outcome);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(settled, [key]);
  const state = runner.state(key, 'u1');
  assert.equal(state.results.get('m'), outcome);
  runner.acknowledge(key, 'u1', state.results);
  assert.equal(runner.state(key, 'u1').results.size, 0);
  let aborted = false;
  runner.start(key, 'u1', 'm', (signal) => new Promise((r) => signal.addEventListener('abort', () => { aborted = true; r(outcome); })));
  assert.equal(runner.state(key, 'u2').inFlight.size, 0, 'a run recreated under the same name starts afresh');
  assert.ok(aborted, 'the old run\'s calls are aborted');
  await runner.stop();
});

test('MeasurementRunner keeps an unacknowledged outcome beside the next call of the same metric', async () => {
  const runner = new MeasurementRunner(() => undefined);
  runner.start(key, 'u1', 'm', async () => outcome);
  await new Promise((r) => setImmediate(r));
  let release: (o: ProviderOutcome) => void = () => undefined;
  runner.start(key, 'u1', 'm', () => new Promise((r) => { release = r; }));
  const state = runner.state(key, 'u1');
  assert.deepEqual([state.results.get('m'), [...state.inFlight]], [outcome, ['m']]);
  runner.acknowledge(key, 'u1', state.results);
  assert.deepEqual([runner.state(key, 'u1').results.size, [...runner.state(key, 'u1').inFlight]], [0, ['m']]);
  const next: ProviderOutcome = { outcome: 'measured', call: 'resume', measurement: { phase: 'Failed' } };
  release(next);
  await new Promise((r) => setImmediate(r));
  assert.equal(runner.state(key, 'u1').results.get('m'), next);
  await runner.stop();
});

test('WrittenRuns prefers our own newer write until the cache catches up', () => {
  const run = (rv: string, uid = 'u') => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun' as const, metadata: { name: 'r', namespace: 'ns', uid, resourceVersion: rv }, spec: { metrics: [] } });
  const w = new WrittenRuns();
  w.remember(key, run('12'));
  assert.equal(w.observe(key, run('10'))?.metadata.resourceVersion, '12');
  assert.equal(w.observe(key, run('12'))?.metadata.resourceVersion, '12');
  assert.equal(w.observe(key, run('10'))?.metadata.resourceVersion, '10', 'forgotten once the cache caught up');
  w.remember(key, run('20'));
  assert.equal(w.observe(key, run('5', 'other'))?.metadata.uid, 'other', 'a different object wins');
  assert.deepEqual([isNewerVersion('10', '9'), isNewerVersion('9', '10'), isNewerVersion('x', '1')], [true, false, false]);
});
