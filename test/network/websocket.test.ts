// WebSocket through the ingress, as ingress-nginx carries it: the Upgrade reaches the endpoint chosen in turn,
// messages flow both ways on one tunnel, the request is counted as a 101, and an endpoint that refuses the
// connection is skipped. Client: undici's WebSocket (the standard browser API).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'undici';
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
metadata: {name: chat}
spec: {selector: {app: chat}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: chat}
spec:
  rules:
  - http: {paths: [{path: /ws, pathType: Prefix, backend: {service: {name: chat, port: {number: 80}}}}]}
`);
  pods.push(await startSimPod(t.client, { name: 'chat-0', labels: { app: 'chat' }, ip: '127.1.249.30', colour: 'a' }));
  pods.push(await startSimPod(t.client, { name: 'chat-1', labels: { app: 'chat' }, ip: '127.1.249.31', colour: 'b' }));
  await eventually(async () => (await t.send(`${t.ingressUrl}/ws`)).status === 200, 'chat routed');
});
after(async () => { await t.close(pods); });

/** Opens a WebSocket through the ingress, sends each message and collects the answers. */
async function converse(messages: readonly string[]): Promise<string[]> {
  const ws = new WebSocket(`${t.ingressUrl.replace('http', 'ws')}/ws/chat`);
  const answers: string[] = [];
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => { for (const m of messages) ws.send(m); });
    ws.addEventListener('message', (e) => {
      answers.push(String(e.data));
      if (answers.length === messages.length) ws.close(1000);
    });
    ws.addEventListener('close', () => resolve());
    ws.addEventListener('error', () => reject(new Error('websocket error')));
  });
  return answers;
}

const upgrades = async (): Promise<number> => {
  const text = (await t.send(`http://127.0.0.1:${t.net.metricsPort ?? 0}/metrics`)).body;
  return text.split('\n').filter((l) => l.startsWith('nginx_ingress_controller_requests{') && l.includes('status="101"'))
    .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
};

test('messages go both ways over one tunnel; connections take turns over the endpoints', async () => {
  const before = await upgrades();
  const one = await converse(['hello', 'world', 'x'.repeat(1000)]);
  const two = await converse(['again']);
  const prefixes = new Set([one[0]?.split(':')[0], two[0]?.split(':')[0]]);
  assert.deepEqual(one.map((m) => m.slice(2)), ['hello', 'world', 'x'.repeat(1000)]);
  assert.equal(new Set(one.map((m) => m.split(':')[0])).size, 1, 'one tunnel, one endpoint');
  assert.deepEqual([...prefixes].sort(), ['a', 'b'], 'the second connection went to the other endpoint');
  await eventually(async () => (await upgrades()) - before === 2, 'two 101s counted');
});

test('an endpoint that refuses connections is skipped', async () => {
  await pods[0]?.backend.kill();
  for (let i = 0; i < 4; i++) assert.deepEqual(await converse(['ping']), ['b:ping']);
});
