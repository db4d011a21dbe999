import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JobAction, JobSnapshot } from './job-types.js';
import { planJob } from './plan-job.js';
import { at, job, pod, seqRand, T0 } from './_builders.js';

/** One readable line per action, so whole plans compare as lists. */
function summary(a: JobAction): string {
  switch (a.op) {
    case 'createPod': return `create ${a.pod.metadata.name ?? ''}`;
    case 'deletePod': return `delete ${a.pod.name}`;
    case 'removePodFinalizer': return `unfinalize ${a.pod.name}`;
    case 'updateStatus': {
      const s = a.status;
      const conds = (s.conditions ?? []).map((c) => `${c.type}`).join(',');
      const u = s.uncountedTerminatedPods;
      return `status active=${s.active ?? 0} ready=${s.ready ?? '-'} terminating=${s.terminating ?? '-'} succeeded=${s.succeeded ?? 0} failed=${s.failed ?? 0}`
        + ` uncounted=${(u.succeeded ?? []).length}/${(u.failed ?? []).length}${conds === '' ? '' : ` [${conds}]`}`;
    }
    case 'event': return `event ${a.type} ${a.reason}: ${a.message}`;
  }
}

const rand = (): (() => number) => seqRand([0, 0.04, 0.08, 0.12, 0.16, 0.2, 0.24, 0.28, 0.32, 0.36]);

function plan(s: Partial<JobSnapshot> & Pick<JobSnapshot, 'job'>, nowSeconds: number): ReturnType<typeof planJob> {
  return planJob({ pods: [], expectationsSatisfied: true, ...s }, T0 + nowSeconds * 1000, rand());
}

test('planJob() starts a new Job: one pod with the Job labels, tracking finalizer and owner, then status', () => {
  const p = plan({ job: job() }, 0);
  assert.deepEqual(p.actions.map(summary), ['create pi-bcdfg', 'event Normal SuccessfulCreate: Created pod: pi-bcdfg', 'status active=1 ready=0 terminating=0 succeeded=0 failed=0 uncounted=0/0']);
  const created = p.actions.find((a) => a.op === 'createPod');
  assert.ok(created?.op === 'createPod');
  assert.deepEqual(created.pod.metadata, {
    name: 'pi-bcdfg', namespace: 'default',
    labels: { 'batch.kubernetes.io/controller-uid': 'uid-job', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'uid-job', 'job-name': 'pi' },
    finalizers: ['batch.kubernetes.io/job-tracking'],
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: 'uid-job', controller: true, blockOwnerDeletion: true }],
  });
  assert.equal(created.pod.spec.restartPolicy, 'Never');
  assert.deepEqual(p.status, { startTime: at(0), active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
});

const countRows: { name: string; completions?: number; parallelism?: number; succeeded: number; running: number; want: number }[] = [
  { name: 'parallelism caps the pods', completions: 5, parallelism: 2, succeeded: 0, running: 0, want: 2 },
  { name: 'never more than the remaining completions', completions: 5, parallelism: 2, succeeded: 4, running: 0, want: 1 },
  { name: 'a work queue runs parallelism pods', parallelism: 3, succeeded: 0, running: 1, want: 2 },
  { name: 'a work queue starts nothing once a pod succeeded', parallelism: 3, succeeded: 1, running: 1, want: 0 },
];

for (const r of countRows) {
  test(`planJob() creates pods: ${r.name}`, () => {
    const j = job({ ...(r.completions === undefined ? {} : { completions: r.completions }), ...(r.parallelism === undefined ? {} : { parallelism: r.parallelism }), status: { succeeded: r.succeeded, startTime: at(0) } });
    const pods = Array.from({ length: r.running }, (_, i) => pod({ name: `pi-run${i}` }));
    assert.equal(plan({ job: j, pods }, 5).actions.filter((a) => a.op === 'createPod').length, r.want);
  });
}

