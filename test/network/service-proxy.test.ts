// Services: ClusterIP on its 127.96.x.y address, NodePort on 127.0.0.1, round-robin over ready endpoints,
// 503 at once without any, and a selector switch under load that fails nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'undici';
import { startLoadLoop } from '../harness/load-loop.js';
import { startNetworkTest, type NetworkTest } from '../harness/network-harness.js';
import { eventually } from '../harness/poll.js';
import { startSimPod, type SimPod } from '../harness/sim-pods.js';

let t: NetworkTest;
const pods: SimPod[] = [];
// Fixed addresses, so concurrently running test files (each with its own API server and allocator) do not collide.
const CLUSTER_IP = '127.96.250.10';
const NODE_PORT = 31801;
const EMPTY_NODE_PORT = 31802;

before(async () => { t = await startNetworkTest({ serviceProxies: true }); });
after(async () => { await t.close(pods); });

const service = (name: string, app: string, clusterIP: string, nodePort: number): string => `
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  type: NodePort
  clusterIP: ${clusterIP}
  selector: {app: ${app}}
  ports: [{port: 80, targetPort: 8080, nodePort: ${nodePort}}]
`;

test('NodePort and ClusterIP answer round-robin over the ready endpoints', async () => {
  await t.api.k(['apply', '-f', '-'], service('web', 'blue', CLUSTER_IP, NODE_PORT));
  for (let i = 0; i < 3; i++) pods.push(await startSimPod(t.client, { name: `blue-${i}`, labels: { app: 'blue' }, ip: `127.1.244.${10 + i}`, colour: `blue${i}` }));
  const nodePortUrl = `http://127.0.0.1:${NODE_PORT}/color`;
  await eventually(async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) seen.add((await t.send(nodePortUrl)).body);
    return seen.size === 3;
  }, 'all three endpoints through the NodePort');
  const counts = new Map<string, number>();
  for (let i = 0; i < 30; i++) {
    const r = await t.send(nodePortUrl);
    assert.equal(r.status, 200);
    counts.set(r.body, (counts.get(r.body) ?? 0) + 1);
  }
  assert.deepEqual([...counts.values()], [10, 10, 10], 'round-robin');
  const viaClusterIP = await t.send(`http://${CLUSTER_IP}/color`);
  assert.equal(viaClusterIP.status, 200);
  assert.match(viaClusterIP.body, /"blue\d"/);
  assert.deepEqual(t.net.serviceListeners().sort(), [`127.0.0.1:${NODE_PORT}`, `${CLUSTER_IP}:80`]);
});

test('a Service without ready endpoints answers 503 within a second', async () => {
  await t.api.k(['apply', '-f', '-'], service('empty', 'nobody', '127.96.250.11', EMPTY_NODE_PORT));
  await eventually(async () => t.net.serviceListeners().includes(`127.0.0.1:${EMPTY_NODE_PORT}`), 'listener open');
  const start = performance.now();
  const r = await t.send(`http://127.0.0.1:${EMPTY_NODE_PORT}/color`);
  assert.equal(r.status, 503);
  assert.ok(performance.now() - start < 1000, `took ${performance.now() - start} ms`);
  const viaClusterIP = await t.send('http://127.96.250.11/');
  assert.equal(viaClusterIP.status, 503);
});

test('switching a Service selector under load fails no request', async () => {
  for (let i = 0; i < 2; i++) pods.push(await startSimPod(t.client, { name: `green-${i}`, labels: { app: 'green' }, ip: `127.1.244.${20 + i}`, colour: 'green' }));
  const load = startLoadLoop({ url: `http://127.0.0.1:${NODE_PORT}/color`, concurrency: 8, method: (i) => (i % 2 === 0 ? 'GET' : 'POST') });
  await load.waitFor(500);
  await t.api.k(['patch', 'service', 'web', '-p', '{"spec":{"selector":{"app":"green"}}}']);
  await eventually(async () => (await t.send(`http://127.0.0.1:${NODE_PORT}/color`)).body === '"green"', 'selector switched');
  load.mark();
  await load.waitFor(1000);
  const stats = await load.stop();
  assert.deepEqual(stats.failures.slice(0, 5), []);
  assert.equal(stats.failed, 0);
  assert.deepEqual([...stats.bodiesSinceMark.keys()], ['"green"']);
});

test('a WebSocket through the NodePort reaches an endpoint and talks both ways', async () => {
  const ws = new WebSocket(`ws://127.0.0.1:${NODE_PORT}/socket`);
  const answer = await new Promise<string>((resolve, reject) => {
    ws.addEventListener('open', () => ws.send('hi'));
    ws.addEventListener('message', (e) => { resolve(String(e.data)); ws.close(1000); });
    ws.addEventListener('error', () => reject(new Error('websocket error')));
  });
  assert.equal(answer, 'green:hi');
});

test('a deleted Service stops listening', async () => {
  await t.api.k(['delete', 'service', 'empty']);
  await eventually(async () => !t.net.serviceListeners().includes(`127.0.0.1:${EMPTY_NODE_PORT}`), 'listener closed');
  await assert.rejects(t.send(`http://127.0.0.1:${EMPTY_NODE_PORT}/`), /ECONNREFUSED/);
});
