// Acceptance: host commands as containers — completion and failure per restartPolicy, restarts after a
// killed process, CrashLoopBackOff with growing back-off, init containers in order, and the environment.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Pod } from '../../src/api/core-v1.js';
import { R } from '../../src/api/resources.js';
import { processTablePath, readProcessTable } from '../../src/engine/kubelet/process-table.js';
import { startKubeletTest, type KubeletTestEnv } from '../harness/kubelet-harness.js';
import { eventually } from '../harness/poll.js';

let env: KubeletTestEnv;
before(async () => {
  process.env['COLOR'] = 'purple';
  env = await startKubeletTest();
});
after(async () => {
  delete process.env['COLOR'];
  await env.close();
});

const sh = (script: string, restartPolicy: 'Always' | 'OnFailure' | 'Never' = 'Never'): Pod['spec'] =>
  ({ restartPolicy, containers: [{ name: 'main', image: 'alpine:3.8', command: ['sh', '-c'], args: [script] }] });

async function statusColumn(name: string): Promise<string> {
  const line = (await env.api.k(`get pod ${name} --no-headers`)).trim();
  return line.split(/\s+/)[2] ?? '';
}

test('sh -c "exit 0" with restartPolicy Never completes: Succeeded, STATUS Completed', async () => {
  await env.createPod('job-ok', sh('exit 0'));
  await env.waitPod('job-ok', 'Succeeded', (p) => p.status?.phase === 'Succeeded');
  assert.equal(await statusColumn('job-ok'), 'Completed');
});

test('sh -c "exit 1" with restartPolicy Never fails: Failed, STATUS Error', async () => {
  await env.createPod('job-bad', sh('echo about to fail; exit 1'));
  const p = await env.waitPod('job-bad', 'Failed', (x) => x.status?.phase === 'Failed' && x);
  assert.equal(p.status?.containerStatuses?.[0]?.state.terminated?.exitCode, 1);
  assert.equal(await statusColumn('job-bad'), 'Error');
  assert.equal(await env.api.k('logs job-bad'), 'about to fail\n');
});

test('a killed container process is restarted and restartCount rises', async () => {
  await env.createPod('sleeper', sh('echo started; exec sleep 300', 'Always'));
  await env.waitPod('sleeper', 'Running', (p) => p.status?.containerStatuses?.[0]?.state.running !== undefined);
  const entry = await eventually(() => readProcessTable(processTablePath(env.dataDir)).find((e) => e.pod === 'default/sleeper'), 'process table entry');
  process.kill(entry.pid, 'SIGKILL');
  const p = await env.waitPod('sleeper', 'restarted', (x) => (x.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1 && x.status?.containerStatuses?.[0]?.state.running && x);
  assert.equal(p.status?.containerStatuses?.[0]?.lastState.terminated?.exitCode, 137);
  assert.equal(await env.api.k('logs sleeper --previous'), 'started\n');
});

test('repeated crashes end in CrashLoopBackOff with a growing back-off', async () => {
  await env.createPod('crasher', sh('exit 3', 'Always'));
  const messages = new Set<string>();
  await eventually(async () => {
    const p = await env.client.get<Pod>(R.pods, 'default', 'crasher');
    const waiting = p.status?.containerStatuses?.[0]?.state.waiting;
    if (waiting?.reason === 'CrashLoopBackOff') messages.add(/^back-off (\S+)/.exec(waiting.message ?? '')?.[1] ?? '');
    return messages.has('800ms') && (p.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 4;
  }, 'back-off to reach its cap', 30_000, 20);
  assert.ok(messages.has('800ms'));
  assert.ok([...messages].some((m) => m === '100ms' || m === '200ms' || m === '400ms'), `saw ${[...messages].join(', ')}`);
  const describe = await env.api.k('describe pod crasher');
  assert.match(describe, /BackOff\s+.*kubelet\s+Back-off restarting failed container main in pod crasher_default/);
});

test('init containers run first, in order', async () => {
  await env.createPod('init', {
    restartPolicy: 'Never',
    initContainers: [
      { name: 'one', image: 'busybox', command: ['sh', '-c', 'echo one >> order'] },
      { name: 'two', image: 'busybox', command: ['sh', '-c', 'echo two >> order'] },
    ],
    containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'echo main >> order; cat order'] }],
  });
  await env.waitPod('init', 'Succeeded', (p) => p.status?.phase === 'Succeeded');
  assert.equal(await env.api.k('logs init'), 'one\ntwo\nmain\n');
});

test('the environment carries pod fields, ConfigMap and Secret values, and nothing of the host', async () => {
  await env.api.k('create configmap cfg --from-literal=greeting=hello');
  await env.api.k('create secret generic pw --from-literal=password=s3cret');
  await env.createPod('envy', {
    restartPolicy: 'Never',
    containers: [{
      name: 'main', image: 'alpine', ports: [{ containerPort: 9090 }], command: ['sh', '-c', 'env | sort'],
      env: [
        { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
        { name: 'GREETING', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'greeting' } } },
        { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'pw', key: 'password' } } },
      ],
    }],
  }, { name: 'envy', labels: { app: 'shop' } });
  const p = await env.waitPod('envy', 'Succeeded', (x) => x.status?.phase === 'Succeeded' && x);
  const out = await env.api.k('logs envy');
  for (const line of ['APP=shop', 'GREETING=hello', 'PASSWORD=s3cret', 'PORT=9090', 'POD_NAME=envy', 'POD_NAMESPACE=default', 'HOSTNAME=envy', `POD_IP=${p.status?.podIP ?? '?'}`]) {
    assert.ok(out.split('\n').includes(line), `${line} in\n${out}`);
  }
  assert.doesNotMatch(out, /^COLOR=/m);
});

test('a missing ConfigMap shows CreateContainerConfigError until it exists', async () => {
  await env.createPod('needs-cfg', {
    restartPolicy: 'Never',
    containers: [{ name: 'main', image: 'alpine', command: ['sh', '-c', 'echo $V'], env: [{ name: 'V', valueFrom: { configMapKeyRef: { name: 'later', key: 'v' } } }] }],
  });
  await env.waitPod('needs-cfg', 'config error', (p) => p.status?.containerStatuses?.[0]?.state.waiting?.reason === 'CreateContainerConfigError');
  await env.api.k('create configmap later --from-literal=v=arrived');
  await env.waitPod('needs-cfg', 'Succeeded', (p) => p.status?.phase === 'Succeeded');
  assert.equal(await env.api.k('logs needs-cfg'), 'arrived\n');
  assert.ok(readFileSync(processTablePath(env.dataDir), 'utf8').startsWith('['));
});
