import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisRun, AnalysisRunStatus, Measurement, Metric, MetricResult } from '../../api/rollouts-analysis.js';
import { rfc3339 } from '../../lib/clock.js';
import { planAnalysisRun } from './plan-analysis-run.js';
import type { AnalysisRunSnapshot, ProviderOutcome } from './plan-types.js';

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const at = (s: number): string => rfc3339(T0 + s * 1000);
const web = { web: { url: 'http://metrics/{{args.svc}}' } };

function metric(o: Partial<Metric> = {}): Metric {
  return { name: 'm', provider: { web: { url: 'http://metrics' } }, ...o };
}

function run(metrics: Metric[], status?: AnalysisRunStatus, spec: Partial<AnalysisRun['spec']> = {}): AnalysisRun {
  return {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', metadata: { name: 'r', namespace: 'default', uid: 'u1' },
    spec: { metrics, ...spec }, ...(status !== undefined ? { status } : {}),
  };
}

function snap(r: AnalysisRun, s: number, o: { results?: Record<string, ProviderOutcome>; inFlight?: string[] } = {}): AnalysisRunSnapshot {
  return { run: r, results: new Map(Object.entries(o.results ?? {})), inFlight: new Set(o.inFlight ?? []), nowMs: T0 + s * 1000 };
}

const measured = (phase: Measurement['phase'], startS: number, endS: number, extra: Partial<Measurement> = {}): ProviderOutcome =>
  ({ outcome: 'measured', call: 'run', measurement: { phase, startedAt: at(startS), finishedAt: at(endS), ...extra } });
const done = (phase: Measurement['phase'], s: number): Measurement => ({ phase, startedAt: at(s), finishedAt: at(s) });
const placeholder = (s: number): Measurement => ({ phase: 'Running', startedAt: at(s) });

function running(results: MetricResult[], startS = 0): AnalysisRunStatus {
  return { phase: 'Running', startedAt: at(startS), metricResults: results, runSummary: { count: results.length }, dryRunSummary: {} };
}

test('planAnalysisRun() starts a new run: one measurement call, recorded as Running', () => {
  const plan = planAnalysisRun(snap(run([metric()]), 0));
  assert.deepEqual(plan.actions, [{ op: 'measure', metricName: 'm', call: 'run' }]);
  assert.deepEqual(plan.status, {
    phase: 'Running', startedAt: at(0), runSummary: { count: 1 }, dryRunSummary: {},
    metricResults: [{ name: 'm', phase: 'Running', measurements: [placeholder(0)] }],
  });
  assert.deepEqual(plan.events, [{ type: 'Normal', reason: 'AnalysisRunRunning', message: 'Analysis Running' }]);
  assert.equal(plan.requeueAfterMs, undefined, 'the result of the call wakes the run up');
});

test('planAnalysisRun() does nothing new while a call is in flight', () => {
  const r = run([metric()], running([{ name: 'm', phase: 'Running', measurements: [placeholder(0)] }]));
  const plan = planAnalysisRun(snap(r, 3, { inFlight: ['m'] }));
  assert.deepEqual(plan.actions, []);
  assert.deepEqual(plan.status, r.status);
  assert.deepEqual(plan.events, []);
});

test('planAnalysisRun() records a Successful result and completes a single-measurement run', () => {
  const r = run([metric()], running([{ name: 'm', phase: 'Running', measurements: [placeholder(0)] }]));
  const plan = planAnalysisRun(snap(r, 2, { results: { m: measured('Successful', 0, 1, { value: '0.99' }) } }));
  assert.deepEqual(plan.status, {
    phase: 'Successful', startedAt: at(0), completedAt: at(2), runSummary: { count: 1, successful: 1 }, dryRunSummary: {},
    metricResults: [{ name: 'm', phase: 'Successful', count: 1, successful: 1, consecutiveSuccess: 1,
      measurements: [{ phase: 'Successful', startedAt: at(0), finishedAt: at(1), value: '0.99' }] }],
  });
  assert.deepEqual(plan.events.map((e) => e.reason), ['MetricSuccessful', 'AnalysisRunSuccessful']);
  assert.deepEqual(plan.events[1], { type: 'Normal', reason: 'AnalysisRunSuccessful', message: 'Analysis Completed. Result: Successful' });
});

