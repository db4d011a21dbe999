import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Endpoints, Pod, Service } from '../../../api/core-v1.js';
import { planEndpoints, type EndpointsAction } from './plan-endpoints.js';

const svc = (spec: Partial<Service['spec']> = {}, labels: Record<string, string> = { app: 'blue' }): Service => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name: 'blue-service', namespace: 'default', labels },
  spec: { clusterIP: '127.96.0.2', selector: { app: 'blue' }, ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }], ...spec },
});

interface PodOpts { ip?: string; ready?: boolean; phase?: 'Running' | 'Succeeded' | 'Failed'; deleting?: boolean; labels?: Record<string, string>; ports?: { name: string; containerPort: number }[] }
const pod = (name: string, o: PodOpts = {}): Pod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: o.labels ?? { app: 'blue' }, ...(o.deleting === true ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}) },
  spec: { nodeName: 'sluice', containers: [{ name: 'demo', image: 'argoproj/rollouts-demo:blue', ports: o.ports ?? [{ name: 'http', containerPort: 8080 }] }] },
  status: {
    phase: o.phase ?? 'Running', ...(o.ip === '' ? {} : { podIP: o.ip ?? '127.1.0.2' }),
    conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }],
  },
});

const addr = (name: string, ip: string): object => ({ ip, nodeName: 'sluice', targetRef: { kind: 'Pod', namespace: 'default', name, uid: `uid-${name}` } });

function plan(service: Service | undefined, pods: Pod[], endpoints?: Endpoints): EndpointsAction {
  return planEndpoints({ namespace: 'default', name: 'blue-service', service, endpoints, pods });
}

function subsetsOf(a: EndpointsAction): unknown {
  return a.op === 'create' || a.op === 'update' ? a.endpoints.subsets : a.op;
}

test('planEndpoints(): ready pods in addresses, unready in notReadyAddresses, terminating/terminal/IP-less/unmatched left out (the worked example)', () => {
  const pods = [
    pod('a', { ip: '127.1.0.2' }), pod('b', { ip: '127.1.0.3', ready: false }), pod('c', { ip: '127.1.0.4', deleting: true }),
    pod('d', { ip: '127.1.0.5', phase: 'Succeeded' }), pod('e', { ip: '' }), pod('f', { ip: '127.1.0.6', labels: { app: 'green' } }),
    pod('g', { ip: '127.1.0.10' }),
  ];
  const a = plan(svc(), pods);
  assert.equal(a.op, 'create');
  assert.deepEqual(subsetsOf(a), [{
    addresses: [addr('a', '127.1.0.2'), addr('g', '127.1.0.10')], notReadyAddresses: [addr('b', '127.1.0.3')], ports: [{ port: 8080, protocol: 'TCP' }],
  }]);
  if (a.op === 'create') assert.deepEqual(a.endpoints.metadata, { name: 'blue-service', namespace: 'default', labels: { app: 'blue' } });
});

test('planEndpoints(): named targetPorts resolve per pod; addresses sharing the same ports share a subset', () => {
  const s = svc({ ports: [{ name: 'web', protocol: 'TCP', port: 80, targetPort: 'http' }, { name: 'admin', protocol: 'TCP', port: 9000, targetPort: 9001 }] });
  const pods = [pod('a', { ip: '127.1.0.2', ports: [{ name: 'http', containerPort: 8080 }] }), pod('b', { ip: '127.1.0.3', ports: [{ name: 'other', containerPort: 1 }] })];
  assert.deepEqual(subsetsOf(plan(s, pods)), [
    { addresses: [addr('a', '127.1.0.2'), addr('b', '127.1.0.3')], ports: [{ name: 'admin', port: 9001, protocol: 'TCP' }] },
    { addresses: [addr('a', '127.1.0.2')], ports: [{ name: 'web', port: 8080, protocol: 'TCP' }] },
  ]);
  const both = [pod('a', { ip: '127.1.0.2' }), pod('b', { ip: '127.1.0.3' })];
  assert.deepEqual(subsetsOf(plan(s, both)), [
    { addresses: [addr('a', '127.1.0.2'), addr('b', '127.1.0.3')], ports: [{ name: 'admin', port: 9001, protocol: 'TCP' }, { name: 'web', port: 8080, protocol: 'TCP' }] },
  ]);
});

test('planEndpoints(): writes only on change, deletes with the Service, leaves selector-less Services alone', () => {
  const first = plan(svc(), [pod('a')]);
  assert.equal(first.op, 'create');
  const stored: Endpoints = first.op === 'create' ? { ...first.endpoints, metadata: { ...first.endpoints.metadata, resourceVersion: '7' } } : assert.fail();
  assert.deepEqual(plan(svc(), [pod('a')], stored), { op: 'none' });
  const unready = plan(svc(), [pod('a', { ready: false })], stored);
  assert.equal(unready.op, 'update');
  if (unready.op === 'update') assert.equal(unready.endpoints.metadata.resourceVersion, '7');
  assert.equal(plan(svc({}, { app: 'blue', tier: 'web' }), [pod('a')], stored).op, 'update', 'labels follow the Service');
  assert.deepEqual(plan(undefined, [], stored), { op: 'delete', namespace: 'default', name: 'blue-service' });
  assert.deepEqual(plan(undefined, []), { op: 'none' });
  assert.deepEqual(plan(svc({ selector: {} }), [pod('a')], stored), { op: 'none' });
  assert.deepEqual(subsetsOf(plan(svc(), [])), []);
  const headless = plan(svc({ clusterIP: 'None' }), [pod('a')]);
  if (headless.op === 'create') assert.deepEqual(headless.endpoints.metadata.labels, { app: 'blue', 'service.kubernetes.io/headless': '' });
  const published = plan(svc({ publishNotReadyAddresses: true }), [pod('a', { ready: false }), pod('c', { ip: '127.1.0.4', deleting: true })]);
  assert.deepEqual(subsetsOf(published), [{ addresses: [addr('a', '127.1.0.2'), addr('c', '127.1.0.4')], ports: [{ port: 8080, protocol: 'TCP' }] }]);
});
