// Chapter 5.2.1: blue-green with two Deployments' Services and the NGINX ingress. A load generator runs through
// the switch of demo-ingress from blue-service to green-service, then through the removal of every blue pod;
// not one request may fail, and after the switch every answer is green.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Endpoints } from '../../src/api/core-v1.js';
import { R } from '../../src/api/resources.js';
import { fixture } from '../harness/fixtures.js';
import { startLoadLoop } from '../harness/load-loop.js';
import { startNetworkTest, type NetworkTest } from '../harness/network-harness.js';
import { eventually } from '../harness/poll.js';
import { deletePod, finishPodDeletion, setPodReady, startSimPod, type SimPod } from '../harness/sim-pods.js';

let t: NetworkTest;
const pods: SimPod[] = [];

before(async () => { t = await startNetworkTest(); });
after(async () => { await t.close(pods); });

async function readyIps(service: string): Promise<string[]> {
  const ep = await t.client.get<Endpoints>(R.endpoints, 'default', service).catch(() => undefined);
  return (ep?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip)).sort();
}

test('blue-green switch and blue removal under load: zero failed requests, all green after the switch', async () => {
  for (const f of ['5.4-blue_deployment.yaml', '5.6-green_deployment.yaml', '5.5-blue_ingress.yaml']) await t.api.k(['apply', '-f', fixture('chapter', f)]);
  for (let i = 0; i < 3; i++) {
    pods.push(await startSimPod(t.client, { name: `blue-${i}`, labels: { app: 'blue' }, ip: `127.1.241.${10 + i}`, colour: 'blue' }));
    pods.push(await startSimPod(t.client, { name: `green-${i}`, labels: { app: 'green' }, ip: `127.1.241.${20 + i}`, colour: 'green' }));
  }
  const blue = pods.filter((p) => p.name.startsWith('blue'));
  await eventually(async () => (await readyIps('green-service')).length === 3 && (await t.ingress('demo.info')).body === '"blue"', 'demo.info served by blue');
  const address = await eventually(async () => (await t.api.k(['get', 'ingress', 'demo-ingress', '-o', 'jsonpath={.status.loadBalancer.ingress[0].ip}'])) || false, 'ingress status');
  assert.equal(address, '127.0.0.1');
  assert.match(await t.api.k(['get', 'ingress', 'demo-ingress']), /demo-ingress\s+<none>\s+demo\.info\s+127\.0\.0\.1\s+80/);

  const load = startLoadLoop({ url: `${t.ingressUrl}/color`, host: 'demo.info', concurrency: 8, method: (i) => (i % 2 === 0 ? 'GET' : 'POST') });
  await load.waitFor(500);
  await t.api.k(['apply', '-f', fixture('chapter', '5.7-green_ingress.yaml')]);
  await eventually(async () => (await t.ingress('demo.info')).body === '"green"', 'demo.info switched to green');
  load.mark();
  await load.waitFor(1000);

  for (const p of blue) await setPodReady(t.client, p, false);
  await eventually(async () => (await readyIps('blue-service')).length === 0, 'blue pods out of blue-service');
  for (const p of blue) await deletePod(t.client, p);
  await load.waitFor(300);
  for (const p of blue) await p.backend.stop();
  for (const p of blue) await finishPodDeletion(t.client, p);
  await load.waitFor(1000);

  const stats = await load.stop();
  assert.deepEqual(stats.failures.slice(0, 5), []);
  assert.equal(stats.failed, 0);
  assert.ok(stats.ok > 2800, `only ${stats.ok} requests completed`);
  assert.deepEqual([...stats.bodiesSinceMark.keys()], ['"green"'], 'after the switch every answer is green');
});
