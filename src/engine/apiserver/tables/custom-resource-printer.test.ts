import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../api/meta.js';
import { crdPrinterFor, textCell, type CustomResourceColumnDefinition } from './custom-resource-printer.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

/** Argo Rollouts' Rollout CRD printer columns (v1alpha1). */
const rolloutColumns: CustomResourceColumnDefinition[] = [
  { name: 'Desired', type: 'integer', description: 'Number of desired pods', jsonPath: '.spec.replicas' },
  { name: 'Current', type: 'integer', description: 'Total number of non-terminated pods targeted by this rollout', jsonPath: '.status.replicas' },
  { name: 'Up-to-date', type: 'integer', description: 'Total number of non-terminated pods targeted by this rollout that have the desired template spec', jsonPath: '.status.updatedReplicas' },
  { name: 'Available', type: 'integer', description: 'Total number of available pods (ready for at least minReadySeconds) targeted by this rollout', jsonPath: '.status.availableReplicas' },
  { name: 'Age', type: 'date', description: 'Time since resource was created', jsonPath: '.metadata.creationTimestamp' },
];

function rollout(status: Record<string, unknown> | undefined): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'demo', namespace: 'argo-rollouts', creationTimestamp: '2025-01-01T11:55:00Z' },
    spec: { replicas: 5 },
    ...(status === undefined ? {} : { status }),
  };
}

test('crdPrinterFor() prints the Rollout columns as NAME DESIRED CURRENT UP-TO-DATE AVAILABLE AGE', () => {
  const printer = crdPrinterFor(rolloutColumns);
  assert.deepEqual(printer.columns.map((c) => c.name.toUpperCase()), ['NAME', 'DESIRED', 'CURRENT', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
  assert.deepEqual(printer.columns[0], { name: 'Name', type: 'string', format: 'name', description: printer.columns[0]?.description, priority: 0 });
  assert.deepEqual(printer.columns[5], { name: 'Age', type: 'date', format: '', description: 'Time since resource was created', priority: 0 });
  const rows: [status: Record<string, unknown> | undefined, want: unknown[]][] = [
    [{ replicas: 5, updatedReplicas: 5, availableReplicas: 5 }, ['demo', 5, 5, 5, 5, '5m']],
    [{ replicas: 6, updatedReplicas: 1, availableReplicas: 5 }, ['demo', 5, 6, 1, 5, '5m']],
    // A fresh rollout has no status yet: kubectl prints the empty cells blank.
    [undefined, ['demo', 5, null, null, null, '5m']],
  ];
  for (const [status, want] of rows) assert.deepEqual(printer.cells(rollout(status), NOW), want);
});

test('crdPrinterFor() converts each value to its column type', () => {
  const printer = crdPrinterFor([
    { name: 'Int', type: 'integer', jsonPath: '.v.float' },
    { name: 'Num', type: 'number', jsonPath: '.v.float' },
    { name: 'Bool', type: 'boolean', jsonPath: '.v.flag' },
    { name: 'WrongType', type: 'integer', jsonPath: '.v.text' },
    { name: 'Date', type: 'date', jsonPath: '.v.when' },
    { name: 'BadDate', type: 'date', jsonPath: '.v.text' },
    { name: 'EmptyDate', type: 'date', jsonPath: '.v.empty' },
    { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
    { name: 'Obj', type: 'string', jsonPath: '.v.obj' },
    { name: 'Num as text', type: 'string', jsonPath: '.v.float' },
    { name: 'Null', type: 'string', jsonPath: '.v.nothing' },
    { name: 'Missing', type: 'string', jsonPath: '.v.absent' },
    { name: 'Unparseable', type: 'string', jsonPath: '.v[' },
  ]);
  const obj: KubeObject = {
    apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' },
    v: { float: 2.75, flag: true, text: 'soon', when: '2024-12-30T07:00:00Z', empty: '', obj: { z: 1, a: '<b>' }, nothing: null },
    status: { conditions: [{ type: 'Synced', status: 'True' }, { type: 'Ready', status: 'False' }] },
  };
  assert.deepEqual(printer.cells(obj, NOW), [
    'w', 2, 2.75, true, null, '2d5h', '<invalid>', '<unknown>', 'False', '{"a":"\\u003cb\\u003e","z":1}', '2.75', '<no value>', null, null,
  ]);
});

test('crdPrinterFor() with no printer columns gives Name and Age', () => {
  const printer = crdPrinterFor([]);
  assert.deepEqual(printer.columns.map((c) => [c.name, c.type]), [['Name', 'string'], ['Age', 'date']]);
  assert.deepEqual(printer.cells(rollout(undefined), NOW), ['demo', '5m']);
  assert.deepEqual(printer.cells({ apiVersion: 'v', kind: 'K', metadata: { name: 'x' } }, NOW), ['x', null]);
});

test('crdPrinterFor() copies format and priority and writes a default description', () => {
  const [, col] = crdPrinterFor([{ name: 'Phase', type: 'string', format: 'text', priority: 1, jsonPath: '.status.phase' }]).columns;
  assert.deepEqual(col, {
    name: 'Phase', type: 'string', format: 'text', priority: 1,
    description: 'Custom resource definition column (in JSONPath format): .status.phase',
  });
});

test('textCell() prints like client-go jsonpath', () => {
  assert.equal(textCell('x'), 'x');
  assert.equal(textCell(3), '3');
  assert.equal(textCell(false), 'false');
  assert.equal(textCell([1, 'a']), '[1,"a"]');
  assert.equal(textCell(null), '<no value>');
});
