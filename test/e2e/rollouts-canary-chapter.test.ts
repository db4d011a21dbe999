// Issue 5 acceptance, chapter 5.3.2: canary_rollout.yaml (3 replicas, maxSurge 25 %, maxUnavailable 0,
// setWeight 10, pause 60 s). After the update there are 1 green and 3 blue pods (the chapter's "25 %") and the
// rollout is Paused; after the pause it is fully green and Healthy with the blue ReplicaSet at 0.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ReplicaSet } from '../../src/api/apps-v1.js';
import type { Pod } from '../../src/api/core-v1.js';
import { R } from '../../src/api/resources.js';
import type { Rollout } from '../../src/api/rollouts-v1alpha1.js';
import { fixture } from '../harness/fixtures.js';
import { eventually } from '../harness/poll.js';
import { startTestRuntime, type TestRuntime } from '../harness/runtime-harness.js';
import { countColours } from './_colours.js';

let rt: TestRuntime;
before(async () => { rt = await startTestRuntime(); });
after(async () => { await rt.close(); });

test('the chapter\'s canary: 1 green + 3 blue while paused for 60 s, then all green and Healthy', async () => {
  const client = rt.runtime.client;
  const manifest = readFileSync(fixture('chapter', '5.12-canary_rollout.yaml'), 'utf8');
  await rt.k(['apply', '-f', fixture('chapter', '5.8-ingress.yaml')]);
  await rt.k(['apply', '-f', '-'], manifest);
  const phase = async (): Promise<string | undefined> => (await client.get<Rollout>(R.rollouts, 'default', 'demo')).status?.phase;
  await eventually(async () => (await phase()) === 'Healthy', 'the first deploy is Healthy', 60_000);
  await rt.k(['apply', '-f', '-'], manifest.replace('demo:blue', 'demo:green'));
  await eventually(async () => (await phase()) === 'Paused', 'Paused at the pause step', 60_000);
  const running = async (): Promise<Record<string, number>> => {
    const pods = (await client.list<Pod>(R.pods, 'default', { labelSelector: 'app=demo' })).items.filter((p) => p.metadata.deletionTimestamp === undefined);
    const out: Record<string, number> = {};
    for (const p of pods) out[p.spec.containers[0]?.image ?? ''] = (out[p.spec.containers[0]?.image ?? ''] ?? 0) + 1;
    return out;
  };
  await eventually(async () => { const r = await running(); return r['argoproj/rollouts-demo:green'] === 1 && r['argoproj/rollouts-demo:blue'] === 3; }, '1 green and 3 blue pods');
  const ro = await client.get<Rollout>(R.rollouts, 'default', 'demo');
  assert.equal(ro.status?.pauseConditions?.[0]?.reason, 'CanaryPauseStep');
  assert.equal(ro.status?.currentStepIndex, 1);
  // Without a traffic router the Service spreads requests over the pods: a quarter go to green.
  const split = await countColours(`${rt.ingressUrl}/color`, 'demo.info', 400);
  assert.equal(split['"green"'], 100, JSON.stringify(split));
  const pausedAt = Date.parse(ro.status?.pauseConditions?.[0]?.startTime ?? '');
  await eventually(async () => (await phase()) === 'Healthy', 'Healthy after the 60 s pause', 120_000, 250);
  assert.ok(Date.now() - pausedAt >= 59_000, 'the pause lasted its 60 s');
  const rsList = (await client.list<ReplicaSet>(R.replicasets, 'default', { labelSelector: 'app=demo' })).items;
  const byImage = Object.fromEntries(rsList.map((r) => [r.spec.template.spec.containers[0]?.image ?? '', r.spec.replicas]));
  assert.deepEqual(byImage, { 'argoproj/rollouts-demo:green': 3, 'argoproj/rollouts-demo:blue': 0 });
  await eventually(async () => { const r = await running(); return r['argoproj/rollouts-demo:green'] === 3 && r['argoproj/rollouts-demo:blue'] === undefined; }, 'only green pods');
  assert.deepEqual(await countColours(`${rt.ingressUrl}/color`, 'demo.info', 100), { '"green"': 100 });
});
