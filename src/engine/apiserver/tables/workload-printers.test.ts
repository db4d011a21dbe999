import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Deployment, ReplicaSet } from '../../../api/apps-v1.js';
import type { LabelSelector } from '../../../api/label-selector.js';
import { deploymentPrinter, replicaSetPrinter } from './workload-printers.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const template = {
  metadata: { labels: { app: 'demo' } },
  spec: { containers: [{ name: 'web', image: 'nginx:1.25' }, { name: 'log', image: 'busybox:1.36' }] },
};

function deployment(replicas: number | undefined, status: Deployment['status'], selector: LabelSelector = { matchLabels: { app: 'demo' } }): Deployment {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'demo', namespace: 'default', creationTimestamp: '2024-12-30T07:00:00Z' },
    spec: { ...(replicas === undefined ? {} : { replicas }), selector, template },
    ...(status ? { status } : {}),
  };
}

test('deploymentPrinter prints NAME READY UP-TO-DATE AVAILABLE AGE and the wide columns', () => {
  assert.deepEqual(deploymentPrinter.columns.map((c) => [c.name, c.type, c.priority]), [
    ['Name', 'string', 0], ['Ready', 'string', 0], ['Up-to-date', 'string', 0], ['Available', 'string', 0], ['Age', 'string', 0],
    ['Containers', 'string', 1], ['Images', 'string', 1], ['Selector', 'string', 1],
  ]);
  const rows: [d: Deployment, want: unknown[]][] = [
    [deployment(3, { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 }),
      ['demo', '3/3', 3, 3, '2d5h', 'web,log', 'nginx:1.25,busybox:1.36', 'app=demo']],
    [deployment(5, { replicas: 6, updatedReplicas: 2, readyReplicas: 4, availableReplicas: 4 }),
      ['demo', '4/5', 2, 4, '2d5h', 'web,log', 'nginx:1.25,busybox:1.36', 'app=demo']],
    // Just created: no status yet, replicas defaulted to 1.
    [deployment(undefined, undefined, {}), ['demo', '0/1', 0, 0, '2d5h', 'web,log', 'nginx:1.25,busybox:1.36', '']],
  ];
  for (const [d, want] of rows) assert.deepEqual(deploymentPrinter.cells(d, NOW), want);
});

test('replicaSetPrinter prints NAME DESIRED CURRENT READY AGE and the wide columns', () => {
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name: 'demo-6f7c9d8b5', namespace: 'default', creationTimestamp: '2025-01-01T11:55:00Z' },
    spec: {
      replicas: 3, template,
      selector: { matchLabels: { app: 'demo', 'pod-template-hash': '6f7c9d8b5' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] },
    },
    status: { replicas: 3, readyReplicas: 2 },
  };
  assert.deepEqual(replicaSetPrinter.columns.map((c) => [c.name, c.type, c.priority]), [
    ['Name', 'string', 0], ['Desired', 'integer', 0], ['Current', 'integer', 0], ['Ready', 'integer', 0], ['Age', 'string', 0],
    ['Containers', 'string', 1], ['Images', 'string', 1], ['Selector', 'string', 1],
  ]);
  assert.deepEqual(replicaSetPrinter.cells(rs, NOW),
    ['demo-6f7c9d8b5', 3, 3, 2, '5m', 'web,log', 'nginx:1.25,busybox:1.36', 'app=demo,pod-template-hash=6f7c9d8b5,tier in (web)']);
  const scaledDown: ReplicaSet = { ...rs, spec: { ...rs.spec, replicas: 0, selector: {} }, status: { replicas: 0 } };
  assert.deepEqual(replicaSetPrinter.cells(scaledDown, NOW).slice(1, 4).concat(replicaSetPrinter.cells(scaledDown, NOW).slice(7)), [0, 0, 0, '<none>']);
});

test('a printer given an object of another kind still prints its name and age', () => {
  const cells = deploymentPrinter.cells({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'odd', creationTimestamp: '2025-01-01T11:55:00Z' } }, NOW);
  assert.deepEqual(cells, ['odd', null, null, null, '5m', null, null, null]);
});
