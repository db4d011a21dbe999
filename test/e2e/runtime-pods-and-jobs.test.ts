// Issue 3 acceptance on the whole runtime (controllers + kubelet + endpoints), driven by kubectl: demo pods
// answer at their pod IPs, a bad- image fails at the real image's rate, Jobs complete and fail with Kubernetes'
// conditions, a killed container is restarted, and a failing readiness probe takes a pod out of Ready and out
// of its Service's endpoints.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { processTablePath, readProcessTable } from '../../src/engine/kubelet/process-table.js';
import { eventually } from '../harness/poll.js';
import { startTestRuntime, type TestRuntime } from '../harness/runtime-harness.js';

let rt: TestRuntime;
before(async () => { rt = await startTestRuntime(); });
after(async () => { await rt.close(); });

const podIP = async (name: string): Promise<string> => eventually(async () => (await rt.k(['get', 'pod', name, '-o', 'jsonpath={.status.podIP}'])) || false, `${name} IP`);
const ready = async (name: string): Promise<string> => rt.k(['get', 'pod', name, '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}']);

test('demo pods answer their colour at their own pod IP; bad-red fails about 15 % of requests', async () => {
  await rt.k(['run', 'blue', '--image=argoproj/rollouts-demo:blue', '--port=8080']);
  await rt.k(['run', 'bad', '--image=argoproj/rollouts-demo:bad-red', '--port=8080']);
  assert.equal((await rt.kubectl(['wait', '--for=condition=Ready', 'pod/blue', 'pod/bad', '--timeout=60s'])).code, 0);
  const blueIP = await podIP('blue');
  const badIP = await podIP('bad');
  assert.notEqual(blueIP, badIP);
  assert.match(blueIP, /^127\./);
  const blue = await request(`http://${blueIP}:8080/color`);
  assert.equal(blue.statusCode, 200);
  assert.equal(await blue.body.text(), '"blue"');

  const agent = new Agent({ connections: 8 });
  const n = 2000;
  let failed = 0;
  let red = 0;
  let left = n;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (left-- > 0) {
      const res = await request(`http://${badIP}:8080/color`, { dispatcher: agent });
      const body = await res.body.text();
      if (res.statusCode === 500) failed++; else if (body === '"red"') red++;
    }
  }));
  await agent.close();
  // rollouts-demo's bad- images run with ERROR_RATE 15: each request fails with probability 0.15.
  const sd = Math.sqrt(n * 0.15 * 0.85);
  assert.ok(Math.abs(failed - n * 0.15) < 5 * sd, `${failed} of ${n} failed, expected about ${n * 0.15}`);
  assert.equal(red + failed, n);
});

test('a Job running sh -c "exit 0" completes; exit 1 with backoffLimit 0 fails with BackoffLimitExceeded', async () => {
  await rt.k(['create', 'job', 'ok', '--image=alpine', '--', 'sh', '-c', 'exit 0']);
  assert.equal((await rt.kubectl(['wait', '--for=condition=Complete', 'job/ok', '--timeout=60s'])).code, 0);
  assert.equal(await rt.k(['get', 'job', 'ok', '-o', 'jsonpath={.status.succeeded}/{.status.failed}']), '1/');
  assert.match(await rt.k(['get', 'job', 'ok']), /^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\nok\s+Complete\s+1\/1\s+/);

  await rt.k(['apply', '-f', '-'], JSON.stringify({
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'fails', namespace: 'default' },
    spec: { backoffLimit: 0, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'exit 1'] }] } } },
  }));
  assert.equal((await rt.kubectl(['wait', '--for=condition=Failed', 'job/fails', '--timeout=60s'])).code, 0);
  assert.equal(await rt.k(['get', 'job', 'fails', '-o', 'jsonpath={.status.conditions[?(@.type=="Failed")].reason}']), 'BackoffLimitExceeded');
  assert.equal(await rt.k(['get', 'job', 'fails', '-o', 'jsonpath={.status.failed}']), '1');
  assert.match(await rt.k(['get', 'job', 'fails']), /\nfails\s+Failed\s+0\/1\s+/);
  assert.match(await rt.k(['get', 'pods', '-l', 'job-name=fails', '--no-headers']), /^fails-[a-z0-9]{5}\s+0\/1\s+Error\s+0\s+/);
});

