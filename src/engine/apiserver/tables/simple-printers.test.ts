import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../api/meta.js';
import { configMapPrinter, leasePrinter, namespacePrinter, secretPrinter, serviceAccountPrinter } from './simple-printers.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const meta = (name: string) => ({ name, namespace: 'default', creationTimestamp: '2024-12-31T12:00:00Z' });
const headers = (p: { columns: readonly { name: string }[] }) => p.columns.map((c) => c.name.toUpperCase()).join(' ');

test('configMapPrinter counts data and binaryData keys', () => {
  assert.equal(headers(configMapPrinter), 'NAME DATA AGE');
  const rows: [cm: KubeObject, want: unknown[]][] = [
    [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('nginx-configuration'), data: { 'allow-backend-server-header': 'true', 'use-forwarded-headers': 'true' } },
      ['nginx-configuration', 2, '24h']],
    [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('mixed'), data: { a: '1' }, binaryData: { b: 'AA==' } }, ['mixed', 2, '24h']],
    [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('kube-root-ca.crt') }, ['kube-root-ca.crt', 0, '24h']],
  ];
  for (const [cm, want] of rows) assert.deepEqual(configMapPrinter.cells(cm, NOW), want);
});

test('secretPrinter prints the type (Opaque by default) and the data count', () => {
  assert.equal(headers(secretPrinter), 'NAME TYPE DATA AGE');
  assert.deepEqual(secretPrinter.cells({ apiVersion: 'v1', kind: 'Secret', metadata: meta('demo-tls'), type: 'kubernetes.io/tls', data: { 'tls.crt': 'LS0t', 'tls.key': 'LS0t' } }, NOW),
    ['demo-tls', 'kubernetes.io/tls', 2, '24h']);
  assert.deepEqual(secretPrinter.cells({ apiVersion: 'v1', kind: 'Secret', metadata: meta('token') }, NOW), ['token', 'Opaque', 0, '24h']);
});

test('namespacePrinter prints the phase', () => {
  assert.equal(headers(namespacePrinter), 'NAME STATUS AGE');
  const ns = (status?: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'argo-rollouts', creationTimestamp: '2025-01-01T11:00:00Z' }, ...(status ? { status } : {}) });
  assert.deepEqual(namespacePrinter.cells(ns({ phase: 'Active' }), NOW), ['argo-rollouts', 'Active', '60m']);
  assert.deepEqual(namespacePrinter.cells(ns({ phase: 'Terminating' }), NOW), ['argo-rollouts', 'Terminating', '60m']);
  assert.deepEqual(namespacePrinter.cells(ns(), NOW), ['argo-rollouts', 'Active', '60m']);
});

test('serviceAccountPrinter counts secrets; leasePrinter prints the holder', () => {
  assert.equal(headers(serviceAccountPrinter), 'NAME SECRETS AGE');
  assert.deepEqual(serviceAccountPrinter.cells({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default') }, NOW), ['default', 0, '24h']);
  assert.deepEqual(serviceAccountPrinter.cells({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('argo-rollouts'), secrets: [{ name: 'argo-rollouts-token' }] }, NOW),
    ['argo-rollouts', 1, '24h']);
  assert.equal(headers(leasePrinter), 'NAME HOLDER AGE');
  const lease = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: meta('argo-rollouts-controller-lock'), spec });
  assert.deepEqual(leasePrinter.cells(lease({ holderIdentity: 'sluice-7d9f_1b2c', leaseDurationSeconds: 15 }), NOW), ['argo-rollouts-controller-lock', 'sluice-7d9f_1b2c', '24h']);
  assert.deepEqual(leasePrinter.cells(lease({}), NOW), ['argo-rollouts-controller-lock', '', '24h']);
});
