// Issue 5 acceptance, chapter 5.2.2: a blue-green Rollout behind the chapter's NGINX ingress. The active
// Service moves to green only once the green ReplicaSet has 3 available pods; traffic under continuous load
// never fails and goes from blue to only green; the blue ReplicaSet is scaled down after the 30 s delay.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'undici';
import type { ReplicaSet } from '../../src/api/apps-v1.js';
import type { Service } from '../../src/api/core-v1.js';
import { R } from '../../src/api/resources.js';
import { fixture } from '../harness/fixtures.js';
import { startLoadLoop } from '../harness/load-loop.js';
import { eventually } from '../harness/poll.js';
import { startTestRuntime, type TestRuntime } from '../harness/runtime-harness.js';
import { record, stateBefore } from './_recorder.js';

let rt: TestRuntime;
before(async () => { rt = await startTestRuntime(); });
after(async () => { await rt.close(); });

const HASH = 'rollouts-pod-template-hash';

test('blue-green: switch only after 3 green pods are available, zero failed requests, blue scaled down after the delay', async () => {
  const manifest = readFileSync(fixture('chapter', '5.9-bluegreen_rollout.yaml'), 'utf8');
  await rt.k(['apply', '-f', fixture('chapter', '5.8-ingress.yaml')]);
  await rt.k(['apply', '-f', '-'], manifest);
  const colour = async (): Promise<string> => (await request(`${rt.ingressUrl}/color`, { headers: { host: 'demo.info' } })).body.text();
  await eventually(async () => (await colour()) === '"blue"', 'blue served through the ingress', 60_000);
  const client = rt.runtime.client;
  // The controller adopts demo-service (adds the hash to its selector) once blue is fully available.
  const blueHash = await eventually(async () => (await client.get<Service>(R.services, 'default', 'demo-service')).spec.selector?.[HASH], 'blue hash on the active Service', 60_000);
  const rec = record(client, 'default', [R.replicasets, R.services]);
  const load = startLoadLoop({ url: `${rt.ingressUrl}/color`, host: 'demo.info', concurrency: 6 });
  try {
    await load.waitFor(200);
    await rt.k(['apply', '-f', '-'], manifest.replace('demo:blue', 'demo:green'));
    const switched = await eventually(() => rec.events.find((e) => e.kind === 'Service' && e.object.metadata.name === 'demo-service'
      && ![undefined, blueHash].includes((e.object as Service).spec.selector?.[HASH])), 'the active Service switch', 90_000);
    const switchedAt = Date.now();
    const greenHash = (switched.object as Service).spec.selector?.[HASH] ?? '';
    const greenRS = (await client.list<ReplicaSet>(R.replicasets, 'default')).items.find((r) => r.metadata.labels?.[HASH] === greenHash);
    assert.ok(greenRS, 'green ReplicaSet exists');
    const greenBefore = stateBefore(rec.events, 'ReplicaSet', greenRS.metadata.name ?? '', switched.rv) as ReplicaSet | undefined;
    assert.equal(greenBefore?.status?.availableReplicas, 3, 'green had 3 available pods before the Service moved');
    load.mark();
    await load.waitFor(300);
    assert.deepEqual([...load.stats.bodiesSinceMark.keys()], ['"green"'], 'only green after the switch');
    const blueRS = (await client.list<ReplicaSet>(R.replicasets, 'default')).items.find((r) => r.metadata.labels?.[HASH] !== greenHash && r.metadata.labels?.['app'] === 'demo');
    assert.ok(blueRS);
    const deadline = Date.parse(blueRS.metadata.annotations?.['scale-down-deadline'] ?? '');
    assert.ok(!Number.isNaN(deadline), 'blue carries a scale-down-deadline');
    assert.ok(deadline - switchedAt <= 31_000 && deadline - switchedAt >= 25_000, `deadline about 30 s after the switch (${deadline - switchedAt} ms)`);
    assert.equal(blueRS.spec.replicas, 3, 'blue stays up until the deadline');
    await eventually(async () => (await client.get<ReplicaSet>(R.replicasets, 'default', blueRS.metadata.name ?? '')).spec.replicas === 0, 'blue scaled to 0', 60_000);
    assert.ok(Date.now() >= deadline - 1000, 'not scaled down before its deadline');
  } finally {
    const stats = await load.stop();
    rec.stop();
    assert.equal(stats.failed, 0, `failed requests: ${stats.failures.slice(0, 5).join('; ')} (of ${stats.sent})`);
  }
});
