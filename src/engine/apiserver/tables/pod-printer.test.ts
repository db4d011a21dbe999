import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Container, ContainerState, ContainerStatus, Pod, PodStatus } from '../../../api/core-v1.js';
import type { Condition } from '../../../api/meta.js';
import { podPrinter } from './pod-printer.js';
import { computePodSummary } from './pod-status.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const ago = (ms: number): string => new Date(NOW - ms).toISOString().replace('.000Z', 'Z');
const MIN = 60_000;

function cs(name: string, state: ContainerState, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name, image: `${name}:1`, imageID: '', ready: false, restartCount: 0, state, lastState: {}, ...extra };
}
const running: ContainerState = { running: { startedAt: ago(4 * MIN) } };
const ready = (name: string): ContainerStatus => cs(name, running, { ready: true, started: true });
const cond = (type: string, status: Condition['status'], reason?: string): Condition => ({ type, status, ...(reason ? { reason } : {}) });

function pod(status: PodStatus, opts: { containers?: string[]; init?: Container[]; deleting?: boolean; spec?: Record<string, unknown> } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-6f7c-x2x9p', namespace: 'default', creationTimestamp: ago(10 * MIN),
      ...(opts.deleting ? { deletionTimestamp: ago(0) } : {}),
    },
    spec: {
      containers: (opts.containers ?? ['web']).map((name) => ({ name, image: `${name}:1` })),
      ...(opts.init ? { initContainers: opts.init } : {}),
      nodeName: 'sluice',
      ...opts.spec,
    },
    status,
  };
}

test('computePodSummary() reproduces the STATUS, READY and RESTARTS of kubectl get pods', () => {
  const crashLastState: ContainerState = { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(5 * MIN) } };
  const rows: [what: string, p: Pod, want: [ready: string, status: string, restarts: string]][] = [
    ['running', pod({ phase: 'Running', containerStatuses: [ready('web')] }), ['1/1', 'Running', '0']],
    ['creating', pod({ phase: 'Pending', containerStatuses: [cs('web', { waiting: { reason: 'ContainerCreating' } })] }), ['0/1', 'ContainerCreating', '0']],
    ['no status yet', pod({ phase: 'Pending' }), ['0/1', 'Pending', '0']],
    ['phase missing', pod({}), ['0/1', 'Pending', '0']],
    ['crash loop', pod({ phase: 'Running', containerStatuses: [cs('web', { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 1m20s' } }, { restartCount: 4, lastState: crashLastState })] }), ['0/1', 'CrashLoopBackOff', '4 (5m ago)']],
    ['restarted, now running', pod({ phase: 'Running', containerStatuses: [{ ...ready('web'), restartCount: 1, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: ago(200_000) } } }] }), ['1/1', 'Running', '1 (3m20s ago)']],
    ['restart time unknown', pod({ phase: 'Running', containerStatuses: [{ ...ready('web'), restartCount: 2 }] }), ['1/1', 'Running', '2']],
    ['image pull', pod({ phase: 'Pending', containerStatuses: [cs('web', { waiting: { reason: 'ErrImagePull' } })] }), ['0/1', 'ErrImagePull', '0']],
    ['completed', pod({ phase: 'Succeeded', containerStatuses: [cs('web', { terminated: { exitCode: 0, reason: 'Completed' } })] }), ['0/1', 'Completed', '0']],
    ['error', pod({ phase: 'Failed', containerStatuses: [cs('web', { terminated: { exitCode: 1, reason: 'Error' } })] }), ['0/1', 'Error', '0']],
    ['exit code without reason', pod({ phase: 'Failed', containerStatuses: [cs('web', { terminated: { exitCode: 2 } })] }), ['0/1', 'ExitCode:2', '0']],
    ['signal without reason', pod({ phase: 'Failed', containerStatuses: [cs('web', { terminated: { exitCode: 137, signal: 9 } })] }), ['0/1', 'Signal:9', '0']],
    ['evicted', pod({ phase: 'Failed', reason: 'Evicted', message: 'low on memory' }), ['0/1', 'Evicted', '0']],
    ['terminating', pod({ phase: 'Running', containerStatuses: [ready('web')] }, { deleting: true }), ['1/1', 'Terminating', '0']],
    ['deleted after it completed', pod({ phase: 'Succeeded', containerStatuses: [cs('web', { terminated: { exitCode: 0, reason: 'Completed' } })] }, { deleting: true }), ['0/1', 'Completed', '0']],
    ['node lost', pod({ phase: 'Running', reason: 'NodeLost', containerStatuses: [ready('web')] }, { deleting: true }), ['1/1', 'Unknown', '0']],
    ['scheduling gated', pod({ phase: 'Pending', conditions: [cond('PodScheduled', 'False', 'SchedulingGated')] }), ['0/1', 'SchedulingGated', '0']],
    // The first container's reason wins: statuses are walked from last to first.
    ['two containers, first waiting', pod({ phase: 'Running', containerStatuses: [cs('web', { waiting: { reason: 'CrashLoopBackOff' } }), ready('log')] }, { containers: ['web', 'log'] }), ['1/2', 'CrashLoopBackOff', '0']],
    ['one exited, one running, pod not ready', pod({ phase: 'Running', containerStatuses: [cs('job', { terminated: { exitCode: 0, reason: 'Completed' } }), ready('web')] }, { containers: ['job', 'web'] }), ['1/2', 'NotReady', '0']],
    ['one exited, one running, pod ready', pod({ phase: 'Running', conditions: [cond('Ready', 'True')], containerStatuses: [cs('job', { terminated: { exitCode: 0, reason: 'Completed' } }), ready('web')] }, { containers: ['job', 'web'] }), ['1/2', 'Running', '0']],
  ];
  for (const [what, p, [r, s, restarts]] of rows) assert.deepEqual(computePodSummary(p, NOW), { ready: r, status: s, restarts }, what);
});

test('computePodSummary() reports init containers as Init:… and PodInitializing', () => {
  const init: Container[] = [{ name: 'migrate', image: 'migrate:1' }, { name: 'warm', image: 'warm:1' }];
  const appWaiting = [cs('web', { waiting: { reason: 'PodInitializing' } })];
  const done = cs('migrate', { terminated: { exitCode: 0, reason: 'Completed' } });
  const rows: [what: string, statuses: ContainerStatus[], want: [string, string, string]][] = [
    ['first running', [cs('migrate', running), cs('warm', { waiting: { reason: 'PodInitializing' } })], ['0/1', 'Init:0/2', '0']],
    ['second waiting to start', [done, cs('warm', { waiting: { reason: 'PodInitializing' } })], ['0/1', 'Init:1/2', '0']],
    ['first crash looping', [cs('migrate', { waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 3, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(MIN) } } })], ['0/1', 'Init:CrashLoopBackOff', '3 (60s ago)']],
    ['first failed', [cs('migrate', { terminated: { exitCode: 1, reason: 'Error' } })], ['0/1', 'Init:Error', '0']],
    ['first failed without reason', [cs('migrate', { terminated: { exitCode: 3 } })], ['0/1', 'Init:ExitCode:3', '0']],
    ['first killed', [cs('migrate', { terminated: { exitCode: 0, signal: 15 } }), cs('warm', running)], ['0/1', 'Init:1/2', '0']],
  ];
  for (const [what, statuses, [r, s, restarts]] of rows) {
    assert.deepEqual(computePodSummary(pod({ phase: 'Pending', initContainerStatuses: statuses, containerStatuses: appWaiting }, { init }), NOW), { ready: r, status: s, restarts }, what);
  }
  const initialized = pod({
    phase: 'Pending', conditions: [cond('Initialized', 'True')],
    initContainerStatuses: [done, cs('warm', { terminated: { exitCode: 0, reason: 'Completed' } })], containerStatuses: appWaiting,
  }, { init });
  assert.deepEqual(computePodSummary(initialized, NOW), { ready: '0/1', status: 'PodInitializing', restarts: '0' });
});

test('computePodSummary() counts sidecars (restartable init containers) in READY', () => {
  const init: (Container & { restartPolicy: string })[] = [{ name: 'proxy', image: 'envoy:1', restartPolicy: 'Always' }];
  const started = pod({
    phase: 'Running', conditions: [cond('Initialized', 'True'), cond('Ready', 'True')],
    initContainerStatuses: [{ ...ready('proxy'), restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: ago(2 * MIN) } } }],
    containerStatuses: [ready('web')],
  }, { init });
  assert.deepEqual(computePodSummary(started, NOW), { ready: '2/2', status: 'Running', restarts: '1 (2m ago)' });
  const starting = pod({ phase: 'Pending', initContainerStatuses: [cs('proxy', running, { started: false })], containerStatuses: [cs('web', { waiting: { reason: 'PodInitializing' } })] }, { init });
  assert.deepEqual(computePodSummary(starting, NOW), { ready: '0/2', status: 'Init:0/1', restarts: '0' });
});