test('planJob() completes: the pod is recorded uncounted with SuccessCriteriaMet, unfinalized, counted, then Complete', () => {
  const j = job({ status: { active: 1, ready: 0, terminating: 0, startTime: at(0) } });
  const p = plan({ job: j, pods: [pod({ name: 'pi-done', phase: 'Succeeded', finishedAt: 30 })] }, 31);
  assert.deepEqual(p.actions.map(summary), [
    'status active=0 ready=0 terminating=0 succeeded=0 failed=0 uncounted=1/0 [SuccessCriteriaMet]',
    'unfinalize pi-done',
    'status active=0 ready=0 terminating=0 succeeded=1 failed=0 uncounted=0/0 [SuccessCriteriaMet,Complete]',
    'event Normal Completed: Job completed',
  ]);
  assert.deepEqual(p.status.conditions?.map((c) => [c.type, c.status, c.reason, c.message]), [
    ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
  ]);
  assert.equal(p.status.completionTime, at(31));
  assert.deepEqual(plan({ job: { ...j, status: p.status }, pods: [pod({ name: 'pi-done', phase: 'Succeeded', counted: true })] }, 40).actions, []);
});

test('planJob() restartPolicy Never: a failed pod is counted and replaced after the 10 s back-off', () => {
  const j = job({ status: { active: 1, ready: 0, terminating: 0, startTime: at(0) } });
  const failedPod = pod({ name: 'pi-bad', phase: 'Failed', finishedAt: 20 });
  const early = plan({ job: j, pods: [failedPod] }, 22);
  assert.deepEqual(early.actions.map(summary), [
    'status active=0 ready=0 terminating=0 succeeded=0 failed=0 uncounted=0/1',
    'unfinalize pi-bad',
    'status active=0 ready=0 terminating=0 succeeded=0 failed=1 uncounted=0/0',
  ]);
  assert.equal(early.requeueAfterMs, 8000);
  const later = plan({ job: { ...j, status: early.status }, pods: [{ ...failedPod, metadata: { ...failedPod.metadata, finalizers: [] } }] }, 30);
  assert.deepEqual(later.actions.map(summary), ['create pi-bcdfg', 'event Normal SuccessfulCreate: Created pod: pi-bcdfg', 'status active=1 ready=0 terminating=0 succeeded=0 failed=1 uncounted=0/0']);
});

test('planJob() fails with BackoffLimitExceeded once failures exceed backoffLimit, deleting the running pod first', () => {
  const j = job({ backoffLimit: 1, status: { active: 1, failed: 1, ready: 1, terminating: 0, startTime: at(0) } });
  const pods = [pod({ name: 'pi-old', phase: 'Failed', counted: true, finishedAt: 10 }), pod({ name: 'pi-bad', phase: 'Failed', finishedAt: 40 }), pod({ name: 'pi-run', ready: true })];
  const first = plan({ job: j, pods }, 41);
  assert.deepEqual(first.actions.map(summary), [
    'delete pi-run',
    'event Normal SuccessfulDelete: Deleted pod: pi-run',
    'status active=0 ready=0 terminating=1 succeeded=0 failed=1 uncounted=0/2 [FailureTarget]',
    'unfinalize pi-bad',
    'unfinalize pi-run',
    'status active=0 ready=0 terminating=1 succeeded=0 failed=3 uncounted=0/0 [FailureTarget]',
  ]);
  // Once the deleted pod is gone, the terminal condition follows the interim one (two writes, as in
  // Kubernetes: the changed counters are flushed before the Job is marked finished).
  const second = plan({ job: { ...j, status: first.status }, pods: pods.slice(0, 2).map((p) => ({ ...p, metadata: { ...p.metadata, finalizers: [] } })) }, 45);
  assert.deepEqual(second.actions.map(summary), [
    'status active=0 ready=0 terminating=0 succeeded=0 failed=3 uncounted=0/0 [FailureTarget]',
    'status active=0 ready=0 terminating=0 succeeded=0 failed=3 uncounted=0/0 [FailureTarget,Failed]',
    'event Warning BackoffLimitExceeded: Job has reached the specified backoff limit',
  ]);
  assert.deepEqual(second.status.conditions?.map((c) => [c.type, c.reason, c.message]), [
    ['FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ['Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
  ]);
  assert.equal(second.status.completionTime, undefined);
});

test('planJob() restartPolicy OnFailure: container restarts count against backoffLimit', () => {
  const j = job({ restartPolicy: 'OnFailure', backoffLimit: 2, status: { active: 1, ready: 0, terminating: 0, startTime: at(0) } });
  const below = plan({ job: j, pods: [pod({ name: 'pi-run', restarts: 1 })] }, 30);
  assert.deepEqual(below.actions.map(summary), []);
  const reached = plan({ job: j, pods: [pod({ name: 'pi-run', restarts: 2 })] }, 30);
  assert.deepEqual(reached.actions.map(summary).slice(0, 3), ['delete pi-run', 'event Normal SuccessfulDelete: Deleted pod: pi-run', 'status active=0 ready=0 terminating=1 succeeded=0 failed=0 uncounted=0/1 [FailureTarget]']);
  assert.equal(reached.status.conditions?.find((c) => c.type === 'FailureTarget')?.reason, 'BackoffLimitExceeded');
});

test('planJob() activeDeadlineSeconds: wakes up at the deadline, then fails with DeadlineExceeded', () => {
  const j = job({ activeDeadlineSeconds: 60, status: { active: 1, ready: 0, terminating: 0, startTime: at(0) } });
  const running = [pod({ name: 'pi-run' })];
  assert.equal(plan({ job: j, pods: running }, 45).requeueAfterMs, 15_000);
  const late = plan({ job: j, pods: running }, 60);
  assert.equal(late.requeueAfterMs, undefined);
  assert.deepEqual(late.actions.map(summary)[0], 'delete pi-run');
  const cond = late.status.conditions?.find((c) => c.type === 'FailureTarget');
  assert.deepEqual([cond?.reason, cond?.message], ['DeadlineExceeded', 'Job was active longer than specified deadline']);
});

test('planJob() deletes surplus pods when parallelism drops, least useful first, finalizer removed first', () => {
  const j = job({ completions: 10, parallelism: 1, status: { active: 3, ready: 2, terminating: 0, startTime: at(0) } });
  const pods = [pod({ name: 'pi-a', ready: true }), pod({ name: 'pi-b', phase: 'Pending' }), pod({ name: 'pi-c', ready: true, createdAt: 5 })];
  assert.deepEqual(plan({ job: j, pods }, 10).actions.map(summary), [
    'unfinalize pi-b', 'delete pi-b', 'event Normal SuccessfulDelete: Deleted pod: pi-b',
    'unfinalize pi-c', 'delete pi-c', 'event Normal SuccessfulDelete: Deleted pod: pi-c',
    'status active=1 ready=1 terminating=2 succeeded=0 failed=0 uncounted=0/0',
  ]);
});

test('planJob() creates nothing while earlier creations are unobserved', () => {
  assert.deepEqual(plan({ job: job({ status: { startTime: at(0), ready: 0, terminating: 0 } }), expectationsSatisfied: false }, 1).actions.map(summary), []);
});

test('planJob() leaves a finished Job alone', () => {
  const done = job({ status: { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] } });
  assert.deepEqual(plan({ job: done, pods: [pod({ name: 'pi-x' })] }, 1).actions, []);
});