test('planAnalysisRun() fails a metric beyond failureLimit with Argo\'s message', () => {
  const r = run([metric({ name: 'err-rate' })], running([{ name: 'err-rate', phase: 'Running', measurements: [placeholder(0)] }]));
  const plan = planAnalysisRun(snap(r, 1, { results: { 'err-rate': measured('Failed', 0, 1) } }));
  assert.equal(plan.status.phase, 'Failed');
  assert.equal(plan.status.message, 'Metric "err-rate" assessed Failed due to failed (1) > failureLimit (0)');
  assert.deepEqual(plan.status.runSummary, { count: 1, failed: 1 });
  assert.deepEqual(plan.events.map((e) => [e.type, e.reason]), [['Warning', 'MetricFailed'], ['Warning', 'AnalysisRunFailed']]);
});

// The chapter's `fail` template: interval 15s, failureLimit 1, a Job that exits 1.
test('planAnalysisRun() measures every interval and fails at the second failure (chapter "fail")', () => {
  const m = metric({ name: 'fail', interval: '15s', failureLimit: 1 });
  const first = { name: 'fail', phase: 'Running' as const, measurements: [placeholder(0)] };
  const p1 = planAnalysisRun(snap(run([m], running([first])), 5, { results: { fail: measured('Failed', 0, 5) } }));
  assert.equal(p1.status.phase, 'Running');
  assert.deepEqual(p1.actions, []);
  assert.equal(p1.requeueAfterMs, 15_000, 'next measurement at finishedAt + interval');
  const p2 = planAnalysisRun(snap(run([m], p1.status), 20));
  assert.deepEqual(p2.actions, [{ op: 'measure', metricName: 'fail', call: 'run' }]);
  const p3 = planAnalysisRun(snap(run([m], p2.status), 25, { results: { fail: measured('Failed', 20, 25) } }));
  assert.equal(p3.status.phase, 'Failed');
  assert.equal(p3.status.message, 'Metric "fail" assessed Failed due to failed (2) > failureLimit (1)');
  assert.equal(p3.status.metricResults?.[0]?.count, 2);
});

// The chapter's `pass` template has an interval and no count: it runs until the run is terminated.
test('planAnalysisRun() keeps an unlimited metric running until terminate, then ends Successful', () => {
  const m = metric({ name: 'pass', interval: '15s', failureLimit: 1 });
  const results: MetricResult[] = [{ name: 'pass', phase: 'Running', count: 3, successful: 3, consecutiveSuccess: 3, measurements: [done('Successful', 30)] }];
  const p1 = planAnalysisRun(snap(run([m], running(results)), 40));
  assert.equal(p1.status.phase, 'Running');
  assert.equal(p1.requeueAfterMs, 5_000);
  const p2 = planAnalysisRun(snap(run([m], running(results), { terminate: true }), 41));
  assert.deepEqual(p2.actions, []);
  assert.equal(p2.status.phase, 'Successful');
  assert.equal(p2.status.message, 'Run Terminated');
  assert.equal(p2.status.completedAt, at(41));
});

test('planAnalysisRun() terminates an in-flight Job measurement: "Metric Terminated", Inconclusive (as Argo)', () => {
  const job: Measurement = { phase: 'Running', startedAt: at(0), resumeAt: at(9), metadata: { 'job-name': 'u1.m.1', 'job-namespace': 'default' } };
  const r = run([metric({ interval: '15s' })], running([{ name: 'm', phase: 'Running', measurements: [job] }]), { terminate: true });
  const p1 = planAnalysisRun(snap(r, 3));
  assert.deepEqual(p1.actions, [{ op: 'measure', metricName: 'm', call: 'terminate', measurement: job }]);
  assert.equal(p1.status.phase, 'Running', 'the run ends once the measurement is terminated');
  assert.equal(planAnalysisRun(snap(r, 3, { inFlight: ['m'] })).status.phase, 'Running');
  const terminated: ProviderOutcome = { outcome: 'measured', call: 'terminate', measurement: { ...job, phase: 'Inconclusive', finishedAt: at(4) } };
  const p2 = planAnalysisRun(snap(r, 4, { results: { m: terminated } }));
  assert.equal(p2.status.metricResults?.[0]?.measurements?.[0]?.message, 'Metric Terminated');
  assert.equal(p2.status.metricResults?.[0]?.phase, 'Inconclusive');
  assert.equal(p2.status.phase, 'Inconclusive');
  assert.equal(p2.status.message, 'Metric "m" assessed Inconclusive due to inconclusive (1) > inconclusiveLimit (0): "Error Message: Metric Terminated"');
});

