// Issue 3 acceptance: `kill -9` of the runtime (`sluice up` as its own process), then a restart on the same
// data directory. At rest, the same Deployment, ReplicaSets and pods come back (same names, same IPs, running
// again); killed in the middle of a rolling update, the rollout finishes with exactly two ReplicaSets. No
// process of a killed run survives the next start.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReplicaSet } from '../../src/api/apps-v1.js';
import type { Pod } from '../../src/api/core-v1.js';
import { R } from '../../src/api/resources.js';
import { clientFromKubeconfig } from '../../src/control/client-from-kubeconfig.js';
import { isProcessRunning, markerOf, MARKER_ENV, processTablePath, readProcessTable } from '../../src/engine/kubelet/process-table.js';
import { fixture } from '../harness/fixtures.js';
import { runKubectl } from '../harness/kubectl.js';
import { eventually } from '../harness/poll.js';
import { privateRangeArgs } from '../harness/runtime-harness.js';
import { spawnRuntime, type RuntimeProcess } from '../harness/runtime-process.js';

const dir = mkdtempSync(join(tmpdir(), 'sluice-kill9-'));
const ranges = privateRangeArgs();
let runtime: RuntimeProcess | undefined;
after(async () => {
  await runtime?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

const kubeletDir = join(dir, 'kubelet');
const k = async (args: string[], input?: string): Promise<string> => {
  const r = await runKubectl(join(dir, 'kubeconfig'), join(dir, 'kube-cache'), args, input);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const client = () => clientFromKubeconfig({ path: join(dir, 'kubeconfig') }).client;

/** Processes on this machine carrying this data directory's kubelet marker. */
function markedProcesses(): number[] {
  const marker = `${MARKER_ENV}=${markerOf(kubeletDir)}`;
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(marker)) out.push(Number(name));
    } catch { /* gone, or not ours */ }
  }
  return out;
}

async function killAndRestart(): Promise<number[]> {
  const before = readProcessTable(processTablePath(kubeletDir)).map((e) => e.pid);
  assert.ok(before.length > 0);
  assert.deepEqual(before.filter((pid) => !markedProcesses().includes(pid)), [], 'the marker scan sees the running containers');
  await runtime?.kill('SIGKILL');
  runtime = await spawnRuntime(dir, ranges);
  return before;
}

/** Every marked process belongs to the current run's table; nothing of `old` is alive. */
function assertNoOrphans(old: readonly number[]): void {
  assert.deepEqual(old.filter(isProcessRunning), [], 'processes of the killed run are gone');
  const current = new Set(readProcessTable(processTablePath(kubeletDir)).map((e) => e.pid));
  const strays = markedProcesses().filter((pid) => !current.has(pid));
  assert.deepEqual(strays, [], 'every container process belongs to the running runtime');
}

interface Snapshot { rs: string[]; pods: string[]; ips: string[] }
async function snapshot(): Promise<Snapshot> {
  const c = client();
  const rs = (await c.list<ReplicaSet>(R.replicasets, 'default')).items.map((r) => `${r.metadata.name ?? ''}=${r.spec.replicas ?? 0}`).sort();
  const pods = (await c.list<Pod>(R.pods, 'default')).items.filter((p) => p.metadata.deletionTimestamp === undefined);
  return { rs, pods: pods.map((p) => p.metadata.name ?? '').sort(), ips: pods.map((p) => p.status?.podIP ?? '').sort() };
}

const rolledOut = async (): Promise<boolean> => (await runKubectl(join(dir, 'kubeconfig'), join(dir, 'kube-cache'), ['rollout', 'status', 'deployment/demo', '--timeout=1s'])).code === 0;
const allReady = async (): Promise<boolean> => (await client().list<Pod>(R.pods, 'default')).items
  .every((p) => p.metadata.deletionTimestamp === undefined && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true);

test('kill -9 at rest: the same ReplicaSets and pods run again on the same IPs, nothing orphaned', async () => {
  runtime = await spawnRuntime(dir, ranges);
  const manifest = readFileSync(fixture('chapter', '5.2-deployment.yaml'), 'utf8').replace('replicas: 2', 'replicas: 3');
  await k(['apply', '-f', '-'], manifest);
  await eventually(rolledOut, 'blue ×3 rolled out', 60_000);
  await eventually(allReady, 'pods Ready', 30_000);
  const before = await snapshot();
  assert.equal(before.pods.length, 3);

  const old = await killAndRestart();
  await eventually(async () => (await client().list<Pod>(R.pods, 'default')).items.every((p) => (p.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1), 'pods restarted', 60_000);
  await eventually(allReady, 'pods Ready again', 60_000);
  assert.deepEqual(await snapshot(), before, 'same ReplicaSets, pods and IPs');
  assertNoOrphans(old);
});

test('kill -9 in the middle of a rolling update: the rollout completes with exactly two ReplicaSets', async () => {
  const manifest = readFileSync(fixture('chapter', '5.2-deployment.yaml'), 'utf8').replace('replicas: 2', 'replicas: 3').replace('demo:blue', 'demo:green');
  await k(['apply', '-f', '-'], manifest);
  const isGreen = (r: ReplicaSet): boolean => r.spec.template.spec.containers[0]?.image === 'argoproj/rollouts-demo:green';
  // Kill once the green ReplicaSet has pods and blue has not yet gone: mid-rollout.
  await eventually(async () => {
    const rss = (await client().list<ReplicaSet>(R.replicasets, 'default')).items;
    return rss.some((r) => isGreen(r) && (r.spec.replicas ?? 0) >= 1) && rss.some((r) => !isGreen(r) && (r.spec.replicas ?? 0) >= 2);
  }, 'mid-rollout', 60_000, 10);
  const old = await killAndRestart();

  await eventually(rolledOut, 'green ×3 rolled out after the restart', 90_000);
  const rss = (await client().list<ReplicaSet>(R.replicasets, 'default')).items;
  assert.equal(rss.length, 2, `no duplicate ReplicaSet: ${rss.map((r) => r.metadata.name).join(', ')}`);
  assert.deepEqual(rss.map((r) => `${isGreen(r) ? 'green' : 'blue'}=${r.spec.replicas ?? 0}`).sort(), ['blue=0', 'green=3']);
  await eventually(async () => {
    const pods = (await client().list<Pod>(R.pods, 'default')).items;
    return pods.length === 3 && pods.every((p) => p.spec.containers[0]?.image === 'argoproj/rollouts-demo:green');
  }, 'only the three green pods left', 60_000);
  await eventually(allReady, 'green pods Ready', 30_000);
  assertNoOrphans(old);
});
