import { test } from 'node:test';
import assert from 'node:assert/strict';
import { container, DEMO, exited, pod, running, summary, T0, view } from './_builders.js';
import { planPod } from './plan-pod.js';
import type { PodStatus } from '../../../api/core-v1.js';
import { restoreContainerViews } from './restore-containers.js';

const lines = (p: ReturnType<typeof planPod>): string[] => p.actions.map(summary);
const statusOf = (p: ReturnType<typeof planPod>): PodStatus | undefined => {
  const a = p.actions.find((x) => x.op === 'status');
  return a?.op === 'status' ? a.status : undefined;
};
const settle = (plan: ReturnType<typeof planPod>, p = pod()): PodStatus => statusOf(plan) ?? p.status ?? {};

test('planPod() binds an unscheduled pod and records Scheduled', () => {
  assert.deepEqual(lines(planPod(view(pod({ nodeName: '' })), T0)), ['bind', 'event Normal Scheduled: Successfully assigned default/web to sluice']);
});

test('planPod() gives a new pod an IP, reports ContainerCreating and starts the demo', () => {
  const plan = planPod(view(pod(), [], { podIP: undefined, usedIPs: new Set(['127.1.0.1']) }), T0);
  assert.deepEqual(lines(plan), [
    'assignIP 127.1.0.2',
    'status Pending ready=False app=waiting:ContainerCreating',
    `start app #0 ${DEMO.join(' ')}`,
    'event Normal Pulled: Container image "argoproj/rollouts-demo:blue" already present on machine',
    'event Normal Created: Created container: app',
    'event Normal Started: Started container app',
  ]);
  const status = statusOf(plan);
  assert.equal(status?.podIP, '127.1.0.2');
  assert.deepEqual(status?.conditions?.map((c) => `${c.type}=${c.status}`), ['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=False', 'ContainersReady=False', 'PodScheduled=True']);
  const start = plan.actions.find((a) => a.op === 'start');
  assert.equal(start?.op === 'start' && start.run.readinessGatePort, 8080);
  assert.equal(start?.op === 'start' && start.run.env['POD_IP'], '127.1.0.2');
});

test('planPod() reports a running, ready container and then has nothing to do', () => {
  const first = planPod(view(pod(), [running()]), T0 + 1000);
  assert.deepEqual(lines(first), ['status Running ready=True app=running']);
  const again = planPod(view(pod({ status: settle(first) }), [running()]), T0 + 9000);
  assert.deepEqual(lines(again), []);
});

test('planPod() keeps an unready container out of Ready', () => {
  const s = statusOf(planPod(view(pod(), [running('app', { ready: false })]), T0));
  const ready = s?.conditions?.find((c) => c.type === 'Ready');
  assert.deepEqual([ready?.status, ready?.reason, ready?.message], ['False', 'ContainersNotReady', 'containers with unready status: [app]']);
});

test('planPod() finishes restartPolicy Never pods: exit 0 Succeeded/Completed, exit 1 Failed/Error', () => {
  const ok = pod({ restartPolicy: 'Never', containers: [container('job', { image: 'alpine:3.8', command: ['sh', '-c'], args: ['exit 0'] })] });
  assert.deepEqual(lines(planPod(view(ok, [exited('job', 0)]), T0 + 6000)), ['status Succeeded ready=False job=terminated:Completed']);
  assert.deepEqual(lines(planPod(view(ok, [exited('job', 1)]), T0 + 6000)), ['status Failed ready=False job=terminated:Error']);
});

test('planPod() with OnFailure: exit 0 succeeds, exit 1 restarts', () => {
  const p = pod({ restartPolicy: 'OnFailure', containers: [container('job', { image: 'alpine', command: ['false'] })] });
  assert.deepEqual(lines(planPod(view(p, [exited('job', 0)]), T0 + 6000)), ['status Succeeded ready=False job=terminated:Completed']);
  assert.deepEqual(lines(planPod(view(p, [exited('job', 1)]), T0 + 6000)).slice(0, 2), ['status Running ready=False job=terminated:Error', 'start job #1 false']);
});

