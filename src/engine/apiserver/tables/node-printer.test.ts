import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../api/meta.js';
import { nodePrinter } from './node-printer.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

function node(labels: Record<string, string>, status: Record<string, unknown>, unschedulable = false): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name: 'sluice', labels, creationTimestamp: '2024-12-25T12:00:00Z' },
    spec: unschedulable ? { unschedulable: true } : {},
    status,
  };
}

test('nodePrinter prints NAME STATUS ROLES AGE VERSION and the wide columns', () => {
  const ready = {
    conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: 'True' }],
    addresses: [{ type: 'InternalIP', address: '127.0.0.1' }, { type: 'Hostname', address: 'sluice' }],
    nodeInfo: { kubeletVersion: 'v1.32.4-sluice', osImage: 'Ubuntu 24.04 LTS', kernelVersion: '6.8.0', containerRuntimeVersion: 'sluice://0.1.0' },
  };
  assert.deepEqual(nodePrinter.cells(node({ 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'worker' }, ready), NOW), [
    'sluice', 'Ready', 'control-plane,worker', '7d', 'v1.32.4-sluice', '127.0.0.1', '<none>', 'Ubuntu 24.04 LTS', '6.8.0', 'sluice://0.1.0',
  ]);
  assert.deepEqual(nodePrinter.cells(node({}, { conditions: [{ type: 'Ready', status: 'Unknown' }] }, true), NOW), [
    'sluice', 'NotReady,SchedulingDisabled', '<none>', '7d', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>',
  ]);
  assert.equal(nodePrinter.cells(node({}, {}), NOW)[1], 'Unknown');
});