test('a killed container process is restarted: restartCount rises and the pod serves again', async () => {
  await rt.k(['create', 'deployment', 'kill-me', '--image=argoproj/rollouts-demo:green', '--port=8080']);
  assert.equal((await rt.kubectl(['rollout', 'status', 'deployment/kill-me', '--timeout=60s'])).code, 0);
  const pod = (await rt.k(['get', 'pods', '-l', 'app=kill-me', '-o', 'jsonpath={.items[0].metadata.name}']));
  const table = processTablePath(join(rt.dir, 'kubelet'));
  const entry = readProcessTable(table).find((e) => e.pod === `default/${pod}` || e.pod === pod);
  assert.ok(entry, `no process recorded for ${pod}`);
  process.kill(entry.pid, 'SIGKILL');
  await eventually(async () => (await rt.k(['get', 'pod', pod, '-o', 'jsonpath={.status.containerStatuses[0].restartCount}'])) === '1' && (await ready(pod)) === 'True', 'restarted and Ready', 30_000);
  const res = await request(`http://${await podIP(pod)}:8080/color`);
  assert.equal(await res.body.text(), '"green"');
  assert.equal(await rt.k(['get', 'pods', '-l', 'app=kill-me', '--no-headers', '-o', 'custom-columns=N:.metadata.name']), `${pod}\n`, 'the same pod, not a replacement');
});

test('a failing readiness probe takes the pod out of Ready and out of the Service endpoints, and back', async () => {
  await rt.k(['apply', '-f', '-'], JSON.stringify({
    apiVersion: 'v1', kind: 'List', items: [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'probed', labels: { app: 'probed' } }, spec: { containers: [{
        name: 'demo', image: 'argoproj/rollouts-demo:blue', ports: [{ containerPort: 8080 }],
        // The exec probe runs in the container's working directory; the test drops a file there to fail it.
        readinessProbe: { exec: { command: ['sh', '-c', 'test ! -e unready'] }, periodSeconds: 1, failureThreshold: 1 },
      }] } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'probed' }, spec: { selector: { app: 'probed' }, ports: [{ port: 80, targetPort: 8080 }] } },
    ],
  }));
  assert.equal((await rt.kubectl(['wait', '--for=condition=Ready', 'pod/probed', '--timeout=60s'])).code, 0);
  const ip = await podIP('probed');
  const endpoints = (): Promise<string> => rt.k(['get', 'endpoints', 'probed', '-o', 'jsonpath={.subsets[*].addresses[*].ip}|{.subsets[*].notReadyAddresses[*].ip}']);
  await eventually(async () => (await endpoints()) === `${ip}|`, 'ready endpoint');
  const uid = await rt.k(['get', 'pod', 'probed', '-o', 'jsonpath={.metadata.uid}']);
  const flag = join(rt.dir, 'kubelet', 'pods', `default_probed_${uid}`, 'root', 'unready');
  writeFileSync(flag, '');
  await eventually(async () => (await ready('probed')) === 'False', 'not Ready');
  await eventually(async () => (await endpoints()) === `|${ip}`, 'address moved to notReadyAddresses');
  assert.match(await rt.k(['get', 'pod', 'probed', '--no-headers']), /^probed\s+0\/1\s+Running\s+0\s+/);
  rmSync(flag);
  await eventually(async () => (await ready('probed')) === 'True', 'Ready again');
  await eventually(async () => (await endpoints()) === `${ip}|`, 'ready endpoint again');
});
