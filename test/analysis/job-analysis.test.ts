// The chapter's `pass` and `fail` AnalysisTemplates run as AnalysisRuns by the analysis controller on the in-process
// API server. No Job controller or kubelet runs here: the test completes or fails each Job by writing its status
// conditions through /status, as the Job controller would. Time is manual, so the 15 s intervals take no time.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Job } from '../../src/api/batch-v1.js';
import { R } from '../../src/api/resources.js';
import type { AnalysisRun } from '../../src/api/rollouts-analysis.js';
import { ANALYSIS_RUN_METRIC_NAME_ANNOTATION, ANALYSIS_RUN_NAMESPACE_ANNOTATION, ANALYSIS_RUN_NAME_ANNOTATION, ANALYSIS_RUN_UID_LABEL } from '../../src/api/rollouts-constants.js';
import { ManualTimers } from '../../src/control/manual-timers.js';
import { analysisControllerExtra, startAnalysisController, type AnalysisController } from '../../src/rollouts/analysis/index.js';
import type { RolloutsManagerOptions } from '../../src/rollouts/controller/manager.js';
import { eventually } from '../harness/poll.js';
import { chapterTemplates, eventReasons, getRun, runManifest, startAnalysisApi, type AnalysisApi } from './_analysis-harness.js';

let env: AnalysisApi;
let timers: ManualTimers;
let controller: AnalysisController | undefined;
const templates = chapterTemplates();

before(async () => { env = await startAnalysisApi(); });
after(async () => { await env.close(); });
afterEach(async () => { await controller?.stop(); controller = undefined; });

function start(): AnalysisController {
  controller = startAnalysisController({ client: env.client, namespace: 'default', clock: timers, timers });
  return controller;
}

/** Polls `probe`, moving manual time by `stepMs` between attempts. */
function until<T>(probe: () => Promise<T | undefined | false>, what: string, stepMs = 1000): Promise<T> {
  return eventually(async () => {
    const v = await probe();
    if (v === undefined || v === false) await timers.advanceAsync(stepMs);
    return v;
  }, what, 20_000, 5);
}

async function createRun(name: string, template: string, extra: Partial<AnalysisRun['spec']> = {}): Promise<AnalysisRun> {
  const spec = templates.get(template)?.spec;
  assert.ok(spec, `template ${template}`);
  return env.client.create<AnalysisRun>(R.analysisruns, runManifest(name, { metrics: spec.metrics ?? [], ...extra }));
}

async function jobsOf(run: AnalysisRun): Promise<Job[]> {
  const list = await env.client.list<Job>(R.jobs, 'default', { labelSelector: `${ANALYSIS_RUN_UID_LABEL}=${run.metadata.uid ?? ''}` });
  return list.items.sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
}

async function finishJob(name: string, outcome: 'Complete' | 'Failed'): Promise<void> {
  const status = { conditions: [{ type: outcome, status: 'True' }], ...(outcome === 'Complete' ? { succeeded: 1 } : { failed: 1 }) };
  await env.client.patch(R.jobs, 'default', name, 'merge', { status }, { subresource: 'status' });
}

const metricResult = async (run: string) => (await getRun(env.client, run)).status?.metricResults?.[0];

