// Acceptance: processes never outlive the runtime. A kubelet killed with SIGKILL leaves nothing running
// once the next one starts on the same data directory, and that one runs the pods again on the same IPs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pod } from '../../src/api/core-v1.js';
import { R } from '../../src/api/resources.js';
import { RestClient } from '../../src/control/rest-client.js';
import { findSetpriv } from '../../src/engine/kubelet/container-process.js';
import { startKubelet, type Kubelet } from '../../src/engine/kubelet/kubelet.js';
import { isProcessRunning, processTablePath, readProcessTable } from '../../src/engine/kubelet/process-table.js';
import { startTestApi, type TestApi } from '../harness/api-harness.js';
import { conditionOf, httpGet, TEST_BACKOFF, testPodIpRange } from '../harness/kubelet-harness.js';
import { spawnKubelet } from '../harness/kubelet-process.js';
import { eventually } from '../harness/poll.js';

let api: TestApi;
let client: RestClient;
let dataDir: string;
let kubelet: Kubelet | undefined;
before(async () => {
  api = await startTestApi();
  client = new RestClient(api.server.transport());
  dataDir = mkdtempSync(join(tmpdir(), 'sluice-kubelet-'));
});
after(async () => {
  await kubelet?.stop();
  await api.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const alive = isProcessRunning;
const get = (name: string): Promise<Pod> => client.get<Pod>(R.pods, 'default', name);
const create = (name: string, spec: Pod['spec']): Promise<Pod> => client.create<Pod>(R.pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec });

test('after a runtime is killed, the next one kills its survivors and runs the pods again on the same IPs', async () => {
  const firstPodIP = testPodIpRange();
  const first = await spawnKubelet(api.kubeconfig, dataDir, firstPodIP);
  await create('blue', { containers: [{ name: 'demo', image: 'argoproj/rollouts-demo:blue', ports: [{ containerPort: 8080 }] }] });
  await create('forker', { containers: [{ name: 'main', image: 'alpine', command: ['sh', '-c', 'sleep 300 & echo $! > sleep.pid; wait'] }] });
  const blue = await eventually(async () => { const p = await get('blue'); return conditionOf(p, 'Ready') === 'True' && p; }, 'blue Ready');
  const forker = await eventually(async () => { const p = await get('forker'); return p.status?.containerStatuses?.[0]?.state.running !== undefined && p; }, 'forker Running');
  const sleepPidFile = join(dataDir, 'pods', `default_forker_${forker.metadata.uid ?? ''}`, 'root', 'sleep.pid');
  const sleepPid = await eventually(() => Number(readFileSync(sleepPidFile, 'utf8').trim()) || undefined, 'sleep pid file');
  const oldPids = readProcessTable(processTablePath(dataDir)).map((e) => e.pid);
  assert.equal(oldPids.length, 2);

  await first.kill('SIGKILL');
  if (findSetpriv() !== undefined) {
    // setpriv's parent-death signal takes the container processes down with the runtime...
    await eventually(() => oldPids.every((pid) => !alive(pid)), 'container processes to die with the runtime');
  }
  // ...but not what they spawned: the grandchild survives until the next runtime reaps it.
  assert.equal(alive(sleepPid), true);

  kubelet = await startKubelet({ client, dataDir, backoff: TEST_BACKOFF, firstPodIP });
  api.server.setLogSource(kubelet.logs);
  assert.equal(alive(sleepPid), false, 'the survivor of the previous run was killed');
  assert.equal(oldPids.some(alive), false);

  const again = await eventually(async () => {
    const p = await get('blue');
    return conditionOf(p, 'Ready') === 'True' && (p.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1 && p;
  }, 'blue running again');
  assert.equal(again.status?.podIP, blue.status?.podIP);
  assert.equal(again.status?.containerStatuses?.[0]?.lastState.terminated?.reason, 'Unknown');
  assert.deepEqual(await httpGet(`http://${again.status?.podIP ?? ''}:8080/color`), { status: 200, body: '"blue"' });
  const forkerAgain = await eventually(async () => { const p = await get('forker'); return (p.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1 && p.status?.containerStatuses?.[0]?.state.running !== undefined && p; }, 'forker running again');
  assert.equal(forkerAgain.status?.podIP, forker.status?.podIP);
  assert.match(await api.k('logs blue --previous'), /rollouts-demo listening/);
});
