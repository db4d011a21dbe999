import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../api/meta.js';
import { crdPrinterFor } from './custom-resource-printer.js';
import { genericPrinter } from './default-printers.js';
import { printerFor } from './printers.js';
import { buildTable } from './table.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

const rs: KubeObject = {
  apiVersion: 'apps/v1', kind: 'ReplicaSet',
  metadata: { name: 'demo', namespace: 'default', uid: 'u1', resourceVersion: '1041', labels: { app: 'demo' }, creationTimestamp: '2025-01-01T11:55:00Z' },
  spec: { replicas: 3, selector: { matchLabels: { app: 'demo' } }, template: { spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } },
  status: { replicas: 3, readyReplicas: 3 },
};

test('buildTable() produces the Table kubectl prints as NAME DESIRED CURRENT READY AGE', () => {
  const table = buildTable('apps/replicasets', [rs], NOW, { resourceVersion: '1042' });
  assert.deepEqual(table, {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: '1042' },
    columnDefinitions: printerFor('apps/replicasets')?.columns,
    rows: [{
      cells: ['demo', 3, 3, 3, '5m', 'web', 'nginx:1.25', 'app=demo'],
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: rs.metadata },
    }],
  });
  // Every column definition carries all five fields, as the upstream JSON does.
  for (const c of table.columnDefinitions ?? []) assert.deepEqual(Object.keys(c).sort(), ['description', 'format', 'name', 'priority', 'type']);
  assert.deepEqual(JSON.parse(JSON.stringify(table)).rows[0].object.metadata.namespace, 'default');
});

test('buildTable() leaves out columnDefinitions for later watch events and passes list metadata', () => {
  const table = buildTable('apps/replicasets', [rs], NOW, { resourceVersion: '1043', omitColumnDefinitions: true });
  assert.equal('columnDefinitions' in table, false);
  assert.equal(table.rows.length, 1);
  assert.deepEqual(buildTable('apps/replicasets', [], NOW, { resourceVersion: '7', continue: 'abc', remainingItemCount: 3 }).metadata,
    { resourceVersion: '7', continue: 'abc', remainingItemCount: 3 });
  assert.deepEqual(buildTable('apps/replicasets', [], NOW).metadata, {});
  assert.deepEqual(buildTable('apps/replicasets', [], NOW).rows, []);
});

test('buildTable() uses an explicit printer, else the built-in one, else Name/Age', () => {
  const rollout: KubeObject = {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout',
    metadata: { name: 'demo', namespace: 'argo-rollouts', creationTimestamp: '2025-01-01T11:00:00Z' },
    spec: { replicas: 5 }, status: { replicas: 5, updatedReplicas: 5, availableReplicas: 4 },
  };
  const printer = crdPrinterFor([
    { name: 'Desired', type: 'integer', jsonPath: '.spec.replicas' },
    { name: 'Available', type: 'integer', jsonPath: '.status.availableReplicas' },
    { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
  ]);
  assert.deepEqual(buildTable('argoproj.io/rollouts', [rollout], NOW, { printer }).rows[0]?.cells, ['demo', 5, 4, '60m']);
  assert.deepEqual(buildTable('argoproj.io/rollouts', [rollout], NOW).rows[0]?.cells, ['demo', '60m']);
  assert.deepEqual(buildTable('argoproj.io/rollouts', [rollout], NOW).columnDefinitions, genericPrinter.columns);
});

test('buildTable() copies row conditions from the printer', () => {
  const done: KubeObject = {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'smoke-test-x7k2', creationTimestamp: '2025-01-01T11:00:00Z' },
    spec: { containers: [{ name: 'curl' }] },
    status: { phase: 'Succeeded', containerStatuses: [{ name: 'curl', image: 'curl', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } }, lastState: {} }] },
  };
  const [row] = buildTable('pods', [done], NOW).rows;
  assert.deepEqual(row?.cells.slice(0, 5), ['smoke-test-x7k2', '0/1', 'Completed', '0', '60m']);
  assert.equal(row?.conditions?.[0]?.reason, 'Succeeded');
  assert.equal(buildTable('apps/replicasets', [rs], NOW).rows[0]?.conditions, undefined);
});

test('printerFor() knows every built-in resource by group/plural', () => {
  const rows: [key: string, headers: string][] = [
    ['pods', 'NAME READY STATUS RESTARTS AGE'],
    ['apps/replicasets', 'NAME DESIRED CURRENT READY AGE'],
    ['apps/deployments', 'NAME READY UP-TO-DATE AVAILABLE AGE'],
    ['services', 'NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE'],
    ['endpoints', 'NAME ENDPOINTS AGE'],
    ['networking.k8s.io/ingresses', 'NAME CLASS HOSTS ADDRESS PORTS AGE'],
    ['extensions/ingresses', 'NAME CLASS HOSTS ADDRESS PORTS AGE'],
    ['configmaps', 'NAME DATA AGE'],
    ['secrets', 'NAME TYPE DATA AGE'],
    ['batch/jobs', 'NAME STATUS COMPLETIONS DURATION AGE'],
    ['namespaces', 'NAME STATUS AGE'],
    ['events', 'LAST SEEN TYPE REASON OBJECT MESSAGE'],
    ['serviceaccounts', 'NAME SECRETS AGE'],
    ['coordination.k8s.io/leases', 'NAME HOLDER AGE'],
    ['nodes', 'NAME STATUS ROLES AGE VERSION'],
    ['apiextensions.k8s.io/customresourcedefinitions', 'NAME CREATED AT'],
  ];
  for (const [key, headers] of rows) {
    const printer = printerFor(key);
    assert.ok(printer, key);
    const shown = printer.columns.filter((c) => c.priority === 0).map((c) => c.name.toUpperCase()).join(' ');
    assert.equal(shown, headers, key);
  }
  assert.equal(printerFor('argoproj.io/rollouts'), undefined);
  assert.equal(printerFor('deployments'), undefined);
});
