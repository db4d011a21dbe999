// Acceptance: readiness, liveness and startup probes against real processes, and the demo's built-in
// readiness gate.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Pod } from '../../src/api/core-v1.js';
import { repoRoot } from '../harness/fixtures.js';
import { conditionOf, httpGet, startKubeletTest, type KubeletTestEnv } from '../harness/kubelet-harness.js';

let env: KubeletTestEnv;
before(async () => { env = await startKubeletTest(); });
after(async () => { await env.close(); });

const SERVER = join(repoRoot(), 'test', 'kubelet', 'fixtures', 'probe-server.mjs');
const probe = (path: string) => ({ httpGet: { path, port: 8080 }, periodSeconds: 1, failureThreshold: 1, timeoutSeconds: 1 });

function server(o: Partial<Pod['spec']['containers'][number]> = {}): Pod['spec'] {
  return { containers: [{ name: 'server', image: 'probe-server', command: [process.execPath, SERVER], ports: [{ containerPort: 8080 }], ...o }] };
}

const container0 = (p: Pod) => p.status?.containerStatuses?.[0];

test('a failing readiness probe takes the pod out of Ready, and a passing one brings it back', async () => {
  await env.createPod('ready-flip', server({ readinessProbe: probe('/ready') }));
  const ip = await env.waitPod('ready-flip', 'Ready', (p) => conditionOf(p, 'Ready') === 'True' && p.status?.podIP);
  await httpGet(`http://${ip}:8080/set?ready=500`);
  const notReady = await env.waitPod('ready-flip', 'not Ready', (p) => conditionOf(p, 'Ready') === 'False' && p);
  assert.equal(container0(notReady)?.state.running !== undefined, true);
  assert.equal(container0(notReady)?.restartCount, 0);
  assert.match(await env.api.k('get pod ready-flip --no-headers'), /ready-flip\s+0\/1\s+Running/);
  assert.match(await env.api.k('describe pod ready-flip'), /Unhealthy\s+.*kubelet\s+Readiness probe failed: HTTP probe failed with statuscode: 500/);
  await httpGet(`http://${ip}:8080/set?ready=200`);
  await env.waitPod('ready-flip', 'Ready again', (p) => conditionOf(p, 'Ready') === 'True');
});

test('a readiness probe on a path the demo does not serve (404) keeps the pod unready', async () => {
  await env.createPod('demo-404', { containers: [{ name: 'demo', image: 'argoproj/rollouts-demo:blue', ports: [{ containerPort: 8080 }], readinessProbe: probe('/nope') }] });
  await env.waitPod('demo-404', 'probe failure seen', (p) => container0(p)?.state.running !== undefined && (container0(p)?.ready === false));
  await env.waitPod('demo-404', 'still unready after failures', async () => /Readiness probe failed: HTTP probe failed with statuscode: 404/.test(await env.api.k('describe pod demo-404')));
  const p = await env.waitPod('demo-404', 'pod', (x) => x);
  assert.equal(conditionOf(p, 'Ready'), 'False');
});

test('a failing liveness probe restarts the container', async () => {
  await env.createPod('live-flip', server({ livenessProbe: { ...probe('/live'), initialDelaySeconds: 2, failureThreshold: 2 }, readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 1 } }));
  const ip = await env.waitPod('live-flip', 'Running', (p) => container0(p)?.state.running !== undefined && p.status?.podIP);
  await env.waitPod('live-flip', 'Ready', (p) => conditionOf(p, 'Ready') === 'True');
  await httpGet(`http://${ip}:8080/set?live=500`);
  const p = await env.waitPod('live-flip', 'restarted', (x) => (container0(x)?.restartCount ?? 0) >= 1 && container0(x)?.state.running !== undefined && x);
  assert.equal(container0(p)?.lastState.terminated?.exitCode, 0, 'the server exits 0 on SIGTERM');
  const describe = await env.api.k('describe pod live-flip');
  assert.match(describe, /Liveness probe failed: HTTP probe failed with statuscode: 500/);
  assert.match(describe, /Killing\s+.*kubelet\s+Container server failed liveness probe, will be restarted/);
  // The new process starts healthy again.
  await env.waitPod('live-flip', 'Ready after restart', (x) => conditionOf(x, 'Ready') === 'True');
});

test('exec and tcpSocket probes work, and a startup probe holds readiness back until it passes', async () => {
  await env.createPod('exec-tcp', server({
    startupProbe: { exec: { command: ['sh', '-c', 'test -e started || { touch started; exit 1; }'] }, periodSeconds: 1, failureThreshold: 5 },
    readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 1 },
  }));
  const p = await env.waitPod('exec-tcp', 'Ready', (x) => conditionOf(x, 'Ready') === 'True' && x);
  assert.equal(container0(p)?.started, true);
  assert.match(await env.api.k('describe pod exec-tcp'), /Startup probe failed/);
});

test('a demo pod is Ready only once its port accepts connections', async () => {
  await env.createPod('gated', { containers: [{ name: 'demo', image: 'argoproj/rollouts-demo:green', ports: [{ containerPort: 8080 }] }] });
  const ip = await env.waitPod('gated', 'Ready', (p) => conditionOf(p, 'Ready') === 'True' && p.status?.podIP);
  // Ready was written after the gate connected, so the port answers now.
  assert.deepEqual(await httpGet(`http://${ip}:8080/color`), { status: 200, body: '"green"' });
});
