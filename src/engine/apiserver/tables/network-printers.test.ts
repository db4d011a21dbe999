import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Endpoints, EndpointSubset } from '../../../api/core-v1.js';
import type { Ingress, IngressSpec } from '../../../api/networking-v1.js';
import { endpointsPrinter, ingressPrinter } from './network-printers.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const created = '2025-01-01T11:59:00Z';

function endpoints(subsets: EndpointSubset[] | undefined): Endpoints {
  return { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'demo-service', creationTimestamp: created }, ...(subsets ? { subsets } : {}) };
}
const addrs = (...ips: string[]) => ips.map((ip) => ({ ip }));

test('endpointsPrinter lists up to three ip:port pairs, then + N more...', () => {
  const rows: [what: string, subsets: EndpointSubset[] | undefined, want: string][] = [
    ['none', undefined, '<none>'],
    ['empty', [], '<none>'],
    ['not ready only', [{ notReadyAddresses: addrs('127.0.1.5'), ports: [{ port: 8080, protocol: 'TCP' }] }], ''],
    ['one', [{ addresses: addrs('127.0.1.5'), ports: [{ port: 8080, protocol: 'TCP' }] }], '127.0.1.5:8080'],
    ['two ports', [{ addresses: addrs('127.0.1.5'), ports: [{ name: 'http', port: 8080 }, { name: 'metrics', port: 9090 }] }], '127.0.1.5:8080,127.0.1.5:9090'],
    ['four', [{ addresses: addrs('127.0.1.5', '127.0.1.6', '127.0.1.7', '127.0.1.8'), ports: [{ port: 8080 }] }],
      '127.0.1.5:8080,127.0.1.6:8080,127.0.1.7:8080 + 1 more...'],
    ['pairs across subsets', [{ addresses: addrs('10.0.0.1', '10.0.0.2'), ports: [{ port: 80 }, { port: 443 }] }, { addresses: addrs('10.0.0.3'), ports: [{ port: 80 }] }],
      '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 2 more...'],
    ['headless without ports', [{ addresses: addrs('10.0.0.1', '10.0.0.2') }], '10.0.0.1,10.0.0.2'],
    ['ipv6', [{ addresses: addrs('fd00::1'), ports: [{ port: 80 }] }], '[fd00::1]:80'],
  ];
  for (const [what, subsets, want] of rows) assert.deepEqual(endpointsPrinter.cells(endpoints(subsets), NOW), ['demo-service', want, '60s'], what);
});

function ingress(spec: IngressSpec, addresses?: { ip?: string; hostname?: string }[]): Ingress {
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
    metadata: { name: 'demo-ingress', namespace: 'default', creationTimestamp: created },
    spec,
    ...(addresses ? { status: { loadBalancer: { ingress: addresses } } } : {}),
  };
}

const demoRule = { host: 'demo.info', http: { paths: [{ path: '/', pathType: 'ImplementationSpecific' as const, backend: { service: { name: 'demo-service', port: { number: 80 } } } }] } };

test('ingressPrinter prints the chapter ingress as NAME CLASS HOSTS ADDRESS PORTS AGE', () => {
  assert.deepEqual(ingressPrinter.columns.map((c) => c.name.toUpperCase()), ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE']);
  assert.deepEqual(ingressPrinter.cells(ingress({ rules: [demoRule] }, [{ ip: '192.168.99.111' }]), NOW),
    ['demo-ingress', '<none>', 'demo.info', '192.168.99.111', '80', '60s']);
  const rows: [what: string, ing: Ingress, want: unknown[]][] = [
    ['no address yet', ingress({ ingressClassName: 'nginx', rules: [demoRule] }), ['demo-ingress', 'nginx', 'demo.info', '', '80', '60s']],
    ['tls', ingress({ ingressClassName: 'nginx', tls: [{ hosts: ['demo.info'], secretName: 'demo-tls' }], rules: [demoRule] }, [{ hostname: 'lb.example.com' }, { ip: '10.0.0.9' }]),
      ['demo-ingress', 'nginx', 'demo.info', '10.0.0.9,lb.example.com', '80, 443', '60s']],
    ['default backend only', ingress({ defaultBackend: { service: { name: 'demo-service', port: { number: 80 } } } }), ['demo-ingress', '<none>', '*', '', '80', '60s']],
    ['host-less rule', ingress({ rules: [{ http: demoRule.http }] }), ['demo-ingress', '<none>', '*', '', '80', '60s']],
    ['many hosts', ingress({ rules: ['a.info', '', 'b.info', 'c.info', 'd.info'].map((host) => ({ ...demoRule, host })) }),
      ['demo-ingress', '<none>', 'a.info,b.info,c.info + 2 more...', '', '80', '60s']],
  ];
  for (const [what, ing, want] of rows) assert.deepEqual(ingressPrinter.cells(ing, NOW), want, what);
});
