// `kubectl apply --server-side`: creates what does not exist (built-in kinds, cluster-scoped ones and custom
// resources alike) and merges into what does; a large object is fine (no last-applied annotation).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../harness/api-harness.js';
import { fixture } from '../harness/fixtures.js';

let api: TestApi;
before(async () => { api = await startTestApi(); });
after(async () => { await api.close(); });

test('apply --server-side creates, then updates, built-in objects of any scope', async () => {
  const out = await api.k(['apply', '--server-side', '-f', fixture('chapter', '5.2-deployment.yaml'), '-f', fixture('chapter', 'argo-rollouts-install-like.yaml'), '-n', 'default']);
  for (const o of ['deployment.apps/demo', 'service/demo', 'clusterrole.rbac.authorization.k8s.io/argo-rollouts', 'serviceaccount/argo-rollouts']) {
    assert.ok(out.includes(`${o} serverside-applied`), `${o} in:\n${out}`);
  }
  assert.equal(await api.k(['get', 'deploy', 'demo', '-o', 'jsonpath={.spec.replicas}/{.spec.strategy.type}']), '2/RollingUpdate');
  assert.equal(await api.k(['get', 'deploy', 'demo', '-o', 'jsonpath={.metadata.annotations}']), '', 'no last-applied annotation');
  await api.k(['apply', '--server-side', '-f', '-'], `apiVersion: apps/v1
kind: Deployment
metadata: {name: demo, labels: {app: demo}}
spec:
  replicas: 3
  selector: {matchLabels: {app: demo}}
  template:
    metadata: {labels: {app: demo}}
    spec: {containers: [{name: demo, image: "argoproj/rollouts-demo:green"}]}
`);
  assert.equal(await api.k(['get', 'deploy', 'demo', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}']), '3 argoproj/rollouts-demo:green');
});

test('a ConfigMap larger than the 256 KiB annotation limit applies server-side, not client-side', async () => {
  const big = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {blob: "${'x'.repeat(300 * 1024)}"}\n`;
  const client = await api.kubectl(['apply', '-f', '-'], big);
  assert.notEqual(client.code, 0);
  assert.match(client.stderr, /metadata\.annotations: Too long/);
  assert.equal((await api.kubectl('get cm big')).code, 1, 'the refused apply stored nothing');
  assert.match(await api.k(['apply', '--server-side', '-f', '-'], big), /configmap\/big serverside-applied/);
  assert.equal((await api.k(['get', 'cm', 'big', '-o', 'jsonpath={.data.blob}'])).length, 300 * 1024);
});
