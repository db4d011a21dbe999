// Each mutating verb against an API server: the object read back must equal the object before with the patch
// Argo's plugin sends applied (the literal patches of pkg/kubectl-argo-rollouts/cmd/*), status through /status.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../src/lib/clock.js';
import { R } from '../../src/api/resources.js';
import type { AnalysisRun, AnalysisTemplate, Rollout, RolloutStatus } from '../../src/api/rollouts-v1alpha1.js';
import type { KubeClient } from '../../src/control/index.js';
import { applyMergePatch } from '../../src/control/testing/merge-patch.js';
import type { TestApi } from '../harness/api-harness.js';
import { runCli, seed, startCliCluster } from './_cli-harness.js';
import { demoRollout } from './_canary-world.js';

let api: TestApi;
let client: KubeClient;
let close: () => Promise<void>;
before(async () => { ({ api, client, close } = await startCliCluster()); });
after(async () => { await close(); });

const sluice = (...args: string[]): ReturnType<typeof runCli> => runCli(args, { kubeconfig: api.kubeconfig });

async function rollout(name: string, status: RolloutStatus, spec: Partial<Rollout['spec']> = {}): Promise<Rollout> {
  const ro = demoRollout(name);
  return seed(client, R.rollouts, { ...ro, spec: { ...ro.spec, ...spec } }, { ...status });
}

/** Runs the command and checks that spec and status became `before` + Argo's merge patch. */
async function expectPatched(name: string, args: string[], argoPatch: string, line: string): Promise<Rollout> {
  const beforeObj = await client.get<Rollout>(R.rollouts, 'default', name);
  const r = await sluice(...args);
  assert.equal(r.err, '');
  assert.equal(r.code, 0);
  assert.equal(r.out, `${line}\n`);
  const afterObj = await client.get<Rollout>(R.rollouts, 'default', name);
  const expected = applyMergePatch({ spec: beforeObj.spec, status: beforeObj.status }, JSON.parse(argoPatch));
  assert.deepEqual({ spec: afterObj.spec, status: afterObj.status }, expected);
  return afterObj;
}

const paused = { currentStepIndex: 1, pauseConditions: [{ reason: 'CanaryPauseStep' as const, startTime: '2025-01-01T00:00:00Z' }], controllerPause: true, currentPodHash: 'b', stableRS: 'a' };

test('promote clears the pause conditions (status subresource)', async () => {
  await rollout('p1', paused);
  await expectPatched('p1', ['promote', 'p1'], '{"status":{"pauseConditions":null}}', "rollout 'p1' promoted");
});

test('promote without a pause condition skips the current step; a paused spec is unpaused too', async () => {
  await rollout('p2', { currentStepIndex: 2, currentPodHash: 'b', stableRS: 'a' }, { paused: true });
  await expectPatched('p2', ['promote', 'p2'], '{"spec":{"paused":false},"status":{"pauseConditions":null,"currentStepIndex":3}}', "rollout 'p2' promoted");
});

test('promote on an inconclusive step analysis also drops controllerPause and moves on', async () => {
  await rollout('p3', { ...paused, pauseConditions: [{ reason: 'InconclusiveAnalysisRun', startTime: '2025-01-01T00:00:00Z' }], canary: { currentStepAnalysisRunStatus: { name: 'x', status: 'Inconclusive' } } });
  await expectPatched('p3', ['promote', 'p3'], '{"status":{"pauseConditions":null,"controllerPause":false,"currentStepIndex":2}}', "rollout 'p3' promoted");
});

test('promote --full sets promoteFull', async () => {
  await rollout('p4', paused);
  await expectPatched('p4', ['promote', 'p4', '--full'], '{"status":{"promoteFull":true}}', "rollout 'p4' fully promoted");
});

test('abort, retry rollout and pause send Argo\'s patches', async () => {
  await rollout('a1', paused);
  await expectPatched('a1', ['abort', 'a1'], '{"status":{"abort":true}}', "rollout 'a1' aborted");
  await expectPatched('a1', ['retry', 'rollout', 'a1'], '{"status":{"abort":false}}', "rollout 'a1' retried");
  await expectPatched('a1', ['pause', 'a1'], '{"spec":{"paused":true}}', "rollout 'a1' paused");
  for (const alias of ['ro', 'rollouts']) assert.equal((await sluice('retry', alias, 'a1')).code, 0);
});

test('several names at once, and a missing one stops with one error line', async () => {
  await rollout('m1', {});
  await rollout('m2', {});
  const r = await sluice('pause', 'm1', 'm2', 'm3');
  assert.equal(r.out, "rollout 'm1' paused\nrollout 'm2' paused\n");
  assert.equal(r.err, 'error: rollout "m3" not found in namespace "default"\n');
  assert.equal(r.code, 1);
});

