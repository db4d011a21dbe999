import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../api/meta.js';
import { createdAtPrinter, genericPrinter } from './default-printers.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

test('createdAtPrinter prints NAME CREATED AT with the RFC 3339 creation time', () => {
  const crd: KubeObject = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'rollouts.argoproj.io', creationTimestamp: '2025-01-01T11:00:00.750Z' } };
  assert.deepEqual(createdAtPrinter.columns.map((c) => [c.name, c.type, c.format]), [['Name', 'string', 'name'], ['Created At', 'date', '']]);
  assert.deepEqual(createdAtPrinter.cells(crd, NOW), ['rollouts.argoproj.io', '2025-01-01T11:00:00Z']);
  assert.deepEqual(createdAtPrinter.cells({ ...crd, metadata: { name: 'x' } }, NOW), ['x', '0001-01-01T00:00:00Z']);
});

test('genericPrinter prints NAME AGE', () => {
  const at: KubeObject = { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisTemplate', metadata: { name: 'success-rate', creationTimestamp: '2025-01-01T11:15:00Z' } };
  assert.deepEqual(genericPrinter.columns.map((c) => c.name.toUpperCase()), ['NAME', 'AGE']);
  assert.deepEqual(genericPrinter.cells(at, NOW), ['success-rate', '45m']);
});