test('planAnalysisRun() waits for resumeAt, then resumes an unfinished measurement', () => {
  const job: Measurement = { phase: 'Running', startedAt: at(0), resumeAt: at(5), metadata: { 'job-name': 'u1.m.1' } };
  const r = run([metric()], running([{ name: 'm', phase: 'Running', measurements: [job] }]));
  const early = planAnalysisRun(snap(r, 2));
  assert.deepEqual(early.actions, []);
  assert.equal(early.requeueAfterMs, 3_000);
  assert.deepEqual(planAnalysisRun(snap(r, 5)).actions, [{ op: 'measure', metricName: 'm', call: 'resume', measurement: job }]);
  const { resumeAt: _resumeAt, ...noResume } = job;
  const resumed: ProviderOutcome = { outcome: 'measured', call: 'resume', measurement: noResume };
  const again = planAnalysisRun(snap(r, 6, { results: { m: resumed } }));
  assert.equal(again.status.metricResults?.[0]?.measurements?.[0]?.resumeAt, at(7), 'a resume without resumeAt is retried a second later');
  assert.equal(again.requeueAfterMs, 1_000);
});

test('planAnalysisRun() retries errors 10s later and errors the metric after 5 in a row', () => {
  const errors: MetricResult = { name: 'm', phase: 'Running', error: 4, consecutiveError: 4, measurements: [done('Error', 40), placeholder(50)] };
  const p1 = planAnalysisRun(snap(run([metric({ interval: '1m' })], running([{ ...errors, measurements: [done('Error', 40)] }])), 45));
  assert.equal(p1.requeueAfterMs, 5_000, 'an Error is retried after 10s, not the interval');
  const p2 = planAnalysisRun(snap(run([metric({ interval: '1m' })], running([errors])), 51, {
    results: { m: measured('Error', 50, 51, { message: 'received non 2xx response code: 503' }) },
  }));
  assert.equal(p2.status.phase, 'Error');
  assert.equal(p2.status.message, 'Metric "m" assessed Error due to consecutiveErrors (5) > consecutiveErrorLimit (4): "Error Message: received non 2xx response code: 503"');
  assert.deepEqual(p2.status.metricResults?.[0], {
    name: 'm', phase: 'Error', error: 5, consecutiveError: 5, message: 'received non 2xx response code: 503',
    measurements: [done('Error', 40), { phase: 'Error', startedAt: at(50), finishedAt: at(51), message: 'received non 2xx response code: 503' }],
  });
});

test('planAnalysisRun() ignores dry-run metrics for the phase and counts them apart', () => {
  const r = run([metric({ name: 'a' }), metric({ name: 'b' })], running([
    { name: 'a', phase: 'Running', measurements: [placeholder(0)] }, { name: 'b', phase: 'Running', dryRun: true, measurements: [placeholder(0)] },
  ]), { dryRun: [{ metricName: '^b$' }] });
  const plan = planAnalysisRun(snap(r, 1, { results: { a: measured('Successful', 0, 1), b: measured('Failed', 0, 1) } }));
  assert.equal(plan.status.phase, 'Successful');
  assert.deepEqual(plan.status.runSummary, { count: 1, successful: 1 });
  assert.deepEqual(plan.status.dryRunSummary, { count: 1, failed: 1 });
  assert.equal(plan.status.metricResults?.[1]?.message, 'Metric assessed Failed due to failed (1) > failureLimit (0)');
});

test('planAnalysisRun() takes the worst completed metric: Failed beats Inconclusive', () => {
  const r = run([metric({ name: 'a' }), metric({ name: 'b' })], running([
    { name: 'a', phase: 'Running', measurements: [placeholder(0)] }, { name: 'b', phase: 'Running', measurements: [placeholder(0)] },
  ]));
  const plan = planAnalysisRun(snap(r, 1, { results: { a: measured('Inconclusive', 0, 1), b: measured('Failed', 0, 1) } }));
  assert.equal(plan.status.phase, 'Failed');
  assert.deepEqual(plan.status.runSummary, { count: 2, failed: 1, inconclusive: 1 });
});