test('restart --in 30s sets spec.restartAt to now + 30 s (RFC 3339, whole seconds)', async () => {
  await rollout('r1', {});
  const clock = new ManualClock(Date.UTC(2025, 2, 4, 5, 6, 7, 890));
  const beforeObj = await client.get<Rollout>(R.rollouts, 'default', 'r1');
  const r = await runCli(['restart', 'r1', '--in', '30s'], { kubeconfig: api.kubeconfig, clock });
  assert.equal(r.out, "rollout 'r1' restarts in 30s\n");
  const afterObj = await client.get<Rollout>(R.rollouts, 'default', 'r1');
  assert.deepEqual(afterObj.spec, applyMergePatch(beforeObj.spec, { restartAt: '2025-03-04T05:06:37Z' }));
  const now = await runCli(['restart', 'r1'], { kubeconfig: api.kubeconfig, clock });
  assert.equal(now.out, "rollout 'r1' restarts in 0s\n");
  assert.equal((await client.get<Rollout>(R.rollouts, 'default', 'r1')).spec.restartAt, '2025-03-04T05:06:07Z');
  const bad = await sluice('restart', 'r1', '--in', 'soon');
  assert.equal(bad.err, 'error: invalid value "soon" for --in: expected a duration such as 30s, 5m or 1h\n');
});

test('set image updates one container, or with * every container including init containers', async () => {
  const ro = demoRollout('s1');
  const template = ro.spec.template ?? { spec: { containers: [] } };
  await seed(client, R.rollouts, { ...ro, spec: { ...ro.spec, template: { ...template, spec: { ...template.spec, initContainers: [{ name: 'init', image: 'busybox:1' }], containers: [{ name: 'demo', image: 'a:1' }, { name: 'side', image: 'b:1' }] } } } });
  const one = await sluice('set', 'image', 's1', 'demo=a:2');
  assert.equal(one.out, 'rollout "s1" image updated\n');
  const images = async (): Promise<string[]> => {
    const t = (await client.get<Rollout>(R.rollouts, 'default', 's1')).spec.template;
    return [...(t?.spec.initContainers ?? []), ...(t?.spec.containers ?? [])].map((c) => c.image ?? '');
  };
  assert.deepEqual(await images(), ['busybox:1', 'a:2', 'b:1']);
  await sluice('set', 'image', 's1', '*=z:9');
  assert.deepEqual(await images(), ['z:9', 'z:9', 'z:9']);
  const missing = await sluice('set', 'image', 's1', 'nope=x:1');
  assert.equal(missing.err, 'error: unable to find container named "nope"\n');
  const malformed = await sluice('set', 'image', 's1', 'demo');
  assert.equal(malformed.err, 'error: expected CONTAINER=IMAGE (or *=IMAGE), got "demo"\n');
});

test('terminate analysisrun sets spec.terminate', async () => {
  const run: AnalysisRun = { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', metadata: { name: 'run1', namespace: 'default' }, spec: { metrics: [] } };
  await seed(client, R.analysisruns, run);
  const r = await sluice('terminate', 'analysisrun', 'run1');
  assert.equal(r.out, "analysisRun 'run1' terminated\n");
  assert.equal((await client.get<AnalysisRun>(R.analysisruns, 'default', 'run1')).spec.terminate, true);
  assert.equal((await sluice('terminate', 'ar', 'nope')).err, 'error: analysisrun "nope" not found in namespace "default"\n');
});

test('create analysisrun --from merges -a values into the template args; unresolved args are refused', async () => {
  const template: AnalysisTemplate = {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisTemplate', metadata: { name: 'pass', namespace: 'default' },
    spec: { args: [{ name: 'service' }, { name: 'threshold', value: '0.9' }], metrics: [{ name: 'pass', provider: { job: { spec: {} } } }] },
  };
  await seed(client, R.analysistemplates, template);
  const r = await sluice('create', 'analysisrun', '--from', 'pass', '-a', 'service=demo', '--name', 'manual-1');
  assert.equal(r.err, '');
  assert.equal(r.out, 'analysisrun.argoproj.io/manual-1 created\n');
  const run = await client.get<AnalysisRun>(R.analysisruns, 'default', 'manual-1');
  assert.deepEqual(run.spec.args, [{ name: 'service', value: 'demo' }, { name: 'threshold', value: '0.9' }]);
  assert.deepEqual(run.spec.metrics.map((m) => m.name), ['pass']);
  const generated = await sluice('create', 'ar', '--from', 'pass', '-a', 'service=x');
  assert.match(generated.out, /^analysisrun\.argoproj\.io\/pass-[a-z0-9]{5} created\n$/);
  const unresolved = await sluice('create', 'analysisrun', '--from', 'pass');
  assert.equal(unresolved.err, 'error: args.service was not resolved\n');
  const neither = await sluice('create', 'analysisrun');
  assert.equal(neither.err, 'error: one of --from or --from-file must be specified\n');
  const global = await sluice('create', 'analysisrun', '--from', 'pass', '--global');
  assert.equal(global.err, 'error: clusteranalysistemplate "pass" not found\n');
});