/** Freezes `v` and everything it holds, as the engine's caches do. */
function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

test('planJob() works on a deeply frozen snapshot', () => {
  const j = job({ completions: 3, parallelism: 3, backoffLimit: 1, status: { failed: 1, startTime: at(0) } });
  const pods = [pod({ name: 'pi-a', ready: true }), pod({ name: 'pi-b', phase: 'Failed', finishedAt: 5 }), pod({ name: 'pi-c', phase: 'Succeeded', finishedAt: 6 })];
  assert.doesNotThrow(() => planJob(deepFreeze({ job: j, pods, expectationsSatisfied: true }), T0 + 10_000, rand()));
});

test('planJob() runs the chapter\'s analysis Job (sh -c "exit 0") from creation to Complete', () => {
  const j0 = job();
  const created = plan({ job: j0 }, 0);
  const name = created.actions.flatMap((a) => (a.op === 'createPod' ? [a.pod.metadata.name ?? ''] : []))[0] ?? '';
  const running = pod({ name, ready: true });
  const j1 = { ...j0, status: created.status };
  const whileRunning = plan({ job: j1, pods: [running] }, 2);
  assert.deepEqual(whileRunning.actions.map(summary), ['status active=1 ready=1 terminating=0 succeeded=0 failed=0 uncounted=0/0']);
  const j2 = { ...j1, status: whileRunning.status };
  const done = plan({ job: j2, pods: [pod({ name, phase: 'Succeeded', finishedAt: 3 })] }, 3);
  assert.deepEqual(done.status, {
    startTime: at(0), ready: 0, terminating: 0, succeeded: 1, uncountedTerminatedPods: {}, completionTime: at(3),
    conditions: [
      { type: 'SuccessCriteriaMet', status: 'True', lastProbeTime: at(3), lastTransitionTime: at(3), reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
      { type: 'Complete', status: 'True', lastProbeTime: at(3), lastTransitionTime: at(3), reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
    ],
  });
});
