// Chapter 5.3.1: canary with a second Ingress annotated `nginx.ingress.kubernetes.io/canary`. Weight split
// (exact with the smooth split), weight 100, and the header and cookie rules with ingress-nginx's precedence.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'undici';
import { fixture } from '../harness/fixtures.js';
import { startNetworkTest, type NetworkTest } from '../harness/network-harness.js';
import { eventually } from '../harness/poll.js';
import { setPodReady, startSimPod, type SimPod } from '../harness/sim-pods.js';

let t: NetworkTest;
const pods: SimPod[] = [];
const A = 'nginx.ingress.kubernetes.io/';

before(async () => {
  t = await startNetworkTest();
  for (const f of ['5.4-blue_deployment.yaml', '5.10-green_deployment.yaml', '5.5-blue_ingress.yaml']) await t.api.k(['apply', '-f', fixture('chapter', f)]);
  for (let i = 0; i < 3; i++) pods.push(await startSimPod(t.client, { name: `blue-${i}`, labels: { app: 'blue' }, ip: `127.1.242.${10 + i}`, colour: 'blue' }));
  pods.push(await startSimPod(t.client, { name: 'green-0', labels: { app: 'green' }, ip: '127.1.242.20', colour: 'green' }));
  await eventually(async () => (await t.ingress('demo.info')).body === '"blue"', 'demo.info served by blue');
  await t.api.k(['apply', '-f', fixture('chapter', '5.11-canary_ingress.yaml')]);
  await eventually(async () => (await t.ingress('demo.info', '/color', { 'x-probe': '1' })).body === '"green"', 'the canary answers');
});
after(async () => { await t.close(pods); });

/** Sends `n` requests (32 at a time) and counts bodies. */
async function count(n: number, headers: Record<string, string> = {}): Promise<Map<string, number>> {
  const agent = new Agent({ connections: 32 });
  const out = new Map<string, number>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) {
      next++;
      const res = await request(`${t.ingressUrl}/color`, { dispatcher: agent, headers: { host: 'demo.info', ...headers } });
      const body = await res.body.text();
      out.set(`${res.statusCode} ${body}`, (out.get(`${res.statusCode} ${body}`) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  await agent.close();
  return out;
}

async function annotate(pairs: Record<string, string | null>): Promise<void> {
  const args = Object.entries(pairs).map(([k, v]) => (v === null ? `${A}${k}-` : `${A}${k}=${v}`));
  await t.api.k(['annotate', 'ingress', 'canary-ingress', '--overwrite', ...args]);
}

test('canary-weight 10: of 10,000 requests 1,000 ± 10 are green', async () => {
  const c = await count(10_000);
  const green = c.get('200 "green"') ?? 0;
  assert.equal((c.get('200 "blue"') ?? 0) + green, 10_000, JSON.stringify([...c]));
  assert.ok(Math.abs(green - 1000) <= 10, `green: ${green}`);
});

test('canary-weight 100: everything is green', async () => {
  await annotate({ 'canary-weight': '100' });
  await eventually(async () => (await count(50)).get('200 "green"') === 50, 'weight 100 applied');
  assert.deepEqual([...(await count(500))], [['200 "green"', 500]]);
});

test('canary-by-header: always → canary whatever the weight, never → main, other values fall through', async () => {
  await annotate({ 'canary-weight': '0', 'canary-by-header': 'X-Canary' });
  await eventually(async () => (await t.ingress('demo.info', '/color', { 'x-canary': 'always' })).body === '"green"', 'header rule applied');
  assert.deepEqual([...(await count(100, { 'X-Canary': 'always' }))], [['200 "green"', 100]]);
  assert.deepEqual([...(await count(100, { 'X-Canary': 'maybe' }))], [['200 "blue"', 100]], 'falls through to weight 0');
  await annotate({ 'canary-weight': '100' });
  await eventually(async () => (await t.ingress('demo.info')).body === '"green"', 'weight 100 applied');
  assert.deepEqual([...(await count(100, { 'X-Canary': 'never' }))], [['200 "blue"', 100]]);
  assert.deepEqual([...(await count(100))], [['200 "green"', 100]]);
});

test('canary-by-header-value and canary-by-header-pattern', async () => {
  await annotate({ 'canary-weight': '0', 'canary-by-header-value': 'green' });
  await eventually(async () => (await t.ingress('demo.info', '/color', { 'x-canary': 'green' })).body === '"green"', 'header value applied');
  assert.deepEqual([...(await count(50, { 'X-Canary': 'always' }))], [['200 "blue"', 50]], 'with a custom value, always is just another value');
  await annotate({ 'canary-by-header-value': null, 'canary-by-header-pattern': '^(gr|te)' });
  await eventually(async () => (await t.ingress('demo.info', '/color', { 'x-canary': 'test' })).body === '"green"', 'header pattern applied');
  assert.deepEqual([...(await count(50, { 'X-Canary': 'green-please' }))], [['200 "green"', 50]]);
  assert.deepEqual([...(await count(50, { 'X-Canary': 'blue' }))], [['200 "blue"', 50]]);
});

test('canary-by-cookie: always and never; the header rule wins over the cookie', async () => {
  await annotate({ 'canary-by-header-pattern': null, 'canary-by-cookie': 'canary', 'canary-weight': '0' });
  await eventually(async () => (await t.ingress('demo.info', '/color', { cookie: 'a=1; canary=always' })).body === '"green"', 'cookie rule applied');
  assert.deepEqual([...(await count(50, { cookie: 'canary=always' }))], [['200 "green"', 50]]);
  assert.deepEqual([...(await count(50, { cookie: 'canary=never', 'X-Canary': 'always' }))], [['200 "green"', 50]]);
  await annotate({ 'canary-weight': '100' });
  await eventually(async () => (await t.ingress('demo.info')).body === '"green"', 'weight 100 applied');
  assert.deepEqual([...(await count(50, { cookie: 'canary=never' }))], [['200 "blue"', 50]]);
});

test('a canary without ready endpoints is skipped: traffic stays on main', async () => {
  const green = pods.find((p) => p.name === 'green-0');
  assert.ok(green);
  await setPodReady(t.client, green, false);
  await eventually(async () => (await t.ingress('demo.info')).body === '"blue"', 'canary skipped');
  assert.deepEqual([...(await count(100, { 'X-Canary': 'always' }))], [['200 "blue"', 100]]);
  await setPodReady(t.client, green, true);
  await eventually(async () => (await t.ingress('demo.info')).body === '"green"', 'canary back');
});

test('the chapter\'s last step: weight 100, then blue scaled to 0 — still all green (ingress-nginx would answer 503)', async () => {
  await annotate({ 'canary-weight': '100', 'canary-by-header': null, 'canary-by-cookie': null });
  await eventually(async () => (await count(20)).get('200 "green"') === 20, 'weight 100 applied');
  for (const p of pods.filter((x) => x.name.startsWith('blue'))) await setPodReady(t.client, p, false);
  await eventually(async () => (await t.ingress('demo.info', '/color', { 'x-probe': 'blue-gone' })).status === 200, 'blue gone');
  assert.deepEqual([...(await count(200))], [['200 "green"', 200]]);
  await annotate({ 'canary-weight': '0' });
  await eventually(async () => (await t.ingress('demo.info')).status === 503, 'weight 0 with no blue endpoint: 503');
});
