// `sluice get rollout` against an API server holding what the controller would have written for a canary in the
// middle of an update: the header and tree exactly as Argo's plugin prints them, -o json/yaml, and -w.
/* eslint-disable no-control-regex -- these tests look for ANSI colour codes */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../src/lib/clock.js';
import { R } from '../../src/api/resources.js';
import type { Rollout } from '../../src/api/rollouts-v1alpha1.js';
import type { KubeClient } from '../../src/control/index.js';
import type { TestApi } from '../harness/api-harness.js';
import { eventually } from '../harness/poll.js';
import { runCli, startCli, startCliCluster } from './_cli-harness.js';
import { seedCanaryMidUpdate, V2 } from './_canary-world.js';

let api: TestApi;
let client: KubeClient;
let close: () => Promise<void>;
let clock: ManualClock;

before(async () => {
  ({ api, client, close } = await startCliCluster());
  const ro = await seedCanaryMidUpdate(client, new Date().toISOString());
  // Ages are computed at this clock: 2m5s after the Rollout was created (objects made a second later read 2m4s).
  clock = new ManualClock(Date.parse(ro.metadata.creationTimestamp ?? '') + 125_000);
});
after(async () => { await close(); });

const normalizeAges = (s: string): string => s.replace(/\b2m\ds\b/g, '2m_s');

const EXPECTED = `Name:            demo
Namespace:       default
Status:          ॥ Paused
Message:         CanaryPauseStep
Strategy:        Canary
  Step:          1/4
  SetWeight:     25
  ActualWeight:  25
Images:          argoproj/rollouts-demo:blue (stable)
                 argoproj/rollouts-demo:green (canary)
Replicas:
  Desired:       4
  Current:       4
  Updated:       1
  Ready:         4
  Available:     4

NAME                             KIND         STATUS     AGE   INFO
⟳ demo                           Rollout      ॥ Paused   2m_s  
├──# revision:2                                                
│  ├──⧉ demo-59d8c7f6b           ReplicaSet   ✔ Healthy  2m_s  canary
│  │  └──□ demo-59d8c7f6b-x2q7t  Pod          ✔ Running  2m_s  ready:1/1,restarts:2
│  └──α demo-59d8c7f6b-2         AnalysisRun  ◌ Running  2m_s  ✔ 3
└──# revision:1                                                
   └──⧉ demo-6c9f7d8b4           ReplicaSet   ✔ Healthy  2m_s  stable
      ├──□ demo-6c9f7d8b4-a1x2q  Pod          ✔ Running  2m_s  ready:1/1
      ├──□ demo-6c9f7d8b4-b7k3z  Pod          ✔ Running  2m_s  ready:1/1
      └──□ demo-6c9f7d8b4-c3m9p  Pod          ✔ Running  2m_s  ready:1/1
`;

test('get rollout prints the header and the tree of a canary paused mid-update, revisions newest first', async () => {
  const r = await runCli(['get', 'rollout', 'demo'], { kubeconfig: api.kubeconfig, clock });
  assert.equal(r.code, 0, r.err);
  assert.equal(normalizeAges(r.out), EXPECTED);
  for (const alias of ['ro', 'rollouts']) {
    const again = await runCli(['get', alias, 'demo', '--no-color'], { kubeconfig: api.kubeconfig, clock });
    assert.equal(normalizeAges(again.out), EXPECTED, `alias ${alias}`);
  }
});

