// Issue 4 acceptance, chapter 5.2.1, on the whole runtime: blue and green Deployments (real pods), the NGINX
// Ingress pointed at blue-service, then at green-service, then blue scaled to 0 — under continuous load
// through the ingress, not one request fails, and after the switch every answer is green.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture } from '../harness/fixtures.js';
import { startLoadLoop } from '../harness/load-loop.js';
import { eventually } from '../harness/poll.js';
import { startTestRuntime, type TestRuntime } from '../harness/runtime-harness.js';
import { countColours } from './_colours.js';

let rt: TestRuntime;
before(async () => { rt = await startTestRuntime(); });
after(async () => { await rt.close(); });

const chapter = (f: string): string => fixture('chapter', f);

test('chapter 5.2.1: switching the Ingress from blue to green and removing blue fails no request', async () => {
  await rt.k(['apply', '-f', chapter('5.4-blue_deployment.yaml'), '-f', chapter('5.5-blue_ingress.yaml')]);
  assert.equal((await rt.kubectl(['rollout', 'status', 'deployment/blue', '--timeout=60s'])).code, 0);
  await eventually(async () => (await countColours(`${rt.ingressUrl}/color`, 'demo.info', 20))['"blue"'] === 20, 'demo.info served by blue');
  assert.match(await rt.k(['get', 'ingress', 'demo-ingress']), /demo-ingress\s+<none>\s+demo\.info\s+127\.0\.0\.1\s+80\s/);

  const load = startLoadLoop({ url: `${rt.ingressUrl}/color`, host: 'demo.info', concurrency: 6, method: (i) => (i % 3 === 0 ? 'POST' : 'GET') });
  try {
    await load.waitFor(300);
    await rt.k(['apply', '-f', chapter('5.6-green_deployment.yaml')]);
    assert.equal((await rt.kubectl(['rollout', 'status', 'deployment/green', '--timeout=60s'])).code, 0);
    await load.waitFor(300);
    assert.deepEqual([...load.stats.bodiesSinceMark.keys()], ['"blue"'], 'green is not served before the Ingress points at it');

    await rt.k(['apply', '-f', chapter('5.7-green_ingress.yaml')]);
    // The ingress applies the change within one watch event; from the first green answer on, only green.
    await eventually(async () => (await countColours(`${rt.ingressUrl}/color`, 'demo.info', 1))['"green"'] === 1, 'switched to green');
    load.mark();
    await load.waitFor(500);
    await rt.k(['scale', 'deployment/blue', '--replicas=0']);
    await eventually(async () => (await rt.k(['get', 'pods', '-l', 'app=blue', '-o', 'name'])) === '', 'blue pods gone', 60_000);
    await load.waitFor(500);
    assert.deepEqual([...load.stats.bodiesSinceMark.keys()], ['"green"'], 'after the switch every answer is green');
  } finally {
    const stats = await load.stop();
    assert.equal(stats.failed, 0, `failed requests: ${stats.failures.slice(0, 5).join('; ')} (of ${stats.sent})`);
    assert.ok(stats.ok >= 1600, `only ${stats.ok} requests completed`);
  }
});