test('planAnalysisRun() completes the siblings of a failed metric on the next reconcile', () => {
  const m = [metric({ name: 'a', interval: '1m' }), metric({ name: 'b' })];
  const results: MetricResult[] = [
    { name: 'a', phase: 'Running', count: 1, successful: 1, consecutiveSuccess: 1, measurements: [done('Successful', 0)] },
    { name: 'b', phase: 'Failed', count: 1, failed: 1, measurements: [done('Failed', 1)] },
  ];
  const plan = planAnalysisRun(snap(run(m, running(results)), 2));
  assert.deepEqual(plan.actions, [], 'no new measurement once terminating');
  assert.equal(plan.status.metricResults?.[0]?.phase, 'Successful');
  assert.equal(plan.status.phase, 'Failed');
  assert.equal(plan.status.message, 'Metric "b" assessed Failed due to failed (1) > failureLimit (0)');
});

test('planAnalysisRun() applies count and consecutiveSuccessLimit', () => {
  const base = (r: Partial<MetricResult>): MetricResult => ({ name: 'm', phase: 'Running', measurements: [done('Successful', 9)], ...r });
  const cases: [Partial<Metric>, Partial<MetricResult>, string][] = [
    [{ count: 3, interval: '5s' }, { count: 3, successful: 2, failed: 0, inconclusive: 1 }, 'Inconclusive'],
    [{ count: 3, interval: '5s', inconclusiveLimit: 1 }, { count: 3, successful: 2, inconclusive: 1 }, 'Successful'],
    [{ count: 5, interval: '5s', consecutiveSuccessLimit: 2 }, { count: 2, successful: 2, consecutiveSuccess: 2 }, 'Successful'],
    [{ count: 3, interval: '5s', consecutiveSuccessLimit: 2 }, { count: 3, successful: 2, consecutiveSuccess: 1, failed: 0 }, 'Inconclusive'],
    [{ count: 3, interval: '5s', consecutiveSuccessLimit: 2, failureLimit: -1 }, { count: 3, successful: 1, consecutiveSuccess: 1, failed: 2 }, 'Failed'],
    [{ count: '3', interval: '5s' }, { count: 2, successful: 2 }, 'Running'],
  ];
  for (const [m, r, phase] of cases) {
    const plan = planAnalysisRun(snap(run([metric(m)], running([base(r)])), 10));
    assert.equal(plan.status.metricResults?.[0]?.phase, phase, JSON.stringify([m, r]));
  }
});

test('planAnalysisRun() waits for initialDelay from the run\'s startedAt', () => {
  const m = metric({ initialDelay: '30s' });
  const fresh = planAnalysisRun(snap(run([m]), 0));
  assert.deepEqual(fresh.actions, []);
  assert.equal(fresh.requeueAfterMs, 30_000);
  assert.equal(fresh.status.phase, 'Running');
  const later = planAnalysisRun(snap(run([m], fresh.status), 30));
  assert.deepEqual(later.actions, [{ op: 'measure', metricName: 'm', call: 'run' }]);
});

test('planAnalysisRun() keeps 10 measurements by default, or measurementRetention\'s limit, and garbage-collects', () => {
  const history = Array.from({ length: 10 }, (_x, i) => done('Successful', i * 10));
  const r = (spec: Partial<AnalysisRun['spec']>): AnalysisRun => run([metric({ interval: '10s' })],
    running([{ name: 'm', phase: 'Running', count: 10, successful: 10, consecutiveSuccess: 10, measurements: history }]), spec);
  const p = planAnalysisRun(snap(r({}), 100));
  assert.deepEqual(p.actions, [{ op: 'measure', metricName: 'm', call: 'run' }, { op: 'garbageCollect', metricName: 'm', limit: 10 }]);
  assert.equal(p.status.metricResults?.[0]?.measurements?.length, 10);
  assert.deepEqual(p.status.metricResults?.[0]?.measurements?.[9], placeholder(100));
  const kept = planAnalysisRun(snap(r({ measurementRetention: [{ metricName: '.*', limit: 3 }] }), 95));
  assert.deepEqual(kept.status.metricResults?.[0]?.measurements, history.slice(7));
});

