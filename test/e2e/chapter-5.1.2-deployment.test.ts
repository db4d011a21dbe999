// Issue 3 acceptance, chapter 5.1.2: a Deployment rolls blue ×3 to green within maxSurge/maxUnavailable at
// every state a watcher can observe, keeps both ReplicaSets, and `kubectl rollout status|history|undo` work
// as on Kubernetes; deployment2.yaml (maxSurge 3, maxUnavailable 3) switches in one step.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ReplicaSet } from '../../src/api/apps-v1.js';
import type { Pod } from '../../src/api/core-v1.js';
import { R } from '../../src/api/resources.js';
import { fixture } from '../harness/fixtures.js';
import { eventually } from '../harness/poll.js';
import { startTestRuntime, type TestRuntime } from '../harness/runtime-harness.js';
import { record, type Recorded } from './_recorder.js';

let rt: TestRuntime;
before(async () => { rt = await startTestRuntime(); });
after(async () => { await rt.close(); });

const deployment = readFileSync(fixture('chapter', '5.2-deployment.yaml'), 'utf8');
const isReady = (p: Pod): boolean => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;

/** Replays recorded events in resourceVersion order and returns, per state, live pods and available pods. */
function podStates(events: readonly Recorded[]): { rv: number; live: number; available: number }[] {
  const pods = new Map<string, Pod>();
  const out: { rv: number; live: number; available: number }[] = [];
  for (const e of events) {
    if (e.kind !== 'Pod') continue;
    const name = e.object.metadata.name ?? '';
    if (e.type === 'DELETED') pods.delete(name); else pods.set(name, e.object as Pod);
    const live = [...pods.values()].filter((p) => p.metadata.deletionTimestamp === undefined && !['Succeeded', 'Failed'].includes(p.status?.phase ?? ''));
    out.push({ rv: e.rv, live: live.length, available: live.filter(isReady).length });
  }
  return out;
}

/** The sequence of distinct spec.replicas values each ReplicaSet went through, by name. */
function replicaHistory(events: readonly Recorded[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const e of events) {
    if (e.kind !== 'ReplicaSet' || e.type === 'DELETED') continue;
    const seq = out.get(e.object.metadata.name ?? '') ?? [];
    const n = (e.object as ReplicaSet).spec.replicas ?? 0;
    if (seq.at(-1) !== n) seq.push(n);
    out.set(e.object.metadata.name ?? '', seq);
  }
  return out;
}

const listRS = async (): Promise<ReplicaSet[]> => (await rt.runtime.client.list<ReplicaSet>(R.replicasets, 'default')).items;
const byImage = async (colour: string): Promise<ReplicaSet | undefined> => (await listRS()).find((r) => r.spec.template.spec.containers[0]?.image === `argoproj/rollouts-demo:${colour}`);
const settled = async (): Promise<boolean> => (await rt.kubectl(['rollout', 'status', 'deployment/demo', '--timeout=1s'])).code === 0;

