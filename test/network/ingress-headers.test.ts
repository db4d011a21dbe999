// Forwarding headers, the chapter's ConfigMap keys (allow-backend-server-header, use-forwarded-headers), the
// default backend and the body size limit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startNetworkTest, type NetworkTest } from '../harness/network-harness.js';
import { eventually } from '../harness/poll.js';
import { startSimPod, type SimPod } from '../harness/sim-pods.js';

let t: NetworkTest;
const pods: SimPod[] = [];

before(async () => {
  t = await startNetworkTest();
  await t.api.k(['apply', '-f', '-'], `
apiVersion: v1
kind: Service
metadata: {name: echo}
spec: {selector: {app: echo}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: echo}
spec:
  rules:
  - host: echo.test
    http:
      paths: [{path: /, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}]
`);
  pods.push(await startSimPod(t.client, { name: 'echo-0', labels: { app: 'echo' }, ip: '127.1.246.10', colour: 'echo' }));
  await eventually(async () => (await t.ingress('echo.test')).status === 200, 'echo served');
});
after(async () => { await t.close(pods); });

test('without the ConfigMap: the ingress sets X-Forwarded-* itself and hides the backend Server header', async () => {
  const r = await t.ingress('echo.test', '/color', { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' });
  assert.equal(r.headers['server'], undefined);
  assert.equal(r.headers['x-seen-host'], 'echo.test');
  assert.equal(r.headers['x-seen-xff'], '127.0.0.1');
  assert.equal(r.headers['x-seen-real-ip'], '127.0.0.1');
  assert.equal(r.headers['x-seen-proto'], 'http');
  assert.match(String(r.headers['x-seen-request-id']), /^[0-9a-f]{32}$/);
  const withId = await t.ingress('echo.test', '/color', { 'x-request-id': 'trace-1' });
  assert.equal(withId.headers['x-seen-request-id'], 'trace-1');
});

test('the chapter ConfigMap: backend Server header passes, client X-Forwarded-* are trusted', async () => {
  await t.api.k(['apply', '-f', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: nginx-configuration}\ndata: {allow-backend-server-header: "true", use-forwarded-headers: "true"}\n');
  await eventually(async () => (await t.ingress('echo.test')).headers['server'] === 'colour-backend/echo', 'ConfigMap applied');
  const r = await t.ingress('echo.test', '/color', { 'x-forwarded-for': '203.0.113.7, 10.0.0.1', 'x-forwarded-proto': 'https' });
  assert.equal(r.headers['x-seen-real-ip'], '203.0.113.7');
  assert.equal(r.headers['x-seen-xff'], '203.0.113.7');
  assert.equal(r.headers['x-seen-proto'], 'https');
});

test('unknown hosts get the default backend 404; bodies over proxy-body-size get 413; bodies are forwarded', async () => {
  const r = await t.ingress('nobody.test');
  assert.equal(r.status, 404);
  assert.equal(r.body, 'default backend - 404\n');
  const big = await t.send(`${t.ingressUrl}/color`, { host: 'echo.test', method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) });
  assert.equal(big.status, 413);
  const small = await t.send(`${t.ingressUrl}/color`, { host: 'echo.test', method: 'POST', body: '[{"color":"blue"}]' });
  assert.equal(small.status, 200);
  assert.equal(small.headers['x-seen-body'], '18');
  assert.equal(small.headers['x-seen-method'], 'POST');
});
