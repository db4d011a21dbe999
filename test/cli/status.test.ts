// `sluice status`: `<Phase> - <message>` on every change until Healthy (exit 0) or Degraded (exit 1); Paused is not
// terminal; -t ends with an error; --watch=false prints once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { R } from '../../src/api/resources.js';
import type { RolloutStatus } from '../../src/api/rollouts-v1alpha1.js';
import type { KubeClient } from '../../src/control/index.js';
import type { TestApi } from '../harness/api-harness.js';
import { eventually } from '../harness/poll.js';
import { runCli, seed, startCli, startCliCluster } from './_cli-harness.js';
import { demoRollout } from './_canary-world.js';

let api: TestApi;
let client: KubeClient;
let close: () => Promise<void>;
before(async () => { ({ api, client, close } = await startCliCluster()); });
after(async () => { await close(); });

const healthy: RolloutStatus = { observedGeneration: '1', phase: 'Healthy', message: '' };
const degraded: RolloutStatus = { observedGeneration: '1', phase: 'Degraded', message: 'RolloutAborted: Rollout aborted update to revision 2', abort: true };
const pausedStatus: RolloutStatus = { observedGeneration: '1', phase: 'Paused', message: 'CanaryPauseStep', pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2025-01-01T00:00:00Z' }], controllerPause: true };

test('status of a Healthy rollout prints Healthy and exits 0', async () => {
  await seed(client, R.rollouts, demoRollout('h1'), healthy);
  const r = await runCli(['status', 'h1'], { kubeconfig: api.kubeconfig });
  assert.deepEqual([r.code, r.out, r.err], [0, 'Healthy\n', '']);
});

test('status of a Degraded rollout prints the phase, then fails with Argo\'s message', async () => {
  await seed(client, R.rollouts, demoRollout('d1'), degraded);
  const r = await runCli(['status', 'd1'], { kubeconfig: api.kubeconfig });
  assert.equal(r.code, 1);
  assert.equal(r.out, 'Degraded - RolloutAborted: Rollout aborted update to revision 2\n');
  assert.equal(r.err, 'error: The rollout is in a degraded state with message: RolloutAborted: Rollout aborted update to revision 2\n');
});

test('status of a Paused rollout waits: -t ends it with "Rollout status watch exceeded timeout"', async () => {
  await seed(client, R.rollouts, demoRollout('t1'), pausedStatus);
  const r = await runCli(['status', 't1', '-t', '1s'], { kubeconfig: api.kubeconfig });
  assert.equal(r.code, 1);
  assert.equal(r.out, 'Paused - CanaryPauseStep\n');
  assert.equal(r.err, 'error: Rollout status watch exceeded timeout\n');
});

test('status follows the rollout until it turns Healthy, one line per change', async () => {
  await seed(client, R.rollouts, demoRollout('w1'), { observedGeneration: '1', phase: 'Progressing', message: 'more replicas need to be updated' });
  const watch = startCli(['status', 'w1', '--timeout', '30s'], { kubeconfig: api.kubeconfig });
  await eventually(() => watch.io.out !== '', 'first line');
  const patchStatus = (s: RolloutStatus): Promise<unknown> => client.patch(R.rollouts, 'default', 'w1', 'merge', { status: s }, { subresource: 'status' });
  await patchStatus({ phase: 'Progressing', message: 'more replicas need to be updated', replicas: 3 });
  await patchStatus(pausedStatus);
  await eventually(() => watch.io.out.includes('Paused'), 'the paused line');
  await patchStatus({ ...healthy, pauseConditions: null, controllerPause: false } as unknown as RolloutStatus);
  const r = await watch.done;
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, 'Progressing - more replicas need to be updated\nPaused - CanaryPauseStep\nHealthy\n');
});

test('status --watch=false prints once: the phase alone for Healthy/Degraded, else with the message', async () => {
  await seed(client, R.rollouts, demoRollout('o1'), pausedStatus);
  const p = await runCli(['status', 'o1', '--watch=false'], { kubeconfig: api.kubeconfig });
  assert.deepEqual([p.code, p.out], [0, 'Paused - CanaryPauseStep\n']);
  const d = await runCli(['status', 'd1', '--watch', 'false'], { kubeconfig: api.kubeconfig });
  assert.deepEqual([d.code, d.out], [1, 'Degraded\n']);
  const missing = await runCli(['status', 'nope'], { kubeconfig: api.kubeconfig });
  assert.deepEqual([missing.code, missing.err], [1, 'error: rollout "nope" not found in namespace "default"\n']);
});
