// The ingress served by several processes sharing its port: traffic is spread, routing changes reach every
// process, the weight split stays exact within a few requests, and /metrics adds up every process.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'undici';
import { fixture } from '../harness/fixtures.js';
import { startLoadLoop } from '../harness/load-loop.js';
import { startNetworkTest, type NetworkTest } from '../harness/network-harness.js';
import { eventually } from '../harness/poll.js';
import { startSimPod, type SimPod } from '../harness/sim-pods.js';

let t: NetworkTest;
const pods: SimPod[] = [];

before(async () => {
  t = await startNetworkTest({ ingressProcesses: 3 });
  for (const f of ['5.4-blue_deployment.yaml', '5.6-green_deployment.yaml', '5.5-blue_ingress.yaml']) await t.api.k(['apply', '-f', fixture('chapter', f)]);
  for (let i = 0; i < 2; i++) {
    pods.push(await startSimPod(t.client, { name: `blue-${i}`, labels: { app: 'blue' }, ip: `127.1.248.${10 + i}`, colour: 'blue' }));
    pods.push(await startSimPod(t.client, { name: `green-${i}`, labels: { app: 'green' }, ip: `127.1.248.${20 + i}`, colour: 'green' }));
  }
});
after(async () => { await t.close(pods); });

/** `n` requests over 48 fresh connections (so every process gets some); counts by status and body. */
async function spread(n: number): Promise<Map<string, number>> {
  const agent = new Agent({ connections: 48, pipelining: 1 });
  const out = new Map<string, number>();
  let next = 0;
  await Promise.all(Array.from({ length: 48 }, async () => {
    while (next < n) {
      next++;
      const res = await request(`${t.ingressUrl}/color`, { dispatcher: agent, headers: { host: 'demo.info' } });
      const k = `${res.statusCode} ${await res.body.text()}`;
      out.set(k, (out.get(k) ?? 0) + 1);
    }
  }));
  await agent.close();
  return out;
}

async function totalRequests(): Promise<number> {
  const text = await t.net.renderMetrics();
  return text.split('\n').filter((l) => l.startsWith('nginx_ingress_controller_requests{')).reduce((s, l) => s + Number(l.split(' ').pop()), 0);
}

test('every process routes the same way; switching the backend under load fails nothing', async () => {
  // Every process has the route once 48 fresh connections all get blue.
  await eventually(async () => (await spread(96)).get('200 "blue"') === 96, 'all processes route demo.info');
  const load = startLoadLoop({ url: `${t.ingressUrl}/color`, host: 'demo.info', concurrency: 16 });
  await load.waitFor(1000);
  await t.api.k(['apply', '-f', fixture('chapter', '5.7-green_ingress.yaml')]);
  await eventually(async () => (await spread(96)).get('200 "green"') === 96, 'all processes switched');
  load.mark();
  await load.waitFor(1000);
  const stats = await load.stop();
  assert.deepEqual(stats.failures.slice(0, 5), []);
  assert.equal(stats.failed, 0);
  assert.deepEqual([...stats.bodiesSinceMark.keys()], ['"green"']);
});

test('/metrics adds up the requests of every process', async () => {
  const before = await totalRequests();
  await spread(3000);
  assert.equal(await totalRequests() - before, 3000);
});

test('canary weight 10 across processes: 10,000 requests give 1,000 ± 10 canary answers', async () => {
  await t.api.k(['apply', '-f', '-'], `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: canary-ingress
  annotations: {nginx.ingress.kubernetes.io/canary: "true", nginx.ingress.kubernetes.io/canary-weight: "10", nginx.ingress.kubernetes.io/canary-by-header: X-Canary}
spec:
  rules:
  - host: demo.info
    http:
      paths: [{path: /, pathType: ImplementationSpecific, backend: {service: {name: blue-service, port: {number: 80}}}}]
`);
  // Every process knows the canary once 48 fresh connections asking for it by header all get blue.
  await eventually(async () => {
    const agent = new Agent({ connections: 48 });
    const bodies = await Promise.all(Array.from({ length: 48 }, async () => (await request(`${t.ingressUrl}/color`, { dispatcher: agent, headers: { host: 'demo.info', 'x-canary': 'always' } })).body.text()));
    await agent.close();
    return bodies.every((b) => b === '"blue"');
  }, 'the canary in every process');
  const c = await spread(10_000);
  const blue = c.get('200 "blue"') ?? 0;
  assert.equal(blue + (c.get('200 "green"') ?? 0), 10_000);
  assert.ok(Math.abs(blue - 1000) <= 10, `canary (blue) answers: ${blue}`);
});
