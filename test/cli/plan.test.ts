// `sluice plan -f`: the chapter's canary (5.12) and blue-green (5.9) updates simulated with the controller's planner,
// drawn stage by stage, and the same stage table as JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture } from '../harness/fixtures.js';
import { runCli } from './_cli-harness.js';

interface Stage { label: string; stepIndex?: number; canaryReplicas: number; stableReplicas: number; weight: number; setWeight?: number; pause?: string; pauseSeconds?: number; startSeconds: number }
interface PlanJson { rollout: string; strategy: string; outcome: string; stages: Stage[] }

test('plan of listing 5.12 charts each canary step: 1 new pod beside 3 old (25 %), a 60 s pause, then all new', async () => {
  const r = await runCli(['plan', '-f', fixture('chapter', '5.12-canary_rollout.yaml')]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, `Rollout "demo": canary, 2 steps, 3 replicas — simulated update (pods ready 1s after scaling, analysis succeeds)

+0s    Before the update
       canary   ░░░░░░░░░░░░░░░░░░░░  0 pods (new version)
       stable   ████████████████████  3 pods
       traffic  ░░░░░░░░░░░░░░░░░░░░  0% to the new version

+0s    Step 1 of 2: setWeight: 10
       canary   ██████▋░░░░░░░░░░░░░  1 pod (new version)
       stable   ████████████████████  3 pods
       traffic  █████░░░░░░░░░░░░░░░  25% to the new version (setWeight 10; pods approximate it)

+2s    Step 2 of 2: pause: 60   ॥ pauses 60s
       canary   ██████▋░░░░░░░░░░░░░  1 pod (new version)
       stable   ████████████████████  3 pods
       traffic  █████░░░░░░░░░░░░░░░  25% to the new version (setWeight 10; pods approximate it)

+64s   All steps complete: the canary scales to full size
       canary   ████████████████████  3 pods (new version)
       stable   ██████▋░░░░░░░░░░░░░  1 pod
       traffic  ███████████████░░░░░  75% to the new version

+70s   Promoted: the new version is stable, the old one scaled down
       canary   ████████████████████  3 pods (new version)
       stable   ░░░░░░░░░░░░░░░░░░░░  0 pods
       traffic  ████████████████████  100% to the new version

Done: the new version is stable.
`);
});

test('plan -o json prints the stage table', async () => {
  const r = await runCli(['plan', '-f', fixture('chapter', '5.12-canary_rollout.yaml'), '-o', 'json']);
  const [plan] = JSON.parse(r.out) as PlanJson[];
  assert.equal(plan?.rollout, 'demo');
  assert.equal(plan?.outcome, 'completed');
  assert.deepEqual(plan?.stages.map((s) => [s.label, s.canaryReplicas, s.stableReplicas, s.weight, s.pause ?? '-', s.pauseSeconds ?? 0]), [
    ['before update', 0, 3, 0, '-', 0],
    ['setWeight: 10', 1, 3, 25, '-', 0],
    ['pause: 60', 1, 3, 25, 'timed', 60],
    ['all steps complete', 3, 1, 75, '-', 0],
    ['promoted', 3, 0, 100, '-', 0],
  ]);
});

test('plan of listing 5.9 (blue-green): the new stack comes up without traffic, takes 100 % at once, the old goes 30 s later', async () => {
  const r = await runCli(['plan', '-f', fixture('chapter', '5.9-bluegreen_rollout.yaml'), '-o', 'json']);
  const [plan] = JSON.parse(r.out) as PlanJson[];
  assert.equal(plan?.strategy, 'BlueGreen');
  assert.deepEqual(plan?.stages.map((s) => [s.label, s.canaryReplicas, s.stableReplicas, s.weight, s.startSeconds]), [
    ['before update', 0, 3, 0, 0],
    ['preview', 3, 3, 0, 0],
    ['switch', 3, 3, 100, 2],
    ['promoted', 3, 0, 100, 33],
  ]);
  const chart = await runCli(['plan', '-f', fixture('chapter', '5.9-bluegreen_rollout.yaml')]);
  assert.match(chart.out, /\+2s {4}Switch: the active Service selects the new version[^\n]*\n {7}new {6}█{20} {2}3 pods \(new version\)\n {7}old {6}█{20} {2}3 pods\n {7}traffic {2}█{20} {2}100% to the new version\n/);
});

test('plan marks a pause that waits for promote and analysis steps; a broken file is one error line', async () => {
  const r = await runCli(['plan', '-f', fixture('cli', 'plan-analysis.yaml')]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Step 2 of 4: pause {3}॥ waits for `sluice promote`/);
  assert.match(r.out, /Step 3 of 4: analysis {3}α analysis: Step \(assumed Successful\)/);
  const printed = fixture('chapter', '5.9-bluegreen_rollout.as-printed.yaml');
  const bad = await runCli(['plan', '-f', printed]);
  assert.deepEqual([bad.code, bad.err], [1, `error: ${printed} defines no Rollout (check with: sluice lint -f ${printed})\n`]);
});
