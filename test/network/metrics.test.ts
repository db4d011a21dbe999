// /metrics counts what went through the ingress, with ingress-nginx's metric names and labels.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startNetworkTest, type NetworkTest } from '../harness/network-harness.js';
import { eventually } from '../harness/poll.js';
import { startSimPod, type SimPod } from '../harness/sim-pods.js';

let t: NetworkTest;
const pods: SimPod[] = [];

const manifests = `
apiVersion: v1
kind: Service
metadata: {name: good}
spec: {selector: {app: good}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: bad}
spec: {selector: {app: bad}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: canary}
spec: {selector: {app: canary}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  rules:
  - host: shop.test
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: good, port: {number: 80}}}}
      - {path: /bad, pathType: Prefix, backend: {service: {name: bad, port: {number: 80}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop-canary
  annotations: {nginx.ingress.kubernetes.io/canary: "true", nginx.ingress.kubernetes.io/canary-by-header: X-Canary}
spec:
  rules:
  - host: shop.test
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: canary, port: {number: 80}}}}
`;

before(async () => {
  t = await startNetworkTest();
  await t.api.k(['apply', '-f', '-'], manifests);
  pods.push(await startSimPod(t.client, { name: 'good-0', labels: { app: 'good' }, ip: '127.1.245.10', colour: 'good' }));
  pods.push(await startSimPod(t.client, { name: 'good-1', labels: { app: 'good' }, ip: '127.1.245.11', colour: 'good' }));
  pods.push(await startSimPod(t.client, { name: 'bad-0', labels: { app: 'bad' }, ip: '127.1.245.20', colour: 'bad', status: 500 }));
  pods.push(await startSimPod(t.client, { name: 'canary-0', labels: { app: 'canary' }, ip: '127.1.245.30', colour: 'canary' }));
  await eventually(async () => (await t.ingress('shop.test', '/bad')).status === 500 && (await t.ingress('shop.test', '/', { 'x-canary': 'always' })).body === '"canary"'
    && (await t.ingress('shop.test', '/')).body === '"good"', 'shop served');
});
after(async () => { await t.close(pods); });

function parse(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^(\S+?)(\{.*\})? (\S+)$/.exec(line);
    if (m !== null) out.set(`${m[1]}${m[2] ?? ''}`, Number(m[3]));
  }
  return out;
}

const CONTROLLER = 'controller_class="k8s.io/ingress-nginx",controller_namespace="sluice-system",controller_pod="sluice-ingress"';
const labels = (o: { canary?: string; method: string; path: string; service: string; status: number }): string =>
  `{canary="${o.canary ?? ''}",${CONTROLLER},host="shop.test",ingress="shop",method="${o.method}",namespace="default",path="${o.path}",service="${o.service}",status="${o.status}"}`;

test('request counters and histograms per ingress, service, path, method, status and canary', async () => {
  const before = parse((await t.send(`http://127.0.0.1:${t.net.metricsPort}/metrics`)).body);
  const sends: Promise<unknown>[] = [];
  for (let i = 0; i < 30; i++) sends.push(t.ingress('shop.test', '/color'));
  for (let i = 0; i < 5; i++) sends.push(t.send(`${t.ingressUrl}/color`, { host: 'shop.test', method: 'POST', body: '[]' }));
  for (let i = 0; i < 20; i++) sends.push(t.ingress('shop.test', '/bad/color'));
  for (let i = 0; i < 4; i++) sends.push(t.ingress('shop.test', '/color', { 'x-canary': 'always' }));
  for (let i = 0; i < 3; i++) sends.push(t.ingress('unknown.test', '/color'));
  await Promise.all(sends);
  const res = await t.send(`http://127.0.0.1:${t.net.metricsPort}/metrics`);
  assert.equal(res.status, 200);
  assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
  const after = parse(res.body);
  const delta = (name: string, l: string): number => (after.get(name + l) ?? 0) - (before.get(name + l) ?? 0);
  const rows: [Parameters<typeof labels>[0], number][] = [
    [{ method: 'GET', path: '/', service: 'good', status: 200 }, 30],
    [{ method: 'POST', path: '/', service: 'good', status: 200 }, 5],
    [{ method: 'GET', path: '/bad', service: 'bad', status: 500 }, 20],
    [{ canary: 'default-canary-80', method: 'GET', path: '/', service: 'good', status: 200 }, 4],
  ];
  for (const [l, n] of rows) {
    assert.equal(delta('nginx_ingress_controller_requests', labels(l)), n, labels(l));
    assert.equal(delta('nginx_ingress_controller_request_duration_seconds_count', labels(l)), n);
    assert.equal(delta('nginx_ingress_controller_request_duration_seconds_bucket', labels(l).replace(/}$/, ',le="+Inf"}')), n);
    assert.equal(delta('nginx_ingress_controller_response_duration_seconds_count', labels(l)), n);
  }
  const total = [...after].filter(([k]) => k.startsWith('nginx_ingress_controller_requests{')).reduce((s, [k, v]) => s + v - (before.get(k) ?? 0), 0);
  assert.equal(total, 59, 'requests to hosts no Ingress names are not counted (ingress-nginx metrics-per-undefined-host=false)');
  assert.match(res.body, /# TYPE nginx_ingress_controller_request_duration_seconds histogram/);
  for (const le of ['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '+Inf']) {
    assert.ok(res.body.includes(`le="${le}"}`), `bucket ${le}`);
  }
});
