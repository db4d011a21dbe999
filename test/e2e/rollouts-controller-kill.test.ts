// Issue 5 acceptance: the controller binary in cluster mode (`sluice controller --kubeconfig`, HTTPS, no
// in-process shortcuts) against the embedded runtime, killed with SIGKILL at random moments during a
// multi-step canary and restarted: the rollout completes with the right ReplicaSets and weights, and no
// ReplicaSet is ever duplicated. Also: leader election hands over on a graceful stop.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReplicaSet } from '../../src/api/apps-v1.js';
import type { Ingress } from '../../src/api/networking-v1.js';
import { R } from '../../src/api/resources.js';
import type { Rollout } from '../../src/api/rollouts-v1alpha1.js';
import { clientFromKubeconfig } from '../../src/control/client-from-kubeconfig.js';
import { fixture } from '../harness/fixtures.js';
import { runKubectl } from '../harness/kubectl.js';
import { eventually } from '../harness/poll.js';
import { privateRangeArgs } from '../harness/runtime-harness.js';
import { sluiceCommand, spawnRuntime, type RuntimeProcess } from '../harness/runtime-process.js';
import { countColours } from './_colours.js';

const dir = mkdtempSync(join(tmpdir(), 'sluice-kill-'));
let runtime: RuntimeProcess | undefined;
const controllers: ChildProcess[] = [];
after(async () => {
  for (const c of controllers) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await runtime?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

function startController(kubeconfig: string, leaderElect: boolean): ChildProcess {
  const child = spawn(process.execPath, [...sluiceCommand(), 'controller', '--kubeconfig', kubeconfig,
    '--leader-elect', String(leaderElect), '--lease-namespace', 'default', '--metrics-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.resume();
  child.stderr?.resume();
  controllers.push(child);
  return child;
}

const killed = (c: ChildProcess): Promise<void> => new Promise((resolve) => {
  if (c.exitCode !== null || c.signalCode !== null) { resolve(); return; }
  c.once('exit', () => resolve());
  c.kill('SIGKILL');
});

test('a SIGKILLed controller resumes any rollout where it stopped, never duplicating a ReplicaSet', async () => {
  runtime = await spawnRuntime(dir, ['--no-rollouts-controller', ...privateRangeArgs()]);
  const kc = clientFromKubeconfig({ path: runtime.kubeconfig });
  const client = kc.client;
  const ingress = `http://127.0.0.1:${/Ingress: http:\/\/127\.0\.0\.1:(\d+)/.exec(runtime.output())?.[1] ?? ''}`;
  const cache = join(dir, 'kube-cache');
  const manifest = readFileSync(fixture('rollouts', 'nginx-canary-timed.yaml'), 'utf8');
  const get = (): Promise<Rollout> => client.get<Rollout>(R.rollouts, 'default', 'shop');
  const healthyOn = async (image: string): Promise<boolean> => {
    const ro = await get();
    return ro.status?.phase === 'Healthy' && ro.status.stableRS === ro.status.currentPodHash && ro.spec.template?.spec.containers[0]?.image === image
      && ro.status.observedGeneration === String(ro.metadata.generation);
  };
  assert.equal((await runKubectl(runtime.kubeconfig, cache, ['apply', '-f', '-'], manifest)).code, 0);
  let controller = startController(runtime.kubeconfig, false);
  await eventually(() => healthyOn('argoproj/rollouts-demo:blue'), 'first deploy Healthy', 90_000);
  assert.equal((await runKubectl(runtime.kubeconfig, cache, ['apply', '-f', '-'], manifest.replace('demo:blue', 'demo:green'))).code, 0);
  const seenRS = new Map<string, string>();
  let kills = 0;
  for (; kills < 6 && !(await healthyOn('argoproj/rollouts-demo:green')); kills++) {
    const waitMs = 300 + Math.floor(Math.random() * 1700);
    const start = Date.now();
    await eventually(() => Date.now() - start >= waitMs, `${waitMs} ms of progress`, waitMs + 5000, 25);
    await killed(controller);
    for (const rs of (await client.list<ReplicaSet>(R.replicasets, 'default', { labelSelector: 'app=shop' })).items) {
      const hash = rs.metadata.labels?.['rollouts-pod-template-hash'] ?? '';
      const prior = seenRS.get(hash);
      assert.ok(prior === undefined || prior === rs.metadata.name, `one ReplicaSet per template: ${hash}`);
      seenRS.set(hash, rs.metadata.name ?? '');
    }
    controller = startController(runtime.kubeconfig, false);
  }
  assert.ok(kills >= 2, `the controller was killed during the update (${kills} times)`);
  await eventually(() => healthyOn('argoproj/rollouts-demo:green'), 'the update completes', 120_000);
  const rss = (await client.list<ReplicaSet>(R.replicasets, 'default', { labelSelector: 'app=shop' })).items;
  assert.equal(rss.length, 2, rss.map((r) => r.metadata.name).join());
  assert.equal(new Set(rss.map((r) => r.metadata.labels?.['rollouts-pod-template-hash'])).size, 2);
  const replicas = Object.fromEntries(rss.map((r) => [r.spec.template.spec.containers[0]?.image ?? '', r.spec.replicas]));
  assert.equal(replicas['argoproj/rollouts-demo:green'], 3);
  await eventually(async () => (await client.get<ReplicaSet>(R.replicasets, 'default', rss.find((r) => r.spec.template.spec.containers[0]?.image === 'argoproj/rollouts-demo:blue')?.metadata.name ?? '')).spec.replicas === 0, 'old stable scaled down after its delay', 30_000);
  const canary = await client.get<Ingress>(R.ingresses, 'default', 'shop-shop-canary');
  assert.equal(canary.metadata.annotations?.['nginx.ingress.kubernetes.io/canary-weight'], '0');
  assert.deepEqual(await countColours(`${ingress}/color`, 'shop.info', 200), { '"green"': 200 });
  await killed(controller);
  kc.close();
});

test('leader election: a second replica takes over when the leader stops gracefully', async () => {
  assert.ok(runtime);
  const kc = clientFromKubeconfig({ path: runtime.kubeconfig });
  const first = startController(runtime.kubeconfig, true);
  const holder = async (): Promise<string | undefined> => {
    const lease = await kc.client.get(R.leases, 'default', 'sluice-controller-lock').catch(() => undefined);
    const spec = lease?.['spec'];
    return typeof spec === 'object' && spec !== null && 'holderIdentity' in spec && typeof spec.holderIdentity === 'string' && spec.holderIdentity !== '' ? spec.holderIdentity : undefined;
  };
  const leader = await eventually(holder, 'a leader', 60_000);
  const second = startController(runtime.kubeconfig, true);
  first.kill('SIGTERM');
  const next = await eventually(async () => { const h = await holder(); return h !== undefined && h !== leader ? h : undefined; }, 'the second replica leads', 60_000);
  assert.notEqual(next, leader);
  await killed(second);
  kc.close();
});
