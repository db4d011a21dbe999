// Issue 2 acceptance: every acknowledged write survives `kill -9`, with the same uid and resourceVersion;
// a watch from before the restart's history answers 410 Gone (Expired).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runKubectl } from '../harness/kubectl.js';
import { fixture } from '../harness/fixtures.js';
import { spawnRuntime, type RuntimeProcess } from '../harness/runtime-process.js';

const dir = mkdtempSync(join(tmpdir(), 'sluice-durable-'));
const cache = join(dir, 'kube-cache');
let running: RuntimeProcess | undefined;
after(async () => { await running?.kill('SIGKILL'); rmSync(dir, { recursive: true, force: true }); });

interface Meta { metadata: { name: string; uid: string; resourceVersion: string } }

async function snapshot(kubeconfig: string): Promise<Map<string, string>> {
  // Objects no controller writes to: their resourceVersion must not move across the restart.
  const r = await runKubectl(kubeconfig, cache, ['get', 'cm,svc,ns', '-A', '-o', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const items = (JSON.parse(r.stdout) as { items: (Meta & { kind: string })[] }).items;
  return new Map(items.map((i) => [`${i.kind}/${i.metadata.name}`, `${i.metadata.uid}@${i.metadata.resourceVersion}`]));
}

test('acknowledged objects survive kill -9 with the same uid and resourceVersion', async () => {
  running = await spawnRuntime(dir);
  const k = (args: string[], input?: string): ReturnType<typeof runKubectl> => runKubectl(running?.kubeconfig ?? '', cache, args, input);
  assert.equal((await k(['apply', '-f', fixture('chapter', '5.4-blue_deployment.yaml')])).code, 0);
  for (let i = 0; i < 20; i++) {
    const r = await k(['create', 'configmap', `c${i}`, `--from-literal=i=${i}`]);
    assert.equal(r.code, 0, r.stderr);
  }
  const before = await snapshot(running.kubeconfig);
  const deployBefore = JSON.parse((await k(['get', 'deploy', 'blue', '-o', 'json'])).stdout) as { metadata: { uid: string; generation: number } };
  const lastRv = Math.max(...[...before.values()].map((v) => Number(v.split('@')[1])));
  await running.kill('SIGKILL');
  running = await spawnRuntime(dir);
  const afterRestart = await snapshot(running.kubeconfig);
  for (const [key, value] of before) assert.equal(afterRestart.get(key), value, key);
  // A Deployment's status is written by its controller after the restart; identity and spec must survive.
  const deploy = JSON.parse((await runKubectl(running.kubeconfig, cache, ['get', 'deploy', 'blue', '-o', 'json'])).stdout) as { metadata: { uid: string; generation: number } };
  assert.equal(deploy.metadata.uid, deployBefore.metadata.uid);
  assert.equal(deploy.metadata.generation, deployBefore.metadata.generation);
  // A watch resuming from before the restarted server's history is told to relist.
  const watch = await runKubectl(running.kubeconfig, cache, ['get', '--raw', `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${lastRv - 5}`]);
  assert.match(watch.stdout, /"type":"ERROR"/);
  assert.match(watch.stdout, /"reason":"Expired"/);
  assert.match(watch.stdout, /"code":410/);
});