test('the chapter\'s "pass" template: Jobs named <uid>.pass.<n> succeed; terminate ends the run Successful', async () => {
  timers = new ManualTimers(Date.UTC(2025, 0, 1, 12));
  const run = await createRun('pass-run', 'pass');
  start();
  const [job] = await until(async () => { const j = await jobsOf(run); return j.length > 0 && j; }, 'the first Job');
  assert.ok(job);
  const uid = run.metadata.uid ?? '';
  assert.equal(job.metadata.name, `${uid}.pass.1`);
  assert.equal(job.metadata.labels?.[ANALYSIS_RUN_UID_LABEL], uid);
  assert.deepEqual(job.metadata.annotations, {
    [ANALYSIS_RUN_NAME_ANNOTATION]: 'pass-run', [ANALYSIS_RUN_NAMESPACE_ANNOTATION]: 'default', [ANALYSIS_RUN_METRIC_NAME_ANNOTATION]: 'pass',
  });
  assert.deepEqual(job.metadata.ownerReferences, [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', name: 'pass-run', uid, controller: true, blockOwnerDeletion: true }]);
  assert.equal(job.spec.template.metadata?.labels?.[ANALYSIS_RUN_UID_LABEL], uid);
  assert.equal(job.spec.backoffLimit, 0);
  const running = await metricResult('pass-run');
  assert.equal(running?.measurements?.[0]?.metadata?.['job-name'], job.metadata.name, 'the Job is recorded in status for a restarted controller');
  await finishJob(job.metadata.name ?? '', 'Complete');
  await until(async () => (await metricResult('pass-run'))?.successful === 1, 'the first measurement to succeed');
  assert.equal((await getRun(env.client, 'pass-run')).status?.phase, 'Running', 'an interval without count runs until terminated');
  await until(async () => (await jobsOf(run)).length === 2, 'the second Job after the 15s interval');
  await finishJob(`${uid}.pass.2`, 'Complete');
  await until(async () => (await metricResult('pass-run'))?.successful === 2, 'the second measurement to succeed');
  await env.client.patch(R.analysisruns, 'default', 'pass-run', 'merge', { spec: { terminate: true } });
  const done = await until(async () => { const r = await getRun(env.client, 'pass-run'); return r.status?.phase === 'Successful' && r; }, 'the run to end');
  assert.equal(done.status?.message, 'Run Terminated');
  assert.deepEqual(done.status?.runSummary, { count: 1, successful: 1 });
  assert.equal(done.status?.metricResults?.[0]?.count, 2);
  assert.ok(done.status?.completedAt);
  await eventually(async () => (await eventReasons(env.client, 'pass-run')).includes('AnalysisRunSuccessful'), 'the completion event');
});

test('the chapter\'s "fail" template: the second failed Job (failureLimit 1) fails the run', async () => {
  timers = new ManualTimers(Date.UTC(2025, 0, 2, 12));
  const run = await createRun('fail-run', 'fail');
  start();
  const uid = run.metadata.uid ?? '';
  await until(async () => (await jobsOf(run)).length === 1, 'the first Job');
  await finishJob(`${uid}.fail.1`, 'Failed');
  await until(async () => (await metricResult('fail-run'))?.failed === 1, 'the first failure');
  assert.equal((await getRun(env.client, 'fail-run')).status?.phase, 'Running', 'one failure is within failureLimit 1');
  await until(async () => (await jobsOf(run)).length === 2, 'the second Job');
  await finishJob(`${uid}.fail.2`, 'Failed');
  const failed = await until(async () => { const r = await getRun(env.client, 'fail-run'); return r.status?.phase === 'Failed' && r; }, 'the run to fail');
  assert.equal(failed.status?.message, 'Metric "fail" assessed Failed due to failed (2) > failureLimit (1)');
  assert.deepEqual(failed.status?.runSummary, { count: 1, failed: 1 });
  await eventually(async () => {
    const reasons = await eventReasons(env.client, 'fail-run');
    return reasons.includes('MetricFailed') && reasons.includes('AnalysisRunFailed') && reasons.includes('AnalysisRunRunning');
  }, 'the events');
  assert.match(await env.api.k('get ar fail-run'), /fail-run\s+Failed/);
});

test('a restarted controller picks up a Job measurement from status', async () => {
  timers = new ManualTimers(Date.UTC(2025, 0, 3, 12));
  const run = await createRun('restart-run', 'pass', { metrics: (templates.get('pass')?.spec.metrics ?? []).map(({ interval: _interval, ...m }) => ({ ...m, count: 1 })) });
  const first = start();
  await until(async () => (await metricResult('restart-run'))?.measurements?.[0]?.metadata?.['job-name'] !== undefined, 'the Job recorded in status');
  await first.stop();
  controller = undefined;
  const uid = run.metadata.uid ?? '';
  await finishJob(`${uid}.pass.1`, 'Complete');
  start();
  const done = await until(async () => { const r = await getRun(env.client, 'restart-run'); return r.status?.phase === 'Successful' && r; }, 'the run to succeed');
  assert.equal(done.status?.metricResults?.[0]?.measurements?.length, 1);
  assert.equal((await jobsOf(run)).length, 1, 'no second Job was started');
});

test('terminating a run deletes its in-flight Job and records "Metric Terminated"', async () => {
  timers = new ManualTimers(Date.UTC(2025, 0, 4, 12));
  const run = await createRun('term-run', 'pass');
  start();
  await until(async () => (await metricResult('term-run'))?.measurements?.[0]?.metadata?.['job-name'] !== undefined, 'the Job recorded in status');
  await env.client.patch(R.analysisruns, 'default', 'term-run', 'merge', { spec: { terminate: true } });
  const ended = await until(async () => { const r = await getRun(env.client, 'term-run'); return r.status?.phase === 'Inconclusive' && r; }, 'the run to end');
  assert.equal(ended.status?.metricResults?.[0]?.measurements?.[0]?.message, 'Metric Terminated');
  await eventually(async () => (await jobsOf(run)).every((j) => j.metadata.deletionTimestamp !== undefined), 'the Job deleted');
});

test('a finished run is deleted after its ttlStrategy', async () => {
  timers = new ManualTimers(Date.UTC(2025, 0, 5, 12));
  await createRun('ttl-run', 'pass', { terminate: true, ttlStrategy: { secondsAfterCompletion: 30 } });
  start();
  await until(async () => (await getRun(env.client, 'ttl-run')).status?.phase === 'Successful', 'the terminated run to complete');
  await until(async () => {
    const list = await env.client.list(R.analysisruns, 'default');
    return !list.items.some((r) => r.metadata.name === 'ttl-run');
  }, 'the run to be deleted', 5000);
});

test('analysisControllerExtra() fits startRolloutsManager\'s `extra` and stops cleanly', async () => {
  const extras: RolloutsManagerOptions['extra'] = [analysisControllerExtra({ client: env.client, namespace: 'default' })];
  const abort = new AbortController();
  const stop = extras?.[0]?.(abort.signal);
  abort.abort();
  await stop?.();
});
