import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Job, JobSpec, JobStatus } from '../../../api/batch-v1.js';
import type { Condition } from '../../../api/meta.js';
import { jobPrinter } from './job-printer.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const at = (hhmmss: string): string => `2025-01-01T${hhmmss}Z`;
const cond = (type: string, status: Condition['status'] = 'True'): Condition => ({ type, status });

function job(status: JobStatus | undefined, spec: Partial<JobSpec> = { completions: 1, parallelism: 1 }, deleting = false): Job {
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: { name: 'smoke-test', namespace: 'default', creationTimestamp: at('11:50:00'), ...(deleting ? { deletionTimestamp: at('11:59:00') } : {}) },
    spec: {
      template: { spec: { containers: [{ name: 'curl', image: 'curlimages/curl:8.5.0' }], restartPolicy: 'Never' } },
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': '5e1c' } },
      ...spec,
    },
    ...(status ? { status } : {}),
  };
}

test('jobPrinter prints NAME STATUS COMPLETIONS DURATION AGE as kubectl 1.32 does', () => {
  assert.deepEqual(jobPrinter.columns.map((c) => [c.name, c.priority]), [
    ['Name', 0], ['Status', 0], ['Completions', 0], ['Duration', 0], ['Age', 0], ['Containers', 1], ['Images', 1], ['Selector', 1],
  ]);
  const started = at('11:50:02');
  const rows: [what: string, j: Job, want: [status: string, completions: string, duration: string]][] = [
    ['not started', job(undefined), ['Running', '0/1', '']],
    ['running', job({ startTime: started, active: 1 }), ['Running', '0/1', '9m58s']],
    ['complete', job({ startTime: started, completionTime: at('11:50:47'), succeeded: 1, conditions: [cond('SuccessCriteriaMet'), cond('Complete')] }), ['Complete', '1/1', '45s']],
    ['failed', job({ startTime: started, failed: 7, conditions: [cond('FailureTarget'), cond('Failed')] }), ['Failed', '0/1', '9m58s']],
    ['failing', job({ startTime: started, failed: 7, conditions: [cond('FailureTarget')] }), ['FailureTarget', '0/1', '9m58s']],
    ['suspended', job({ conditions: [cond('Suspended')] }, { completions: 3, parallelism: 1, suspend: true }), ['Suspended', '0/3', '']],
    ['resumed', job({ startTime: started, conditions: [cond('Suspended', 'False')] }), ['Running', '0/1', '9m58s']],
    ['terminating', job({ startTime: started, active: 1 }, undefined, true), ['Terminating', '0/1', '9m58s']],
    ['work queue', job({ startTime: started, succeeded: 1 }, { parallelism: 3 }), ['Running', '1/1 of 3', '9m58s']],
    ['no completions, no parallelism', job({ startTime: started }, {}), ['Running', '0/1', '9m58s']],
  ];
  for (const [what, j, [status, completions, duration]] of rows) {
    assert.deepEqual(jobPrinter.cells(j, NOW), [
      'smoke-test', status, completions, duration, '10m', 'curl', 'curlimages/curl:8.5.0', 'batch.kubernetes.io/controller-uid=5e1c',
    ], what);
  }
});
