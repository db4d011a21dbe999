import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Job } from '../../api/batch-v1.js';
import type { AnalysisRun } from '../../api/rollouts-analysis.js';
import { buildMetricJob, jobOutcome, jobResumeDelayMs, metricJobName } from './job-build.js';

const uid = '0b5c1f7e-4a2d-4c3b-9e8f-1a2b3c4d5e6f';
const run = (count = 0, error = 0): AnalysisRun => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', metadata: { name: 'r', namespace: 'ns', uid },
  spec: { metrics: [] }, status: { phase: 'Running', metricResults: [{ name: 'pass', phase: 'Running', count, error }] },
});

test('metricJobName() is <uid>.<metric>.<count+error+1>, cut to 63 characters by shortening the metric name', () => {
  assert.equal(metricJobName(run(), 'pass'), `${uid}.pass.1`);
  assert.equal(metricJobName(run(2, 1), 'pass'), `${uid}.pass.4`);
  const long = 'a-really-long-metric-name-that-overflows';
  const name = metricJobName(run(), long);
  assert.equal(name.length, 63);
  assert.equal(name, `${uid}.${long.slice(0, 63 - uid.length - 3)}.1`);
});

test('buildMetricJob() labels the Job and its pods with the run uid and owns it by the run', () => {
  const job = buildMetricJob(run(), {
    name: 'pass', provider: { job: { metadata: { labels: { team: 'a' }, annotations: { note: 'x' } }, spec: { backoffLimit: 0, template: { metadata: { labels: { app: 'j' } }, spec: {} } } } },
  });
  assert.deepEqual(job.metadata, {
    name: `${uid}.pass.1`, namespace: 'ns', labels: { team: 'a', 'analysisrun.argoproj.io/uid': uid },
    annotations: { note: 'x', 'analysisrun.argoproj.io/name': 'r', 'analysisrun.argoproj.io/namespace': 'ns', 'analysisrun.argoproj.io/metric-name': 'pass' },
    ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', name: 'r', uid, controller: true, blockOwnerDeletion: true }],
  });
  assert.deepEqual(job['spec'], { backoffLimit: 0, template: { metadata: { labels: { app: 'j', 'analysisrun.argoproj.io/uid': uid } }, spec: {} } });
});

test('jobOutcome() reads Complete and Failed conditions; jobResumeDelayMs() grows as sqrt(2t)', () => {
  const job = (type: string, status: 'True' | 'False' = 'True'): Job => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: {}, spec: { template: { spec: { containers: [] } } }, status: { conditions: [{ type, status }] } });
  assert.equal(jobOutcome(job('Complete')), 'Successful');
  assert.equal(jobOutcome(job('Failed')), 'Failed');
  assert.equal(jobOutcome(job('Failed', 'False')), undefined);
  assert.equal(jobOutcome(job('Suspended')), undefined);
  assert.equal(jobResumeDelayMs(50_000), 10_000, '50 s after start → 10 s');
  assert.equal(jobResumeDelayMs(0), 1_000, 'never less than a second');
});
