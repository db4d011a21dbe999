// `sluice list rollouts`: Argo's columns and paddings, -A, --name, --timestamps, -o json, and -w printing a line
// for each rollout that changed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../src/lib/clock.js';
import { R } from '../../src/api/resources.js';
import type { Rollout } from '../../src/api/rollouts-v1alpha1.js';
import type { KubeClient } from '../../src/control/index.js';
import type { TestApi } from '../harness/api-harness.js';
import { eventually } from '../harness/poll.js';
import { runCli, startCli, startCliCluster, seed } from './_cli-harness.js';
import { demoRollout } from './_canary-world.js';

let api: TestApi;
let client: KubeClient;
let close: () => Promise<void>;

function blueGreen(name: string, namespace: string): Rollout {
  const ro = demoRollout(name);
  return { ...ro, metadata: { name, namespace }, spec: { ...ro.spec, replicas: 3, strategy: { blueGreen: { activeService: `${name}-active` } } } };
}

before(async () => {
  ({ api, client, close } = await startCliCluster());
  await api.k(['create', 'namespace', 'team-b']);
  await seed(client, R.rollouts, demoRollout('shop'), { currentStepIndex: 2, replicas: 5, updatedReplicas: 3, readyReplicas: 4, availableReplicas: 4, phase: 'Progressing', message: 'more replicas need to be updated', currentPodHash: 'b', stableRS: 'a' });
  await seed(client, R.rollouts, blueGreen('cart', 'team-b'), { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, phase: 'Healthy' });
});
after(async () => { await close(); });

test('list rollouts prints Argo\'s columns for the namespace', async () => {
  const r = await runCli(['list', 'rollouts'], { kubeconfig: api.kubeconfig });
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, [
    'NAME        STRATEGY   STATUS        STEP  SET-WEIGHT  READY  DESIRED  UP-TO-DATE  AVAILABLE',
    'shop        Canary     Progressing   2/4   75          4/5    4        3           4        ',
    '',
  ].join('\n'));
});

test('list rollouts -A adds NAMESPACE and lists every namespace; --name narrows; aliases work', async () => {
  const r = await runCli(['list', 'ro', '-A'], { kubeconfig: api.kubeconfig });
  assert.equal(r.out, [
    'NAMESPACE  NAME        STRATEGY   STATUS        STEP  SET-WEIGHT  READY  DESIRED  UP-TO-DATE  AVAILABLE',
    'default    shop        Canary     Progressing   2/4   75          4/5    4        3           4        ',
    'team-b     cart        BlueGreen  Healthy       -     -           3/3    3        3           3        ',
    '',
  ].join('\n'));
  const one = await runCli(['list', 'rollout', '-A', '--name', 'cart'], { kubeconfig: api.kubeconfig });
  assert.equal(one.out.split('\n').length, 3);
  assert.match(one.out, /\nteam-b +cart +BlueGreen/);
});

test('list rollouts in an empty namespace says so on stderr', async () => {
  const r = await runCli(['list', 'rollouts', '-n', 'nothing-here'], { kubeconfig: api.kubeconfig });
  assert.equal(r.code, 0);
  assert.equal(r.out, '');
  assert.equal(r.err, 'No resources found.\n');
});

test('list rollouts --timestamps prefixes the UTC time; -o json prints the rows', async () => {
  const clock = new ManualClock(Date.UTC(2025, 5, 1, 12, 0, 0, 400));
  const t = await runCli(['list', 'rollouts', '--timestamps'], { kubeconfig: api.kubeconfig, clock });
  assert.match(t.out, /^TIMESTAMP +NAME +STRATEGY/);
  assert.match(t.out, /\n2025-06-01T12:00:00Z +shop +Canary/);
  const j = await runCli(['list', 'rollouts', '-A', '-o', 'json'], { kubeconfig: api.kubeconfig });
  const rows = JSON.parse(j.out) as { namespace: string; name: string; strategy: string; step: string; setWeight: string; ready: string }[];
  assert.deepEqual(rows.map((x) => [x.namespace, x.name, x.strategy, x.step, x.setWeight, x.ready]), [['default', 'shop', 'Canary', '2/4', '75', '4/5'], ['team-b', 'cart', 'BlueGreen', '-', '-', '3/3']]);
});

test('list rollouts -w prints the table, then one line per rollout that changed', async () => {
  const watch = startCli(['list', 'rollouts', '-A', '-w'], { kubeconfig: api.kubeconfig });
  await eventually(() => watch.io.out.includes('cart'), 'the first table');
  await client.patch(R.rollouts, 'team-b', 'cart', 'merge', { status: { phase: 'Progressing', updatedReplicas: 1 } }, { subresource: 'status' });
  await eventually(() => /\nteam-b +cart +BlueGreen +Progressing/.test(watch.io.out), 'the changed line');
  watch.io.interrupt();
  const r = await watch.done;
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trimEnd().split('\n');
  assert.equal(lines.filter((l) => l.startsWith('NAMESPACE')).length, 1, 'one header');
  assert.equal(lines.filter((l) => l.includes(' shop ')).length, 1, 'an unchanged rollout is not printed again');
});
