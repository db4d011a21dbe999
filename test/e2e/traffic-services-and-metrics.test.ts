// Issue 4 acceptance on the whole runtime (two ingress processes, as `sluice up` runs): NodePort and ClusterIP
// Services carry traffic to real pods, a Service without ready endpoints answers 503 at once, /metrics counts
// exactly what was sent per service and status, and pods leaving under load (deleted, or failing readiness)
// fail no request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { startLoadLoop } from '../harness/load-loop.js';
import { eventually } from '../harness/poll.js';
import { startTestRuntime, type TestRuntime } from '../harness/runtime-harness.js';

let rt: TestRuntime;
before(async () => { rt = await startTestRuntime({ ingressProcesses: 2 }); });
after(async () => { await rt.close(); });

const deployment = (name: string, image: string, replicas: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: {
    terminationGracePeriodSeconds: 5, containers: [{ name: 'demo', image, ports: [{ containerPort: 8080 }], ...extra }],
  } } },
});
const service = (name: string, spec: Record<string, unknown> = {}): Record<string, unknown> => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }], ...spec },
});
const ingress = (name: string, host: string): Record<string, unknown> => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name },
  spec: { rules: [{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { number: 80 } } } }] } }] },
});
const apply = (...items: Record<string, unknown>[]): Promise<string> => rt.k(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
const rolledOut = async (name: string): Promise<void> => { assert.equal((await rt.kubectl(['rollout', 'status', `deployment/${name}`, '--timeout=60s'])).code, 0); };

async function get(url: string, host?: string): Promise<{ status: number; body: string }> {
  const res = await request(url, { headers: host === undefined ? {} : { host }, headersTimeout: 5000, bodyTimeout: 5000 });
  return { status: res.statusCode, body: await res.body.text() };
}

test('a NodePort Service answers on 127.0.0.1:<nodePort>, a ClusterIP one on its cluster IP', async () => {
  await apply(deployment('np', 'argoproj/rollouts-demo:yellow', 2), service('np', { type: 'NodePort' }));
  await rolledOut('np');
  const [ip, nodePort] = (await rt.k(['get', 'svc', 'np', '-o', 'jsonpath={.spec.clusterIP} {.spec.ports[0].nodePort}'])).split(' ');
  assert.ok(Number(nodePort) >= 30000 && Number(nodePort) <= 32767, `nodePort ${nodePort}`);
  assert.match(await rt.k(['get', 'svc', 'np']), new RegExp(`np\\s+NodePort\\s+${(ip ?? '').replaceAll('.', '\\.')}\\s+<none>\\s+80:${nodePort}/TCP`));
  await eventually(async () => (await get(`http://127.0.0.1:${nodePort}/color`)).body === '"yellow"', 'NodePort answers', 30_000);
  assert.deepEqual(await get(`http://${ip}:80/color`), { status: 200, body: '"yellow"' });
});

test('a Service with no ready endpoints answers 503 at once, through the ingress and on its cluster IP', async () => {
  await apply(deployment('empty', 'argoproj/rollouts-demo:blue', 0), service('empty'), ingress('empty', 'empty.test'));
  const ip = await eventually(async () => (await rt.k(['get', 'svc', 'empty', '-o', 'jsonpath={.spec.clusterIP}'])) || false, 'cluster IP');
  await eventually(async () => (await get(`${rt.ingressUrl}/color`, 'empty.test')).status === 503, 'the ingress knows the Ingress');
  // headersTimeout (5 s) turns a hang into a failure.
  assert.equal((await get(`${rt.ingressUrl}/color`, 'empty.test')).status, 503);
  await eventually(async () => (await get(`http://${ip}:80/color`)).status === 503, 'the Service proxy answers 503');
});

test('/metrics counts every request per service and status, across both ingress processes', async () => {
  await apply(deployment('good', 'argoproj/rollouts-demo:green', 2), service('good'), ingress('good', 'good.test'),
    deployment('bad', 'argoproj/rollouts-demo:bad-red', 1), service('bad'), ingress('bad', 'bad.test'));
  await rolledOut('good');
  await rolledOut('bad');
  await eventually(async () => (await get(`${rt.ingressUrl}/color`, 'good.test')).status === 200 && (await get(`${rt.ingressUrl}/color`, 'bad.test')).body.includes('red'), 'both served');
  const metrics = async (): Promise<Map<string, number>> => {
    const text = (await get(`http://127.0.0.1:${rt.runtime.metricsPort ?? 0}/metrics`)).body;
    const out = new Map<string, number>();
    for (const line of text.split('\n')) {
      const m = /^nginx_ingress_controller_requests\{.*service="(\w+)",status="(\d+)"\} (\d+)$/.exec(line);
      if (m) out.set(`${m[1]} ${m[2]}`, (out.get(`${m[1]} ${m[2]}`) ?? 0) + Number(m[3]));
    }
    return out;
  };
  const before = await metrics();
  const sent = new Map<string, number>();
  const agent = new Agent({ connections: 8 }); // many connections: both ingress processes take requests
  await Promise.all(Array.from({ length: 8 }, async (_, w) => {
    for (let i = 0; i < 150; i++) {
      const svc = (w + i) % 3 === 0 ? 'bad' : 'good';
      const res = await request(`${rt.ingressUrl}/color`, { dispatcher: agent, headers: { host: `${svc}.test` } });
      await res.body.dump();
      const key = `${svc} ${res.statusCode}`;
      sent.set(key, (sent.get(key) ?? 0) + 1);
    }
  }));
  await agent.close();
  assert.ok((sent.get('bad 500') ?? 0) > 0, 'the bad- image returned some 500s');
  const after = await metrics();
  const delta: Record<string, number> = {};
  for (const [k, v] of after) if (v !== (before.get(k) ?? 0)) delta[k] = v - (before.get(k) ?? 0);
  assert.deepEqual(delta, Object.fromEntries(sent));
});

test('pods leaving under load, deleted or failing readiness: zero failed requests', async () => {
  await apply(deployment('web', 'argoproj/rollouts-demo:orange', 3, {
    readinessProbe: { exec: { command: ['sh', '-c', 'test ! -e unready'] }, periodSeconds: 1, failureThreshold: 1 },
  }), service('web'), ingress('web', 'web.test'));
  await rolledOut('web');
  await eventually(async () => (await get(`${rt.ingressUrl}/color`, 'web.test')).body === '"orange"', 'web served');
  const pods = async (): Promise<{ name: string; uid: string; ready: string }[]> => (await rt.k(['get', 'pods', '-l', 'app=web', '-o',
    'jsonpath={range .items[*]}{.metadata.name} {.metadata.uid} {.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}']))
    .split('\n').filter((l) => l !== '').map((l) => { const [name = '', uid = '', ready = ''] = l.split(' '); return { name, uid, ready }; });

  const load = startLoadLoop({ url: `${rt.ingressUrl}/color`, host: 'web.test', concurrency: 6, method: (i) => (i % 2 === 0 ? 'GET' : 'POST') });
  try {
    await load.waitFor(300);
    const [first, second] = await pods();
    assert.ok(first && second);
    await rt.k(['delete', 'pod', first.name, '--wait=false']);
    await eventually(async () => (await pods()).filter((p) => p.name !== first.name && p.ready === 'True').length === 3, 'a replacement is Ready', 60_000);
    await load.waitFor(300);
    writeFileSync(join(rt.dir, 'kubelet', 'pods', `default_${second.name}_${second.uid}`, 'root', 'unready'), '');
    await eventually(async () => (await pods()).find((p) => p.name === second.name)?.ready === 'False', 'the probed pod turns unready');
    await eventually(async () => !(await rt.k(['get', 'endpoints', 'web', '-o', 'jsonpath={.subsets[*].addresses[*].targetRef.name}'])).includes(second.name), 'out of the endpoints');
    await load.waitFor(500);
  } finally {
    const stats = await load.stop();
    assert.equal(stats.failed, 0, `failed requests: ${stats.failures.slice(0, 5).join('; ')} (of ${stats.sent})`);
    assert.ok(stats.ok >= 1100, `only ${stats.ok} requests completed`);
  }
});
