// Issue 2 acceptance: the chapter's manifests through the real kubectl against the embedded API server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestApi, type TestApi } from '../harness/api-harness.js';
import { fixture } from '../harness/fixtures.js';

let api: TestApi;
before(async () => { api = await startTestApi(); });
after(async () => { await api.close(); });

const chapter = (f: string): string => fixture('chapter', f);

describe('the chapter\'s listings', () => {
  test('every built-in listing applies, shows in get/describe and deletes', async () => {
    for (const f of ['5.1-ReplicaSet.yaml', '5.4-blue_deployment.yaml', '5.5-blue_ingress.yaml', '5.6-green_deployment.yaml', '5.11-canary_ingress.yaml']) {
      const out = await api.k(['apply', '-f', chapter(f)]);
      assert.match(out, /created|configured|unchanged/, f);
    }
    const all = await api.k('get rs,deploy,svc,ingress,cm');
    for (const name of ['replicaset.apps/demo', 'deployment.apps/blue', 'deployment.apps/green', 'service/blue-service', 'service/green-service', 'ingress.networking.k8s.io/demo-ingress', 'ingress.networking.k8s.io/canary-ingress', 'configmap/nginx-configuration']) {
      assert.ok(all.includes(name), `${name} missing from:\n${all}`);
    }
    assert.match(await api.k('get ingress canary-ingress -o jsonpath={.metadata.annotations.nginx\\.ingress\\.kubernetes\\.io/canary-weight}'), /^10$/);
    const svc = await api.k('get svc blue-service -o wide');
    assert.match(svc, /NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\s+SELECTOR/);
    assert.match(svc, /blue-service\s+NodePort\s+127\.96\.\d+\.\d+\s+<none>\s+80:3\d{4}\/TCP\s+\S+\s+app=blue/);
    const rs = await api.k('describe rs demo');
    assert.match(rs, /Image:\s+argoproj\/rollouts-demo:blue/);
    const deployWide = await api.k('get deploy blue -o wide');
    assert.match(deployWide, /NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR/);
    assert.match(deployWide, /blue\s+\S+\s+\d+\s+\d+\s+\S+\s+demo\s+argoproj\/rollouts-demo:blue\s+app=blue/);
    assert.equal(await api.k(['get', 'deploy', 'blue', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']), 'argoproj/rollouts-demo:blue');
    const yaml = await api.k('get deploy blue -o yaml');
    assert.match(yaml, /revisionHistoryLimit: 10/);
    assert.match(yaml, /maxSurge: 25%/);
    for (const f of ['5.11-canary_ingress.yaml', '5.6-green_deployment.yaml', '5.5-blue_ingress.yaml', '5.4-blue_deployment.yaml', '5.1-ReplicaSet.yaml']) {
      assert.match(await api.k(['delete', '--ignore-not-found', '-f', chapter(f)]), /deleted|^$/);
    }
    const left = await api.kubectl('get rs,deploy,svc,ingress');
    assert.match(left.stderr, /No resources found/);
  });

  test('listing 5.2 as printed is refused with the unknown field named, and the Service is not stored', async () => {
    const r = await api.kubectl(['apply', '-f', chapter('5.2-deployment.as-printed.yaml')]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /strict decoding error: unknown field "spec\.Selector"/);
    const svc = await api.kubectl('get svc demo');
    assert.match(svc.stderr, /services "demo" not found/);
    await api.k(['delete', '-f', chapter('5.2-deployment.yaml'), '--ignore-not-found']);
  });

  test('re-applying a changed file sends a strategic merge patch that changes exactly those fields', async () => {
    const original = readFileSync(chapter('5.2-deployment.yaml'), 'utf8');
    await api.k(['apply', '-f', '-'], original);
    const before = JSON.parse(await api.k('get deploy demo -o json')) as { metadata: { generation: number; uid: string }; spec: Record<string, unknown> };
    const changed = original.replace('replicas: 2', 'replicas: 3').replace('rollouts-demo:blue', 'rollouts-demo:green');
    assert.match(await api.k(['apply', '-f', '-'], changed), /deployment.apps\/demo configured\s+service\/demo unchanged/);
    const after = JSON.parse(await api.k('get deploy demo -o json')) as typeof before;
    assert.equal(after.metadata.uid, before.metadata.uid);
    assert.equal(after.metadata.generation, before.metadata.generation + 1);
    assert.equal(after.spec['replicas'], 3);
    const expected = structuredClone(before.spec) as { replicas: number; template: { spec: { containers: { image: string }[] } } };
    expected.replicas = 3;
    const container = expected.template.spec.containers[0];
    if (container) container.image = 'argoproj/rollouts-demo:green';
    assert.deepEqual(after.spec, expected);
    const diff = await api.kubectl(['diff', '-f', '-'], original);
    assert.equal(diff.code, 1, diff.stderr);
    assert.match(diff.stdout, /-\s+replicas: 3\n\+\s+replicas: 2/);
    assert.deepEqual(JSON.parse(await api.k('get deploy demo -o json')).spec, after.spec, 'diff must not persist anything');
    await api.k(['delete', '-f', chapter('5.2-deployment.yaml')]);
  });

  test('patch (strategic, merge, json), scale, and create ns + apply -n', async () => {
    await api.k(['apply', '-f', chapter('5.3-deployment2.yaml')]);
    assert.match(await api.k(['patch', 'deploy', 'demo', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"demo","image":"argoproj/rollouts-demo:red"}]}}}}']), /patched/);
    assert.match(await api.k(['patch', 'deploy', 'demo', '--type', 'merge', '-p', '{"metadata":{"labels":{"tier":"web"}}}']), /patched/);
    assert.match(await api.k(['patch', 'deploy', 'demo', '--type', 'json', '-p', '[{"op":"add","path":"/spec/minReadySeconds","value":2}]']), /patched/);
    assert.match(await api.k(['patch', 'deploy', 'demo', '--type', 'merge', '-p', '{"metadata":{"labels":{"tier":"web"}}}']), /patched \(no change\)/);
    const d = JSON.parse(await api.k('get deploy demo -o json')) as { metadata: { labels: Record<string, string> }; spec: { minReadySeconds: number; template: { spec: { containers: { name: string; image: string; ports: unknown[] }[] } } } };
    assert.equal(d.metadata.labels['tier'], 'web');
    assert.equal(d.spec.minReadySeconds, 2);
    assert.equal(d.spec.template.spec.containers.length, 1);
    assert.equal(d.spec.template.spec.containers[0]?.image, 'argoproj/rollouts-demo:red');
    assert.equal(d.spec.template.spec.containers[0]?.ports.length, 1, 'merge by name keeps the ports');
    assert.match(await api.k('scale deploy demo --replicas=5'), /deployment.apps\/demo scaled/);
    assert.equal(await api.k('get deploy demo -o jsonpath={.spec.replicas}'), '5');
    const wrong = await api.kubectl('scale deploy demo --current-replicas=2 --replicas=1');
    assert.match(wrong.stderr, /Expected replicas to be 2, was 5/);
    assert.match(await api.k('scale deploy demo --current-replicas=5 --replicas=1'), /scaled/);
    const bad = await api.kubectl(['patch', 'deploy', 'demo', '--type', 'merge', '-p', '{"spec":{"replicas":-1}}']);
    assert.match(bad.stderr, /The Deployment "demo" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0/);
    assert.match(await api.k('create ns argo-rollouts'), /namespace\/argo-rollouts created/);
    assert.match((await api.kubectl('create ns argo-rollouts')).stderr, /AlreadyExists.*namespaces "argo-rollouts" already exists/);
    assert.match(await api.k(['apply', '-n', 'argo-rollouts', '-f', chapter('5.8-ingress.yaml')]), /ingress.extensions\/demo-ingress created/);
    assert.match(await api.k('get ingress -n argo-rollouts'), /demo-ingress\s+<none>\s+demo.info/);
    const missing = await api.kubectl(['apply', '-n', 'nosuchns', '-f', chapter('5.8-ingress.yaml')]);
    assert.match(missing.stderr, /namespaces "nosuchns" not found/);
    await api.k(['delete', '-f', chapter('5.3-deployment2.yaml')]);
  });

  test('kubectl get rs --watch shows a change made by another client', async () => {
    await api.k(['apply', '-f', chapter('5.1-ReplicaSet.yaml')]);
    const w = api.watch('get rs --watch');
    try {
      await eventuallyLines(w.lines, (l) => /^demo\s+2\s+/.test(l));
      await api.k('scale rs demo --replicas=4');
      await eventuallyLines(w.lines, (l) => /^demo\s+4\s+/.test(l));
    } finally {
      w.child.kill();
    }
    await api.k(['delete', '-f', chapter('5.1-ReplicaSet.yaml')]);
  });
});

async function eventuallyLines(lines: string[], pred: (l: string) => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!lines.some(pred)) {
    if (Date.now() > deadline) throw new Error(`no matching line in:\n${lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
