import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Service, ServiceSpec } from '../../../api/core-v1.js';
import { servicePrinter } from './service-printer.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

function svc(spec: ServiceSpec, status?: Service['status']): Service {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'demo-service', namespace: 'default', creationTimestamp: '2025-01-01T11:59:15Z' },
    spec,
    ...(status ? { status } : {}),
  };
}

test('servicePrinter prints NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE and the selector', () => {
  assert.deepEqual(servicePrinter.columns.map((c) => [c.name, c.priority]), [
    ['Name', 0], ['Type', 0], ['Cluster-IP', 0], ['External-IP', 0], ['Port(s)', 0], ['Age', 0], ['Selector', 1],
  ]);
  const rows: [what: string, s: Service, want: unknown[]][] = [
    ['cluster IP', svc({ type: 'ClusterIP', clusterIP: '10.96.0.12', clusterIPs: ['10.96.0.12'], selector: { app: 'demo' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }] }),
      ['demo-service', 'ClusterIP', '10.96.0.12', '<none>', '80/TCP', '45s', 'app=demo']],
    ['node port', svc({ type: 'NodePort', clusterIPs: ['10.96.0.13'], selector: { app: 'demo', tier: 'web' }, ports: [{ name: 'http', port: 80, nodePort: 30080, protocol: 'TCP' }, { name: 'dns', port: 53, nodePort: 30053, protocol: 'UDP' }] }),
      ['demo-service', 'NodePort', '10.96.0.13', '<none>', '80:30080/TCP,53:30053/UDP', '45s', 'app=demo,tier=web']],
    ['defaults only (type, protocol, clusterIP form)', svc({ clusterIP: '10.96.0.14', ports: [{ port: 8080 }] }),
      ['demo-service', 'ClusterIP', '10.96.0.14', '<none>', '8080/TCP', '45s', '<none>']],
    ['external IPs', svc({ type: 'ClusterIP', clusterIPs: ['10.96.0.15'], externalIPs: ['192.168.99.111'], ports: [{ port: 80, protocol: 'TCP' }] }),
      ['demo-service', 'ClusterIP', '10.96.0.15', '192.168.99.111', '80/TCP', '45s', '<none>']],
    ['load balancer pending', svc({ type: 'LoadBalancer', clusterIPs: ['10.96.0.16'], ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] }),
      ['demo-service', 'LoadBalancer', '10.96.0.16', '<pending>', '80:31000/TCP', '45s', '<none>']],
    ['load balancer ready', svc({ type: 'LoadBalancer', clusterIPs: ['10.96.0.16'], externalIPs: ['192.168.1.9'], ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] },
      { loadBalancer: { ingress: [{ ip: '203.0.113.7' }, { hostname: 'lb.example.com' }, { ip: '203.0.113.7' }] } }),
      ['demo-service', 'LoadBalancer', '10.96.0.16', '203.0.113.7,lb.example.com,192.168.1.9', '80:31000/TCP', '45s', '<none>']],
    ['external name', svc({ type: 'ExternalName', externalName: 'db.example.com' }),
      ['demo-service', 'ExternalName', '<none>', 'db.example.com', '<none>', '45s', '<none>']],
    ['headless', svc({ clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'demo' }, ports: [{ port: 80, protocol: 'TCP' }] }),
      ['demo-service', 'ClusterIP', 'None', '<none>', '80/TCP', '45s', 'app=demo']],
  ];
  for (const [what, s, want] of rows) assert.deepEqual(servicePrinter.cells(s, NOW), want, what);
});