test('podPrinter prints every column, wide ones included', () => {
  assert.deepEqual(podPrinter.columns.map((c) => [c.name, c.type, c.priority]), [
    ['Name', 'string', 0], ['Ready', 'string', 0], ['Status', 'string', 0], ['Restarts', 'string', 0], ['Age', 'string', 0],
    ['IP', 'string', 1], ['Node', 'string', 1], ['Nominated Node', 'string', 1], ['Readiness Gates', 'string', 1],
  ]);
  const p = pod({ phase: 'Running', podIP: '127.0.1.5', podIPs: [{ ip: '127.0.1.5' }], containerStatuses: [ready('web')] });
  assert.deepEqual(podPrinter.cells(p, NOW), ['web-6f7c-x2x9p', '1/1', 'Running', '0', '10m', '127.0.1.5', 'sluice', '<none>', '<none>']);
  const gated = pod(
    { phase: 'Running', podIP: '127.0.1.6', conditions: [cond('example.com/lb', 'True'), cond('example.com/dns', 'False')], containerStatuses: [ready('web')] },
    { spec: { nodeName: '', readinessGates: [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/dns' }] } },
  );
  assert.deepEqual(podPrinter.cells(gated, NOW).slice(5), ['127.0.1.6', '<none>', '<none>', '1/2']);
  assert.deepEqual(podPrinter.cells(pod({ phase: 'Pending' }), NOW).slice(5, 6), ['<none>']);
});

test('podPrinter marks finished pods with a Completed row condition', () => {
  assert.deepEqual(podPrinter.conditions?.(pod({ phase: 'Succeeded' })), [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
  assert.deepEqual(podPrinter.conditions?.(pod({ phase: 'Failed' })), [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }]);
  assert.equal(podPrinter.conditions?.(pod({ phase: 'Running' })), undefined);
});
