// Pods leave under load without a single failed request: gracefully (Ready=False, delete, then the process
// closes its idle keep-alive sockets as the demo app does on SIGTERM), and abruptly (the process dies with
// keep-alive sockets open, before the endpoints controller knows).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Endpoints } from '../../src/api/core-v1.js';
import { R } from '../../src/api/resources.js';
import { startColourBackend } from '../harness/colour-backend.js';
import { startLoadLoop } from '../harness/load-loop.js';
import { startNetworkTest, type NetworkTest } from '../harness/network-harness.js';
import { eventually } from '../harness/poll.js';
import { deletePod, finishPodDeletion, setPodReady, startSimPod, type SimPod } from '../harness/sim-pods.js';

let t: NetworkTest;
const pods: SimPod[] = [];

const manifest = (name: string, app: string): string => `
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  selector: {app: ${app}}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ${name}}
spec:
  rules:
  - host: ${name}.test
    http:
      paths: [{path: /, pathType: Prefix, backend: {service: {name: ${name}, port: {number: 80}}}}]
`;

before(async () => { t = await startNetworkTest(); });
after(async () => { await t.close(pods); });

async function readyIps(service: string): Promise<string[]> {
  const ep = await t.client.get<Endpoints>(R.endpoints, 'default', service).catch(() => undefined);
  return (ep?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip)).sort();
}

test('a pod leaving gracefully under GET and POST load: zero failed requests', async () => {
  await t.api.k(['apply', '-f', '-'], manifest('web', 'web'));
  for (let i = 0; i < 3; i++) pods.push(await startSimPod(t.client, { name: `web-${i}`, labels: { app: 'web' }, ip: `127.1.243.${10 + i}`, colour: `web${i}` }));
  await eventually(async () => (await readyIps('web')).length === 3 && (await t.ingress('web.test')).status === 200, 'web served');
  const load = startLoadLoop({ url: `${t.ingressUrl}/color`, host: 'web.test', concurrency: 12, method: (i) => (i % 3 === 0 ? 'POST' : 'GET') });
  await load.waitFor(1000);
  for (const p of pods.slice(0, 2)) {
    await setPodReady(t.client, p, false);
    await eventually(async () => !(await readyIps('web')).includes(p.ip), `${p.name} out of endpoints`);
    await deletePod(t.client, p);
    await load.waitFor(200);
    await p.backend.stop();
    await finishPodDeletion(t.client, p);
    await load.waitFor(500);
  }
  const stats = await load.stop();
  assert.deepEqual(stats.failures.slice(0, 5), []);
  assert.equal(stats.failed, 0);
  assert.ok(pods[2] !== undefined && pods[2].backend.requests() > 0);
});

test('a pod killed abruptly with open keep-alive sockets, under GET load: zero failed requests', async () => {
  await t.api.k(['apply', '-f', '-'], manifest('api', 'api'));
  const api: SimPod[] = [];
  for (let i = 0; i < 3; i++) api.push(await startSimPod(t.client, { name: `api-${i}`, labels: { app: 'api' }, ip: `127.1.243.${20 + i}`, colour: `api${i}` }));
  pods.push(...api);
  await eventually(async () => (await readyIps('api')).length === 3, 'api endpoints');
  const load = startLoadLoop({ url: `${t.ingressUrl}/color`, host: 'api.test', concurrency: 12 });
  await load.waitFor(1000);
  const victim = api[0];
  assert.ok(victim);
  await victim.backend.kill();
  await load.waitFor(1000);
  // Only now does the "kubelet" notice and report it.
  await setPodReady(t.client, victim, false);
  await eventually(async () => !(await readyIps('api')).includes(victim.ip), 'victim out of endpoints');
  await load.waitFor(500);
  const stats = await load.stop();
  assert.deepEqual(stats.failures.slice(0, 5), []);
  assert.equal(stats.failed, 0);
});

test('SIGTERM before the endpoints change: the pod closes idle keep-alive sockets under POST load, zero failures', async () => {
  await t.api.k(['apply', '-f', '-'], manifest('post', 'post'));
  const post: SimPod[] = [];
  for (let i = 0; i < 3; i++) post.push(await startSimPod(t.client, { name: `post-${i}`, labels: { app: 'post' }, ip: `127.1.243.${40 + i}`, colour: `post${i}` }));
  pods.push(...post);
  await eventually(async () => (await readyIps('post')).length === 3, 'post endpoints');
  const load = startLoadLoop({ url: `${t.ingressUrl}/color`, host: 'post.test', concurrency: 16, method: () => 'POST' });
  for (const p of post.slice(0, 2)) {
    await load.waitFor(1500);
    // The process drains (closes idle sockets, refuses new connections) while still listed as ready.
    await p.backend.stop();
    await load.waitFor(1500);
    await setPodReady(t.client, p, false);
  }
  const stats = await load.stop();
  assert.deepEqual(stats.failures.slice(0, 5), []);
  assert.equal(stats.failed, 0);
});

test('a backend restarted on the same address: stale idle sockets never fail GET or POST', async () => {
  await t.api.k(['apply', '-f', '-'], manifest('solo', 'solo'));
  const solo = await startSimPod(t.client, { name: 'solo-0', labels: { app: 'solo' }, ip: '127.1.243.30', colour: 'one' });
  pods.push(solo);
  await eventually(async () => (await t.ingress('solo.test')).body === '"one"', 'solo served');
  let backend = solo.backend;
  for (let round = 0; round < 5; round++) {
    // Open several keep-alive sockets, then kill the process and start a new one on the same address.
    await Promise.all(Array.from({ length: 8 }, () => t.ingress('solo.test')));
    await backend.kill();
    backend = await startColourBackend(solo.ip, 8080, `round${round}`);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => t.send(`${t.ingressUrl}/color`, i % 2 === 0 ? { host: 'solo.test', method: 'POST', body: '[]' } : { host: 'solo.test' })));
    assert.deepEqual(answers.map((a) => a.status), Array.from({ length: 8 }, () => 200), `round ${round}`);
  }
  await backend.kill();
});