test('planPod() restarts a first crash at once, then backs off 10 s with one BackOff event', () => {
  const first = planPod(view(pod(), [exited('app', 137, { crashes: 1 })]), T0 + 6000);
  assert.deepEqual(lines(first).slice(0, 2), ['status Running ready=False app=terminated:Error', `start app #1 ${DEMO.join(' ')}`]);
  const second = planPod(view(pod(), [exited('app', 1, { restartCount: 1, crashes: 2 })]), T0 + 6000);
  assert.deepEqual(lines(second), [
    'status Running ready=False app=waiting:CrashLoopBackOff',
    'event Warning BackOff: Back-off restarting failed container app in pod web_default(uid-web)',
  ]);
  assert.equal(second.requeueAfterMs, 9000);
  const waiting = statusOf(second)?.containerStatuses?.[0];
  assert.equal(waiting?.state.waiting?.message, 'back-off 10s restarting failed container=app pod=web_default(uid-web)');
  assert.equal(waiting?.lastState.terminated?.exitCode, 1);
  const quiet = planPod(view(pod({ status: settle(second) }), [exited('app', 1, { restartCount: 1, crashes: 2 })]), T0 + 8000);
  assert.deepEqual(lines(quiet), []);
  const due = planPod(view(pod({ status: settle(second) }), [exited('app', 1, { restartCount: 1, crashes: 2 })]), T0 + 15_000);
  assert.deepEqual(lines(due).slice(0, 2), ['status Running ready=False app=terminated:Error', `start app #2 ${DEMO.join(' ')}`]);
});

test('planPod() back-off doubles: the fourth crash waits 40 s', () => {
  const plan = planPod(view(pod(), [exited('app', 1, { restartCount: 3, crashes: 4 })]), T0 + 6000);
  assert.equal(plan.requeueAfterMs, 39_000);
  assert.match(statusOf(plan)?.containerStatuses?.[0]?.state.waiting?.message ?? '', /^back-off 40s /);
});

test('planPod() kills a container whose liveness probe failed', () => {
  const p = pod({ containers: [container('app', { livenessProbe: { httpGet: { port: 8080, path: '/healthz' }, terminationGracePeriodSeconds: 5 } })] });
  assert.deepEqual(lines(planPod(view(p, [running('app', { livenessFailed: true })]), T0)).slice(1), [
    'kill app liveness 5000ms', 'event Normal Killing: Container app failed liveness probe, will be restarted',
  ]);
  assert.deepEqual(lines(planPod(view(p, [running('app', { livenessFailed: true, killing: 'liveness' })]), T0)).slice(1), []);
});

test('planPod() fails an unknown image with ErrImagePull, then waits in ImagePullBackOff', () => {
  const p = pod({ containers: [container('app', { image: 'nginx:1.25' })] });
  const plan = planPod(view(p), T0);
  assert.deepEqual(lines(plan), [
    'status Pending ready=False app=waiting:ErrImagePull',
    'startFailed app ErrImagePull',
    'event Normal Pulling: Pulling image "nginx:1.25"',
    `event Warning Failed: Failed to pull image "nginx:1.25": ${statusOf(plan)?.containerStatuses?.[0]?.state.waiting?.message ?? ''}`,
    'event Warning Failed: Error: ErrImagePull',
    'event Normal BackOff: Back-off pulling image "nginx:1.25"',
  ]);
  const failed = { name: 'app', restartCount: 0, crashes: 0, probes: { started: false, ready: false, livenessFailed: false, startupFailed: false }, startFailure: { reason: 'ErrImagePull', message: 'm', count: 1, atMs: T0 } };
  const waiting = planPod(view(p, [failed]), T0 + 2000);
  assert.deepEqual(lines(waiting), ['status Pending ready=False app=waiting:ImagePullBackOff']);
  assert.equal(waiting.requeueAfterMs, 8000);
  const mapped = planPod(view(p, [failed], { images: { path: '/data/images.yaml', rules: [{ image: 'nginx:*', command: ['my-nginx'] }] } }), T0 + 2000);
  assert.deepEqual(lines(mapped).filter((l) => l.startsWith('start')), ['start app #0 my-nginx']);
});

test('planPod() reports a missing ConfigMap as CreateContainerConfigError', () => {
  const p = pod({ containers: [container('app', { env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }] })] });
  assert.deepEqual(lines(planPod(view(p), T0)), [
    'status Pending ready=False app=waiting:CreateContainerConfigError', 'startFailed app CreateContainerConfigError', 'event Warning Failed: Error: configmap "cfg" not found',
  ]);
});