test('get rollout colours icons and tags only when asked (FORCE_COLOR) and never with --no-color or TERM=dumb', async () => {
  const colored = await runCli(['get', 'rollout', 'demo'], { kubeconfig: api.kubeconfig, clock, env: { FORCE_COLOR: '1' } });
  assert.match(colored.out, /\x1b\[32m✔\x1b\[0m Healthy/);
  assert.match(colored.out, /\x1b\[33mcanary\x1b\[0m/);
  const plain = await runCli(['get', 'rollout', 'demo', '--no-color'], { kubeconfig: api.kubeconfig, clock, env: { FORCE_COLOR: '1' } });
  assert.doesNotMatch(plain.out, /\x1b\[/);
  const dumb = await runCli(['get', 'rollout', 'demo'], { kubeconfig: api.kubeconfig, clock, env: { FORCE_COLOR: '1', TERM: 'dumb' } });
  assert.doesNotMatch(dumb.out, /\x1b\[/);
  // Colour codes do not disturb the alignment.
  assert.equal(normalizeAges(colored.out.replace(/\x1b\[[0-9;]*m/g, '')), EXPECTED);
});

test('get rollout -o json / yaml prints the same view as structured data', async () => {
  const r = await runCli(['get', 'rollout', 'demo', '-o', 'json'], { kubeconfig: api.kubeconfig, clock });
  assert.equal(r.code, 0, r.err);
  const info = JSON.parse(r.out) as { status: string; step: string; setWeight: number; revisions: { revision: number; replicaSets: { name: string; tags: string[]; pods: unknown[] }[]; analysisRuns: { name: string; successful: number }[] }[] };
  assert.equal(info.status, 'Paused');
  assert.equal(info.step, '1/4');
  assert.equal(info.setWeight, 25);
  assert.deepEqual(info.revisions.map((x) => x.revision), [2, 1]);
  assert.deepEqual(info.revisions[0]?.replicaSets[0]?.tags, ['canary']);
  assert.equal(info.revisions[0]?.analysisRuns[0]?.successful, 3);
  assert.equal(info.revisions[1]?.replicaSets[0]?.pods.length, 3);
  const y = await runCli(['get', 'rollout', 'demo', '-o', 'yaml'], { kubeconfig: api.kubeconfig, clock });
  assert.match(y.out, /^name: demo\nnamespace: default\nstatus: Paused\n/);
  const bad = await runCli(['get', 'rollout', 'demo', '-o', 'wide'], { kubeconfig: api.kubeconfig });
  assert.equal(bad.code, 1);
  assert.equal(bad.err, 'error: unknown output format "wide": use -o json or -o yaml\n');
});

test('get rollout of a missing rollout is one error line naming the namespace', async () => {
  const r = await runCli(['get', 'rollout', 'nope', '-n', 'elsewhere'], { kubeconfig: api.kubeconfig });
  assert.equal(r.code, 1);
  assert.equal(r.out, '');
  assert.equal(r.err, 'error: rollout "nope" not found in namespace "elsewhere"\n');
});

test('get rollout -w re-renders on a change of the rollout and of its pods, and stops on Ctrl-C', async () => {
  const watch = startCli(['get', 'rollout', 'demo', '-w'], { kubeconfig: api.kubeconfig });
  await eventually(() => watch.io.out.includes('॥ Paused'), 'first frame');
  const frames = (): number => watch.io.out.split('Name:            demo').length - 1;
  const before = frames();
  await client.patch<Rollout>(R.rollouts, 'default', 'demo', 'merge', { status: { abort: true, phase: 'Degraded', message: 'RolloutAborted: Rollout aborted update to revision 2' } }, { subresource: 'status' });
  await eventually(() => watch.io.out.includes('✖ Degraded'), 'a frame after the status change');
  await client.delete(R.pods, 'default', `demo-${V2}-x2q7t`);
  await eventually(() => !(watch.io.out.split('Name:            demo').pop() ?? '').includes('x2q7t'), 'a frame without the deleted pod');
  assert.ok(frames() > before);
  watch.io.interrupt();
  const r = await watch.done;
  assert.equal(r.code, 0, r.err);
  assert.doesNotMatch(r.out, /\x1b\[H/, 'no screen clearing when stdout is not a terminal');
});

test('get rollout -w --timeout-seconds ends the watch by itself', async () => {
  const r = await runCli(['get', 'rollout', 'demo', '-w', '--timeout-seconds', '1', '-o', 'json'], { kubeconfig: api.kubeconfig });
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.ok(lines.length >= 1);
  assert.equal((JSON.parse(lines[0] ?? '{}') as { name: string }).name, 'demo');
});