test('chapter 5.1.2: blue ×2 → ×3 → green within maxSurge/maxUnavailable; status, history and undo', async () => {
  await rt.k(['apply', '-f', '-'], deployment);
  await eventually(settled, 'blue ×2 rolled out', 60_000);
  await rt.k(['apply', '-f', '-'], deployment.replace('replicas: 2', 'replicas: 3'));
  await eventually(settled, 'blue ×3 rolled out', 60_000);
  const blue = await byImage('blue');
  assert.ok(blue);
  assert.ok(blue.metadata.name?.startsWith('demo-'));
  assert.equal(blue.spec.replicas, 3);

  const rec = record(rt.runtime.client, 'default', [R.pods, R.replicasets]);
  await eventually(() => rec.events.filter((e) => e.kind === 'Pod').length >= 3 && rec.events.some((e) => e.kind === 'ReplicaSet'), 'recorder caught up');
  const caughtUp = Math.max(...rec.events.map((e) => e.rv));
  await rt.k(['apply', '-f', '-'], deployment.replace('replicas: 2', 'replicas: 3').replace('rollouts-demo:blue', 'rollouts-demo:green'));
  // kubectl rollout status follows the rollout and exits 0 once it is complete, as on Kubernetes.
  const status = await rt.kubectl(['rollout', 'status', 'deployment/demo', '--timeout=90s']);
  assert.equal(status.code, 0, status.stderr);
  assert.match(status.stdout, /deployment "demo" successfully rolled out\n$/);
  await eventually(async () => (await listRS()).every((r) => (r.status?.replicas ?? 0) === (r.spec.replicas ?? 0)), 'old pods gone');
  rec.stop();

  // Default strategy for 3 replicas: maxSurge ceil(25% of 3) = 1, maxUnavailable floor(25% of 3) = 0.
  const states = podStates(rec.events).filter((s) => s.rv > caughtUp);
  assert.ok(states.length > 6, 'the recorder saw the rollout');
  for (const s of states) {
    assert.ok(s.live <= 4, `at rv ${s.rv}: ${s.live} pods > replicas + maxSurge`);
    assert.ok(s.available >= 3, `at rv ${s.rv}: ${s.available} available < replicas − maxUnavailable`);
  }
  const green = await byImage('green');
  const blueNow = await byImage('blue');
  assert.equal(green?.spec.replicas, 3);
  assert.equal(green.status?.availableReplicas, 3);
  assert.ok(blueNow);
  assert.equal(blueNow.metadata.name, blue.metadata.name, 'the blue ReplicaSet is kept');
  assert.equal(blueNow.spec.replicas, 0);
  assert.equal((await listRS()).length, 2);
  const steps = replicaHistory(rec.events);
  assert.deepEqual(steps.get(blue.metadata.name ?? ''), [3, 2, 1, 0], 'blue went down one pod at a time');
  assert.deepEqual(steps.get(green.metadata.name ?? ''), [1, 2, 3], 'green went up one pod at a time');

  const history = await rt.k(['rollout', 'history', 'deployment/demo']);
  assert.match(history, /^deployment\.apps\/demo \nREVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n\n$/);
  assert.match(await rt.k(['rollout', 'history', 'deployment/demo', '--revision=1']), /Image:\s+argoproj\/rollouts-demo:blue/);

  assert.match(await rt.k(['rollout', 'undo', 'deployment/demo']), /deployment\.apps\/demo rolled back/);
  await eventually(async () => (await rt.k(['get', 'deploy', 'demo', '-o', 'jsonpath={.status.observedGeneration}'])) === await rt.k(['get', 'deploy', 'demo', '-o', 'jsonpath={.metadata.generation}']), 'undo observed');
  assert.equal((await rt.kubectl(['rollout', 'status', 'deployment/demo', '--timeout=90s'])).code, 0);
  const rss = await listRS();
  assert.equal(rss.length, 2, 'undo made no new ReplicaSet');
  const back = await byImage('blue');
  assert.ok(back);
  assert.equal(back.metadata.name, blue.metadata.name, 'the blue ReplicaSet came back');
  assert.equal(back.spec.replicas, 3);
  assert.equal(back.metadata.annotations?.['deployment.kubernetes.io/revision'], '3');
  assert.match(await rt.k(['rollout', 'history', 'deployment/demo']), /\n2\s+<none>\n3\s+<none>\n/);
});

test('chapter 5.1.2: deployment2.yaml (maxSurge 3, maxUnavailable 3) switches in one step', async () => {
  const two = readFileSync(fixture('chapter', '5.3-deployment2.yaml'), 'utf8');
  assert.match(await rt.k(['get', 'deploy', 'demo', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']), /blue$/);
  const rec = record(rt.runtime.client, 'default', [R.replicasets]);
  await eventually(() => rec.events.length >= 2, 'recorder caught up');
  await rt.k(['apply', '-f', '-'], two.replace('rollouts-demo:blue', 'rollouts-demo:green'));
  assert.equal((await rt.kubectl(['rollout', 'status', 'deployment/demo', '--timeout=90s'])).code, 0);
  rec.stop();
  const green = await byImage('green');
  const blue = await byImage('blue');
  assert.ok(green && blue);
  const steps = replicaHistory(rec.events);
  assert.deepEqual(steps.get(green.metadata.name ?? ''), [0, 3], 'green scaled 0 → 3 at once');
  assert.deepEqual(steps.get(blue.metadata.name ?? ''), [3, 0], 'blue scaled 3 → 0 at once');
  assert.equal(await rt.k(['get', 'deploy', 'demo', '-o', 'jsonpath={.spec.strategy.rollingUpdate.maxSurge}/{.spec.strategy.rollingUpdate.maxUnavailable}']), '3/3');
});
