// Acceptance: graceful deletion. The kubelet turns the pod not-Ready before its process gets SIGTERM
// (so Services drop it first), waits for the process to exit, then deletes the object.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isApiError } from '../../src/api/api-error.js';
import type { Pod } from '../../src/api/core-v1.js';
import { R } from '../../src/api/resources.js';
import { isProcessRunning, processTablePath, readProcessTable } from '../../src/engine/kubelet/process-table.js';
import { repoRoot } from '../harness/fixtures.js';
import { conditionOf, startKubeletTest, type KubeletTestEnv } from '../harness/kubelet-harness.js';
import { eventually } from '../harness/poll.js';

let env: KubeletTestEnv;
let notifier: Server;
/** Ready condition of the pod as the API held it when the process reported SIGTERM, by pod name. */
const readyAtSigterm = new Map<string, string | undefined>();

before(async () => {
  env = await startKubeletTest();
  notifier = createServer((req, res) => {
    let name = '';
    req.on('data', (d: Buffer) => { name += d.toString(); });
    req.on('end', () => {
      void env.client.get<Pod>(R.pods, 'default', name).then((p) => {
        readyAtSigterm.set(name, conditionOf(p, 'Ready'));
        res.end('ok');
      });
    });
  });
  await new Promise<void>((resolve) => notifier.listen(0, '127.0.0.1', resolve));
});
after(async () => {
  notifier.close();
  await env.close();
});

const SERVER = join(repoRoot(), 'test', 'kubelet', 'fixtures', 'probe-server.mjs');

function gone(name: string): Promise<boolean> {
  return env.client.get(R.pods, 'default', name).then(() => false, (e: unknown) => isApiError(e, 'NotFound'));
}

test('deleting a pod turns it not-Ready before SIGTERM, then removes it', async () => {
  const url = `http://127.0.0.1:${(notifier.address() as AddressInfo).port}/sigterm`;
  await env.createPod('graceful', {
    nodeName: 'sluice',
    containers: [{
      name: 'server', image: 'probe-server', command: [process.execPath, SERVER], ports: [{ containerPort: 8080 }],
      env: [{ name: 'NOTIFY_URL', value: url }], readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 1 },
    }],
  });
  const ready = await env.waitPod('graceful', 'Ready', (p) => conditionOf(p, 'Ready') === 'True' && p);
  const podDir = join(env.dataDir, 'pods', `default_graceful_${ready.metadata.uid ?? ''}`, 'root');
  // Watch the Ready condition from the outside as well: it must turn False while the process still runs.
  const watch = env.api.watch('get pod graceful -w -o custom-columns=READY:.status.conditions[?(@.type=="Ready")].status --no-headers');
  await eventually(() => watch.lines.includes('True'), 'watch to show Ready True');
  const deletion = env.api.kubectl('delete pod graceful');
  await eventually(() => watch.lines.includes('False'), 'watch to show Ready False');
  const result = await deletion;
  watch.child.kill();
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /pod "graceful" deleted/);
  assert.equal(readyAtSigterm.get('graceful'), 'False', 'Ready was False in the API when the process got SIGTERM');
  assert.equal(await gone('graceful'), true);
  assert.equal(existsSync(podDir), false, 'the pod directory is cleaned up');
});

test('a process that ignores SIGTERM is killed after the grace period', async () => {
  await env.createPod('stubborn', { nodeName: 'sluice', containers: [{ name: 'main', image: 'alpine', command: ['sh', '-c', 'trap "" TERM; while true; do sleep 0.1; done'] }] });
  await env.waitPod('stubborn', 'Running', (p) => p.status?.containerStatuses?.[0]?.state.running !== undefined);
  const result = await env.api.kubectl('delete pod stubborn --grace-period=1');
  assert.equal(result.code, 0, result.stderr);
  assert.equal(await gone('stubborn'), true);
  assert.equal(readProcessTable(processTablePath(env.dataDir)).some((e) => e.pod === 'default/stubborn'), false);
});

test('a pod removed outright (force delete) has its processes stopped', async () => {
  await env.createPod('forced', { nodeName: 'sluice', containers: [{ name: 'main', image: 'alpine', command: ['sleep', '300'] }] });
  await env.waitPod('forced', 'Running', (p) => p.status?.containerStatuses?.[0]?.state.running !== undefined);
  const pid = readProcessTable(processTablePath(env.dataDir)).find((e) => e.pod === 'default/forced')?.pid;
  assert.ok(pid !== undefined);
  await env.api.k('delete pod forced --force --grace-period=0');
  await eventually(() => !readProcessTable(processTablePath(env.dataDir)).some((e) => e.pod === 'default/forced'), 'process to be stopped');
  assert.equal(isProcessRunning(pid), false);
});
