// The job provider on the in-process API server: the MetricProvider contract (Jobs are completed or failed by
// writing their status, as the Job controller would), adoption of a Job created twice, image-pull failures, and
// garbage collection of old Jobs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Job } from '../../src/api/batch-v1.js';
import { R } from '../../src/api/resources.js';
import type { AnalysisRun, Measurement, Metric } from '../../src/api/rollouts-analysis.js';
import { ANALYSIS_RUN_UID_LABEL } from '../../src/api/rollouts-constants.js';
import { JobProvider } from '../../src/rollouts/analysis/index.js';
import { chapterTemplates, runManifest, startAnalysisApi, type AnalysisApi } from './_analysis-harness.js';
import { metricProviderContract } from './metric-provider-contract.js';

const pass = chapterTemplates().get('pass')?.spec.metrics?.[0] as Metric;
const fail = chapterTemplates().get('fail')?.spec.metrics?.[0] as Metric;
const signal = (): AbortSignal => new AbortController().signal;

async function newRun(env: AnalysisApi, name: string): Promise<AnalysisRun> {
  return env.client.create<AnalysisRun>(R.analysisruns, runManifest(name, { metrics: [pass, fail] }));
}

async function finish(env: AnalysisApi, m: Measurement, outcome: 'pass' | 'fail'): Promise<void> {
  const type = outcome === 'pass' ? 'Complete' : 'Failed';
  await env.client.patch(R.jobs, 'default', m.metadata?.['job-name'] ?? '', 'merge', { status: { conditions: [{ type, status: 'True' }] } }, { subresource: 'status' });
}

metricProviderContract('job', async () => {
  const env = await startAnalysisApi();
  const run = await newRun(env, 'contract');
  return {
    provider: new JobProvider(env.client), run, passing: pass, failing: fail,
    // A Job without a pod template is refused by the API server: the measurement is an Error.
    erroring: { name: 'broken', provider: { job: { spec: { backoffLimit: 0 } } } },
    finish: (m, outcome) => finish(env, m, outcome),
    close: () => env.close(),
  };
});

describe('JobProvider', () => {
  let env: AnalysisApi;
  before(async () => { env = await startAnalysisApi(); });
  after(async () => { await env.close(); });

  test('a repeated create adopts the run\'s own Job; someone else\'s Job of that name is an Error', async () => {
    const provider = new JobProvider(env.client);
    const run = await newRun(env, 'adopt');
    const first = await provider.run(pass, run, signal());
    const again = await provider.run(pass, run, signal());
    assert.equal(again.phase, 'Running');
    assert.equal(again.metadata?.['job-name'], first.metadata?.['job-name']);
    await env.client.delete(R.jobs, 'default', first.metadata?.['job-name'] ?? '');
    await env.client.create(R.jobs, { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: first.metadata?.['job-name'] ?? '', namespace: 'default' },
      spec: { template: { spec: { containers: [{ name: 'x', image: 'alpine' }], restartPolicy: 'Never' } } } });
    const clash = await provider.run(pass, run, signal());
    assert.equal(clash.phase, 'Error');
    assert.match(clash.message ?? '', /already exists/);
  });

  test('resume waits with a growing resumeAt, and a pod that cannot pull its image is Inconclusive', async () => {
    const provider = new JobProvider(env.client);
    const run = await newRun(env, 'pull');
    const m = await provider.run(pass, run, signal());
    const waiting = await provider.resume(pass, run, m, signal());
    assert.equal(waiting.phase, 'Running');
    assert.ok(Date.parse(waiting.resumeAt ?? '') > Date.parse(m.resumeAt ?? ''), 'resumeAt moves on');
    const job = await env.client.get<Job>(R.jobs, 'default', m.metadata?.['job-name'] ?? '');
    const labels = { ...(job.spec.selector?.matchLabels ?? {}), [ANALYSIS_RUN_UID_LABEL]: run.metadata.uid ?? '' };
    await env.client.create(R.pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pull-pod', namespace: 'default', labels },
      spec: { containers: [{ name: 'sleep', image: 'alpine:3.8' }] } });
    await env.client.patch(R.pods, 'default', 'pull-pod', 'merge', { status: { containerStatuses: [
      { name: 'sleep', image: 'alpine:3.8', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image' } } },
    ] } }, { subresource: 'status' });
    const stuck = await provider.resume(pass, run, waiting, signal());
    assert.equal(stuck.phase, 'Inconclusive');
    assert.equal(stuck.message, 'Pod pull-pod, container sleep has terminal error (ImagePullBackOff): Back-off pulling image\n');
  });

  test('garbageCollect keeps the run\'s newest Jobs', async () => {
    const provider = new JobProvider(env.client);
    const run = await newRun(env, 'gc');
    const names: string[] = [];
    for (let n = 0; n < 3; n++) {
      const counted = { ...run, status: { phase: 'Running' as const, metricResults: [{ name: 'pass', phase: 'Running' as const, count: n }] } };
      names.push((await provider.run(pass, counted, signal())).metadata?.['job-name'] ?? '');
    }
    assert.deepEqual(names.map((n) => n.split('.').slice(1).join('.')), ['pass.1', 'pass.2', 'pass.3']);
    await provider.garbageCollect(pass, run, 1, signal());
    const left = await env.client.list<Job>(R.jobs, 'default', { labelSelector: `${ANALYSIS_RUN_UID_LABEL}=${run.metadata.uid ?? ''}` });
    const live = left.items.filter((j) => j.metadata.deletionTimestamp === undefined).map((j) => j.metadata.name);
    assert.deepEqual(live, [names[2]]);
  });
});
