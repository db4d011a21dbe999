import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Ingress } from '../../../api/networking-v1.js';
import { certFor, computeTlsPlan, redirectKey } from './ingress-tls.js';

const ing = (name: string, o: { hosts?: string[]; tls?: { hosts: string[]; secretName: string }[]; annotations?: Record<string, string>; created?: string; className?: string }): Ingress => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
  metadata: { name, namespace: 'shop', creationTimestamp: o.created ?? '2026-01-01T00:00:00Z', ...(o.annotations ? { annotations: o.annotations } : {}) },
  spec: {
    ...(o.className ? { ingressClassName: o.className } : {}),
    ...(o.tls ? { tls: o.tls } : {}),
    rules: (o.hosts ?? []).map((host) => ({ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } })),
  },
});

const cases: { name: string; ingresses: Ingress[]; config?: Record<string, string>; certs: [string, string][]; redirects: string[] }[] = [
  { name: 'no TLS: no certificate, no redirect', ingresses: [ing('web', { hosts: ['shop.test'] })], certs: [], redirects: [] },
  {
    name: 'TLS for the host: its Secret, and HTTP redirects by default',
    ingresses: [ing('web', { hosts: ['Shop.Test'], tls: [{ hosts: ['SHOP.test'], secretName: 'shop-tls' }] })],
    certs: [['shop.test', 'shop/shop-tls']], redirects: [redirectKey('shop', 'web', 'shop.test')],
  },
  {
    name: 'ssl-redirect "false" on the Ingress keeps HTTP',
    ingresses: [ing('web', { hosts: ['shop.test'], tls: [{ hosts: ['shop.test'], secretName: 'shop-tls' }], annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' } })],
    certs: [['shop.test', 'shop/shop-tls']], redirects: [],
  },
  {
    name: 'the ConfigMap turns the default off; an annotation (Go bool "T") turns it back on',
    ingresses: [
      ing('a', { hosts: ['a.test'], tls: [{ hosts: ['a.test', 'b.test'], secretName: 'both' }] }),
      ing('b', { hosts: ['b.test'], annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'T' } }),
    ],
    config: { 'ssl-redirect': 'false' },
    certs: [['a.test', 'shop/both'], ['b.test', 'shop/both']], redirects: [redirectKey('shop', 'b', 'b.test')],
  },
  {
    name: 'force-ssl-redirect redirects without a certificate',
    ingresses: [ing('web', { hosts: ['plain.test'], annotations: { 'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true' } })],
    certs: [], redirects: [redirectKey('shop', 'web', 'plain.test')],
  },
  {
    name: 'the oldest Ingress keeps a host; canaries and other classes bring no TLS',
    ingresses: [
      ing('new', { hosts: ['x.test'], tls: [{ hosts: ['x.test'], secretName: 'new-tls' }], created: '2026-02-01T00:00:00Z' }),
      ing('old', { hosts: ['x.test'], tls: [{ hosts: ['x.test'], secretName: 'old-tls' }] }),
      ing('canary', { hosts: ['y.test'], tls: [{ hosts: ['y.test'], secretName: 'canary-tls' }], annotations: { 'nginx.ingress.kubernetes.io/canary': 'true' } }),
      ing('other', { hosts: ['z.test'], tls: [{ hosts: ['z.test'], secretName: 'z-tls' }], className: 'traefik' }),
    ],
    certs: [['x.test', 'shop/old-tls']], redirects: [redirectKey('shop', 'new', 'x.test'), redirectKey('shop', 'old', 'x.test')],
  },
];

for (const c of cases) {
  test(`computeTlsPlan(): ${c.name}`, () => {
    const plan = computeTlsPlan(c.ingresses, 'nginx', c.config);
    assert.deepEqual([...plan.certs].map(([h, r]) => [h, `${r.namespace}/${r.name}`]), c.certs);
    assert.deepEqual([...plan.redirects].sort(), [...c.redirects].sort());
  });
}

test('certFor(): exact host first, then a wildcard one label up only', () => {
  const plan = computeTlsPlan([ing('w', { hosts: ['a.shop.test'], tls: [{ hosts: ['*.shop.test', 'exact.shop.test'], secretName: 'wild' }] }),
    ing('e', { hosts: ['exact.shop.test'], tls: [{ hosts: ['exact.shop.test'], secretName: 'exact' }], created: '2026-03-01T00:00:00Z' })], 'nginx', undefined);
  assert.equal(certFor(plan, 'a.shop.test')?.name, 'wild');
  assert.equal(certFor(plan, 'exact.shop.test')?.name, 'wild', 'the older Ingress claimed it first');
  assert.equal(certFor(plan, 'b.a.shop.test'), undefined);
  assert.equal(certFor(plan, 'shop.test'), undefined);
});
