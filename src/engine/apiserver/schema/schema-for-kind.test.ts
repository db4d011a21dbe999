import { test } from 'node:test';
import assert from 'node:assert/strict';
import { schemaForKind, schemaKinds } from './schema-for-kind.js';

test('schemaForKind() maps each served built-in kind to its client-node model', () => {
  const rows: Array<[apiVersion: string, kind: string, model: string | undefined]> = [
    ['v1', 'Namespace', 'V1Namespace'],
    ['v1', 'Pod', 'V1Pod'],
    ['v1', 'Service', 'V1Service'],
    ['v1', 'Endpoints', 'V1Endpoints'],
    ['v1', 'ConfigMap', 'V1ConfigMap'],
    ['v1', 'Secret', 'V1Secret'],
    ['v1', 'Event', 'CoreV1Event'],
    ['v1', 'ServiceAccount', 'V1ServiceAccount'],
    ['v1', 'Binding', 'V1Binding'],
    ['apps/v1', 'Deployment', 'V1Deployment'],
    ['apps/v1', 'ReplicaSet', 'V1ReplicaSet'],
    ['batch/v1', 'Job', 'V1Job'],
    ['networking.k8s.io/v1', 'Ingress', 'V1Ingress'],
    ['coordination.k8s.io/v1', 'Lease', 'V1Lease'],
    ['apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'V1CustomResourceDefinition'],
    ['autoscaling/v1', 'Scale', 'V1Scale'],
    ['events.k8s.io/v1', 'Event', 'EventsV1Event'],
    ['v1', 'DeleteOptions', 'V1DeleteOptions'],
    ['meta.k8s.io/v1', 'DeleteOptions', 'V1DeleteOptions'],
    ['apps/v1', 'DeleteOptions', 'V1DeleteOptions'],
    ['apps/v1beta1', 'Deployment', undefined],
    ['v1', 'Deployment', undefined],
    ['argoproj.io/v1alpha1', 'Rollout', undefined],
    ['v1', 'constructor', undefined],
  ];
  for (const [apiVersion, kind, model] of rows) assert.equal(schemaForKind(apiVersion, kind)?.name, model, `${apiVersion} ${kind}`);
});

test('schemaKinds() lists only kinds that resolve', () => {
  for (const { apiVersion, kind } of schemaKinds()) assert.ok(schemaForKind(apiVersion, kind), `${apiVersion} ${kind}`);
});

test('root schemas know apiVersion, kind and metadata, and status where the type has one', () => {
  const deployment = schemaForKind('apps/v1', 'Deployment')?.fields();
  assert.deepEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status'].map((f) => deployment?.has(f)), [true, true, true, true, true]);
  assert.equal(schemaForKind('v1', 'ConfigMap')?.fields().has('status'), false);
});
