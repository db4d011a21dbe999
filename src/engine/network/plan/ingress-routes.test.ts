import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingress } from './_ingress-builders.js';
import { computeRouteTable } from './ingress-routes.js';
import { matchRoute, requestHost, requestPath } from './match-route.js';
import type { RouteTable } from './route-types.js';

function route(table: RouteTable, host: string, path: string): string {
  const r = matchRoute(table, host, path);
  if (r === undefined) return '404';
  return `${r.ingress}:${r.backend.service}${r.canary === undefined ? '' : `+${r.canary.backend.service}@${r.canary.policy.weight}`}`;
}

test('computeRouteTable() + matchRoute(): hosts, Exact and Prefix paths, longest match, defaultBackend', () => {
  const table = computeRouteTable([
    ingress('main', { 'demo.info': [['/', 'root'], ['/api', 'api'], ['/api/v2/', 'v2'], ['/api/exact', 'exact', 80, 'Exact'], ['/legacy', 'legacy', 80, 'ImplementationSpecific']] }),
    ingress('wild', { '*.example.com': [['/', 'wild']] }),
    ingress('any', { '': [['/shop', 'shop']] }, { defaultBackend: 'fallback' }),
    ingress('catchall', {}, { defaultBackend: 'catchall' }),
  ], 'nginx');
  const rows: [string, string, string][] = [
    ['demo.info', '/', 'main:root'], ['demo.info', '/color', 'main:root'], ['demo.info', '/api', 'main:api'], ['demo.info', '/api/', 'main:api'],
    ['demo.info', '/api/x', 'main:api'], ['demo.info', '/apix', 'main:root'], ['demo.info', '/api/v2', 'main:v2'], ['demo.info', '/api/v2/a', 'main:v2'],
    ['demo.info', '/api/exact', 'main:exact'], ['demo.info', '/api/exact/more', 'main:api'], ['demo.info', '/legacy/a', 'main:legacy'],
    ['a.example.com', '/x', 'wild:wild'], ['a.b.example.com', '/', 'wild:wild'], ['example.com', '/', 'catchall:catchall'],
    ['other.host', '/shop/cart', 'any:shop'], ['other.host', '/', 'catchall:catchall'],
  ];
  for (const [host, path, want] of rows) assert.equal(route(table, host, path), want, `${host}${path}`);
  assert.deepEqual(table.served, ['default/any', 'default/catchall', 'default/main', 'default/wild']);
});

test('computeRouteTable(): the oldest Ingress keeps a host+path; its defaultBackend answers unmatched paths of its hosts', () => {
  const table = computeRouteTable([
    ingress('newer', { 'a.io': [['/', 'new'], ['/only-new', 'only']] }, { created: '2025-01-02T00:00:00Z' }),
    ingress('older', { 'a.io': [['/', 'old']], 'b.io': [['/x', 'bx']] }, { created: '2025-01-01T00:00:00Z', defaultBackend: 'def' }),
  ], 'nginx');
  assert.equal(route(table, 'a.io', '/'), 'older:old');
  assert.equal(route(table, 'a.io', '/only-new'), 'newer:only');
  assert.equal(route(table, 'b.io', '/y'), 'older:def');
  assert.equal(route(table, 'c.io', '/'), '404');
});

test('computeRouteTable(): canary Ingresses attach to the same host, path and pathType; one per route', () => {
  const table = computeRouteTable([
    ingress('demo-ingress', { 'demo.info': [['/', 'blue-service'], ['/exact', 'blue-service', 80, 'Exact']] }),
    ingress('canary-ingress', { 'demo.info': [['/', 'green-service'], ['/exact', 'green-service', 80, 'Prefix']] }, { annotations: { canary: 'true', 'canary-weight': '10' }, created: '2025-01-02T00:00:00Z' }),
    ingress('second-canary', { 'demo.info': [['/', 'red-service']] }, { annotations: { canary: 'true', 'canary-weight': '50' }, created: '2025-01-03T00:00:00Z' }),
    ingress('orphan-canary', { 'nobody.info': [['/', 'green-service']] }, { annotations: { canary: 'true', 'canary-weight': '50' } }),
    ingress('self-canary', { 'self.info': [['/', 'same']] }, { created: '2025-01-01T00:00:00Z' }),
    ingress('self-canary-2', { 'self.info': [['/', 'same']] }, { annotations: { canary: 'true', 'canary-weight': '50' }, created: '2025-01-02T00:00:00Z' }),
  ], 'nginx');
  assert.equal(route(table, 'demo.info', '/color'), 'demo-ingress:blue-service+green-service@10');
  assert.equal(route(table, 'demo.info', '/exact'), 'demo-ingress:blue-service', 'pathType differs');
  assert.equal(route(table, 'nobody.info', '/'), '404');
  assert.equal(route(table, 'self.info', '/'), 'self-canary:same');
  assert.equal(matchRoute(table, 'demo.info', '/')?.canary?.backend.upstreamName, 'default-green-service-80');
});

test('computeRouteTable(): ingress class', () => {
  const table = computeRouteTable([
    ingress('mine', { 'a.io': [['/', 'a']] }, { className: 'nginx' }),
    ingress('theirs', { 'b.io': [['/', 'b']] }, { className: 'traefik' }),
    ingress('annotated', { 'c.io': [['/', 'c']] }, { annotations: { 'kubernetes.io/ingress.class': 'traefik' } }),
  ], 'nginx');
  assert.deepEqual(table.served, ['default/mine']);
  assert.equal(route(table, 'b.io', '/'), '404');
});

test('requestHost() and requestPath() normalise like nginx', () => {
  const hosts: [string | undefined, string][] = [['Demo.Info:8080', 'demo.info'], ['demo.info.', 'demo.info'], ['[::1]:80', '[::1]'], [undefined, '']];
  for (const [h, want] of hosts) assert.equal(requestHost(h), want);
  const paths: [string | undefined, string][] = [
    ['/color?x=1', '/color'], ['/a/./b//../c?x=1', '/a/c'], ['/%61pi/x', '/api/x'], ['/..', '/'], ['/a/..', '/'], ['http://h/x/y?q', '/x/y'], [undefined, '/'], ['/%zz', '/%zz'],
  ];
  for (const [u, want] of paths) assert.equal(requestPath(u), want, String(u));
});