test('planPod() runs init containers first, in order', () => {
  const p = pod({ init: [container('migrate', { image: 'x', command: ['true'] }), container('seed', { image: 'x', command: ['true'] })] });
  assert.deepEqual(lines(planPod(view(p), T0)).filter((l) => !l.startsWith('event')), [
    'status Pending ready=False migrate=waiting:PodInitializing,seed=waiting:PodInitializing,app=waiting:PodInitializing', 'start migrate #0 true',
  ]);
  assert.deepEqual(lines(planPod(view(p, [exited('migrate', 0)]), T0 + 6000)).filter((l) => !l.startsWith('event')), [
    'status Pending ready=False migrate=terminated:Completed,seed=waiting:PodInitializing,app=waiting:PodInitializing', 'start seed #0 true',
  ]);
  assert.deepEqual(lines(planPod(view(p, [exited('migrate', 0), exited('seed', 0)]), T0 + 6000)).filter((l) => !l.startsWith('event')), [
    'status Pending ready=False migrate=terminated:Completed,seed=terminated:Completed,app=waiting:ContainerCreating', `start app #0 ${DEMO.join(' ')}`,
  ]);
  const never = pod({ restartPolicy: 'Never', init: [container('migrate', { image: 'x', command: ['false'] })] });
  assert.deepEqual(lines(planPod(view(never, [exited('migrate', 1)]), T0 + 6000)), ['status Failed ready=False migrate=terminated:Error,app=waiting:PodInitializing']);
});

test('planPod() deletes in order: Ready False first, then SIGTERM, then the object', () => {
  const ready = settle(planPod(view(pod(), [running()]), T0));
  const step1 = planPod(view(pod({ deletingGrace: 20, status: ready }), [running()]), T0 + 60_000);
  assert.deepEqual(lines(step1), ['status Running ready=False app=running']);
  const notReady = settle(step1);
  const step2 = planPod(view(pod({ deletingGrace: 20, status: notReady }), [running()]), T0 + 60_000);
  assert.deepEqual(lines(step2), ['kill app deletion 20000ms', 'event Normal Killing: Stopping container app']);
  assert.deepEqual(lines(planPod(view(pod({ deletingGrace: 20, status: notReady }), [running('app', { killing: 'deletion' })]), T0 + 60_000)), []);
  const step3 = planPod(view(pod({ deletingGrace: 20, status: notReady }), [exited('app', 0)]), T0 + 61_000);
  assert.deepEqual(lines(step3), ['status Running ready=False app=terminated:Completed', 'delete']);
});

test('planPod() never starts containers of a pod being deleted', () => {
  assert.deepEqual(lines(planPod(view(pod({ deletingGrace: 30 }), [], { podIP: undefined }), T0)).filter((l) => l.startsWith('start')), []);
});

test('planPod() stops the processes of a pod that is gone, then forgets it', () => {
  assert.deepEqual(lines(planPod(view(pod(), [running()], { gone: true }), T0)), ['kill app deletion 30000ms', 'event Normal Killing: Stopping container app']);
  assert.deepEqual(lines(planPod(view(pod(), [exited('app', 143)], { gone: true }), T0)), ['cleanup']);
});

test('planPod() leaves terminal pods alone', () => {
  const p = pod({ restartPolicy: 'Never' });
  const done = settle(planPod(view(p, [exited('app', 0)]), T0 + 6000));
  assert.deepEqual(lines(planPod(view(pod({ restartPolicy: 'Never', status: done }), [exited('app', 0)]), T0 + 99_000)), []);
});

test('planPod() restarts containers that vanished with a previous runtime (restartCount goes up)', () => {
  const before = settle(planPod(view(pod(), [running('app', { restartCount: 2 })]), T0));
  const restored = restoreContainerViews(pod({ status: before }), T0 + 60_000);
  const plan = planPod(view(pod({ status: before }), [...restored.values()]), T0 + 60_000);
  assert.deepEqual(lines(plan).slice(0, 2), ['status Running ready=False app=terminated:Unknown', `start app #3 ${DEMO.join(' ')}`]);
});

test('planPod() after a runtime restart leaves a finished pod exactly as stored', () => {
  const p = pod({ restartPolicy: 'Never', init: [container('prep', { image: 'x', command: ['true'] })] });
  const done = settle(planPod(view(p, [exited('prep', 0), exited('app', 1)]), T0 + 6000));
  assert.equal(done.phase, 'Failed');
  const stored = pod({ restartPolicy: 'Never', init: [container('prep', { image: 'x', command: ['true'] })], status: done });
  const restored = restoreContainerViews(stored, T0 + 99_000);
  assert.deepEqual(lines(planPod(view(stored, [...restored.values()]), T0 + 99_000)), []);
});
