import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ContainerStatus, Pod } from '../../api/core-v1.js';
import { computePodInfo } from './pod-info.js';

const cs = (state: ContainerStatus['state'], ready = false, restartCount = 0): ContainerStatus => ({ name: 'c', image: 'i', imageID: '', ready, restartCount, state, lastState: {} });
const pod = (status: Pod['status'], extra: Partial<Pod['spec']> = {}, deleting = false): Pod => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...(deleting ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}) },
  spec: { containers: [{ name: 'c' }], ...extra }, ...(status !== undefined ? { status } : {}),
});

test('computePodInfo() gives the STATUS column, readiness and restarts as kubectl computes them', () => {
  const rows: [Pod, string, string, number, string][] = [
    [pod({ phase: 'Running', containerStatuses: [cs({ running: {} }, true)] }), 'Running', '1/1', 0, '✔'],
    [pod({ phase: 'Pending' }), 'Pending', '0/1', 0, '◌'],
    [pod({ phase: 'Running', containerStatuses: [cs({ waiting: { reason: 'CrashLoopBackOff' } }, false, 4)] }), 'CrashLoopBackOff', '0/1', 4, '✖'],
    [pod({ phase: 'Pending', containerStatuses: [cs({ waiting: { reason: 'ImagePullBackOff' } })] }), 'ImagePullBackOff', '0/1', 0, '⚠'],
    [pod({ phase: 'Running', containerStatuses: [cs({ terminated: { exitCode: 3 } })] }), 'ExitCode:3', '0/1', 0, '✖'],
    [pod({ phase: 'Pending', initContainerStatuses: [cs({ waiting: { reason: 'PodInitializing' } })] }, { initContainers: [{ name: 'c' }] }), 'Init:0/1', '0/1', 0, '◌'],
    [pod({ phase: 'Running', containerStatuses: [cs({ running: {} }, true)] }, {}, true), 'Terminating', '1/1', 0, '◌'],
  ];
  for (const [p, status, ready, restarts, icon] of rows) {
    const info = computePodInfo(p, 0);
    assert.deepEqual([info.status, info.ready, info.restarts, info.icon], [status, ready, restarts, icon], status);
  }
});