test('planAnalysisRun() ends invalid runs in Error', () => {
  const cases: [AnalysisRun, string][] = [
    [run([{ name: 'm', provider: {} }]), 'Analysis spec invalid: metrics[0]: no provider specified'],
    [run([metric({ count: 2 })]), 'Analysis spec invalid: metrics[0]: interval must be specified when count > 1'],
    [run([metric(), metric()]), "Analysis spec invalid: metrics[1]: duplicate name 'm'"],
    [run([metric({ provider: web })]), 'Unable to resolve metric arguments: failed to resolve {{args.svc}}'],
    [run([metric({ provider: web })], undefined, { args: [{ name: 'svc' }] }), 'Unable to resolve metric arguments: argument "svc" was not supplied'],
    [run([metric()], undefined, { dryRun: [{ metricName: 'nope' }] }), "Analysis spec invalid: dryRun[0]: Rule didn't match any metric name(s)"],
    [{ ...run([]), spec: JSON.parse('{"metrics": "x"}') }, 'Analysis spec invalid: no metrics specified'],
    [{ ...run([]), spec: JSON.parse('{"metrics": [{"name": "m"}]}') }, 'Analysis spec invalid: metrics[0]: no provider specified'],
  ];
  for (const [r, message] of cases) {
    const plan = planAnalysisRun(snap(r, 0));
    assert.deepEqual(plan.status, { phase: 'Error', message });
    assert.deepEqual(plan.events, [{ type: 'Warning', reason: 'AnalysisRunError', message: 'Analysis Completed. Result: Error' }]);
  }
});

test('planAnalysisRun() resolves args (secrets as placeholders) and records provider metadata', () => {
  const r = run([metric({ provider: web })], running([{ name: 'm', phase: 'Running', measurements: [placeholder(0)] }]),
    { args: [{ name: 'svc', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] });
  const outcome: ProviderOutcome = { outcome: 'measured', call: 'run', measurement: done('Successful', 1), metricMetadata: { ResolvedPrometheusQuery: 'up' } };
  const plan = planAnalysisRun(snap(r, 1, { results: { m: outcome } }));
  assert.equal(plan.status.phase, 'Successful');
  assert.deepEqual(plan.status.metricResults?.[0]?.metadata, { ResolvedPrometheusQuery: 'up' });
  const failed = planAnalysisRun(snap(r, 1, { results: { m: { outcome: 'argsError', message: 'secrets "s" not found' } } }));
  assert.deepEqual(failed.status.phase, 'Error');
  assert.equal(failed.status.message, 'Unable to resolve metric arguments: secrets "s" not found');
});

test('planAnalysisRun() deletes a completed run after its ttlStrategy', () => {
  const completed = (phase: 'Successful' | 'Failed'): AnalysisRunStatus => ({ phase, startedAt: at(0), completedAt: at(10) });
  const ttl = { secondsAfterCompletion: 60, secondsAfterFailure: 5 };
  const keep = planAnalysisRun(snap(run([metric()], completed('Successful'), { ttlStrategy: ttl }), 30));
  assert.deepEqual(keep.actions, []);
  assert.equal(keep.requeueAfterMs, 41_000, 'completed at 10s, TTL 60s: deleted once 61 whole seconds have passed');
  assert.deepEqual(planAnalysisRun(snap(run([metric()], completed('Successful'), { ttlStrategy: ttl }), 71)).actions, [{ op: 'deleteRun' }]);
  assert.deepEqual(planAnalysisRun(snap(run([metric()], completed('Failed'), { ttlStrategy: ttl }), 16)).actions, [{ op: 'deleteRun' }]);
  const none = planAnalysisRun(snap(run([metric()], completed('Failed')), 1000));
  assert.deepEqual([none.actions, none.requeueAfterMs], [[], undefined]);
});

test('planAnalysisRun() counts a result delivered twice once', () => {
  const r = run([metric({ interval: '1m' })], running([{ name: 'm', phase: 'Running', count: 1, successful: 1, consecutiveSuccess: 1, measurements: [{ ...done('Successful', 0), finishedAt: at(1) }] }]));
  const plan = planAnalysisRun(snap(r, 2, { results: { m: measured('Successful', 0, 1) } }));
  assert.equal(plan.status.metricResults?.[0]?.count, 1);
  assert.equal(plan.status.metricResults?.[0]?.measurements?.length, 1);
});
