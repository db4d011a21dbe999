// Issue 5 acceptance: a traffic-routed canary with the ingress-nginx router. The canary Ingress appears with
// Argo's name and annotations, the embedded ingress splits at each step's weight (measured), and abort puts
// 100 % back on stable at once with Argo's Degraded message.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Ingress } from '../../src/api/networking-v1.js';
import { R } from '../../src/api/resources.js';
import type { Rollout } from '../../src/api/rollouts-v1alpha1.js';
import { abortRollout, promoteRollout } from '../../src/rollouts/ops/index.js';
import { fixture } from '../harness/fixtures.js';
import { eventually } from '../harness/poll.js';
import { startTestRuntime, type TestRuntime } from '../harness/runtime-harness.js';
import { countColours } from './_colours.js';

let rt: TestRuntime;
before(async () => { rt = await startTestRuntime(); });
after(async () => { await rt.close(); });

test('nginx-routed canary: canary ingress, measured 20 % and 50 %, abort back to 100 % stable', async () => {
  const client = rt.runtime.client;
  const manifest = readFileSync(fixture('rollouts', 'nginx-canary.yaml'), 'utf8');
  const get = (): Promise<Rollout> => client.get<Rollout>(R.rollouts, 'default', 'shop');
  const split = (n: number): Promise<Record<string, number>> => countColours(`${rt.ingressUrl}/color`, 'shop.info', n);
  await rt.k(['apply', '-f', '-'], manifest);
  await eventually(async () => (await get()).status?.phase === 'Healthy', 'first deploy Healthy', 60_000);
  await rt.k(['apply', '-f', '-'], manifest.replace('demo:blue', 'demo:green'));
  await eventually(async () => (await get()).status?.phase === 'Paused', 'paused at step 1', 60_000);
  const canary = await client.get<Ingress>(R.ingresses, 'default', 'shop-shop-canary');
  const a = canary.metadata.annotations ?? {};
  assert.equal(a['nginx.ingress.kubernetes.io/canary'], 'true');
  assert.equal(a['nginx.ingress.kubernetes.io/canary-weight'], '20');
  assert.equal(canary.spec.rules?.[0]?.http?.paths[0]?.backend.service?.name, 'shop-canary');
  assert.equal(canary.metadata.ownerReferences?.[0]?.kind, 'Rollout');
  // The stable side stays at full size in a traffic-routed canary; the canary gets ceil(20 % of 3) = 1 pod.
  const ro = await get();
  assert.equal(ro.status?.canary?.weights?.canary.weight, 20);
  assert.deepEqual(await split(1000), { '"blue"': 800, '"green"': 200 });
  await promoteRollout(client, 'default', 'shop');
  await eventually(async () => (await get()).status?.canary?.weights?.canary.weight === 50 && (await get()).status?.phase === 'Paused', 'weight 50, paused at step 3', 60_000);
  assert.deepEqual(await split(1000), { '"blue"': 500, '"green"': 500 });
  await abortRollout(client, 'default', 'shop');
  await eventually(async () => (await client.get<Ingress>(R.ingresses, 'default', 'shop-shop-canary')).metadata.annotations?.['nginx.ingress.kubernetes.io/canary-weight'] === '0', 'canary weight 0', 30_000);
  assert.deepEqual(await split(500), { '"blue"': 500 });
  const aborted = await eventually(async () => { const r = await get(); return r.status?.phase === 'Degraded' ? r : undefined; }, 'Degraded');
  assert.equal(aborted.status?.message, 'RolloutAborted: Rollout aborted update to revision 2');
});
