import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Endpoints, Service } from '../../../api/core-v1.js';
import { computeListeners } from './service-listeners.js';
import { allTargets, computeServiceTargets } from './service-targets.js';

const svc = (name: string, spec: Service['spec'], created = '2025-01-01T00:00:00Z'): Service =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', creationTimestamp: created }, spec });

test('computeServiceTargets() takes ready addresses and the endpoint port named after the service port', () => {
  const s = svc('web', { clusterIP: '127.96.0.2', ports: [{ port: 80, targetPort: 8080 }, { name: 'admin', port: 9000, targetPort: 'admin' }, { port: 53, protocol: 'UDP' }] });
  const ep: Endpoints = {
    apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default' },
    subsets: [
      { addresses: [{ ip: '127.1.0.2' }, { ip: '127.1.0.3' }], notReadyAddresses: [{ ip: '127.1.0.4' }], ports: [{ port: 8080, protocol: 'TCP' }, { name: 'admin', port: 9001, protocol: 'TCP' }] },
      { addresses: [{ ip: '127.1.0.5' }], ports: [{ port: 8081, protocol: 'TCP' }] },
    ],
  };
  const t = computeServiceTargets(s, ep);
  assert.deepEqual(t.get('#80'), ['127.1.0.2:8080', '127.1.0.3:8080', '127.1.0.5:8081']);
  assert.deepEqual(t.get('#9000'), ['127.1.0.2:9001', '127.1.0.3:9001']);
  assert.deepEqual(t.get('@admin'), ['127.1.0.2:9001', '127.1.0.3:9001']);
  assert.equal(t.has('#53'), false, 'UDP is not proxied');
  assert.deepEqual(computeServiceTargets(s, undefined).get('#80'), []);
  assert.deepEqual([...allTargets([t])].sort(), ['127.1.0.2:8080', '127.1.0.2:9001', '127.1.0.3:8080', '127.1.0.3:9001', '127.1.0.5:8081']);
});

test('computeListeners(): cluster IPs for every TCP port, NodePorts on the node host, none for headless or ExternalName', () => {
  const listeners = computeListeners([
    svc('np', { type: 'NodePort', clusterIP: '127.96.0.2', ports: [{ port: 80, nodePort: 30080 }] }),
    svc('cip', { type: 'ClusterIP', clusterIP: '127.96.0.3', ports: [{ port: 8080 }, { port: 53, protocol: 'UDP' }] }),
    svc('headless', { clusterIP: 'None', ports: [{ port: 80 }] }),
    svc('ext', { type: 'ExternalName', externalName: 'example.com' }),
    svc('late', { type: 'NodePort', clusterIP: '127.96.0.4', ports: [{ port: 80, nodePort: 30080 }] }, '2025-01-02T00:00:00Z'),
  ], '127.0.0.1');
  assert.deepEqual([...listeners.keys()].sort(), ['127.0.0.1:30080', '127.96.0.2:80', '127.96.0.3:8080', '127.96.0.4:80']);
  assert.equal(listeners.get('127.0.0.1:30080')?.serviceKey, 'default/np', 'the older Service keeps a contested port');
});
