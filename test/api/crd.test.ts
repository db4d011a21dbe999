// Issue 2 acceptance: a CRD applied with kubectl is served at once, with printer columns, merge patch,
// the status subresource and schema validation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../harness/api-harness.js';
import { fixture } from '../harness/fixtures.js';

let api: TestApi;
before(async () => { api = await startTestApi(); });
after(async () => { await api.close(); });

const rollout = (image: string, replicas = 3): string => `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: demo
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: demo}}
  template:
    metadata: {labels: {app: demo}}
    spec: {containers: [{name: demo, image: "${image}"}]}
  strategy: {canary: {steps: [{setWeight: 10}]}}
`;

test('a CRD becomes a served resource with printer columns, short name, merge patch and /status', async () => {
  assert.match(await api.k(['apply', '-f', fixture('crd', 'minimal-rollout-crd.yaml')]), /customresourcedefinition.apiextensions.k8s.io\/rollouts.argoproj.io created/);
  assert.match(await api.k(['apply', '-f', '-'], rollout('argoproj/rollouts-demo:blue')), /rollout.argoproj.io\/demo created/);
  const table = await api.k('get ro');
  assert.match(table, /^NAME\s+DESIRED\s+CURRENT\s+UP-TO-DATE\s+AVAILABLE\s+AGE\n/);
  assert.match(table, /\ndemo\s+3\s+\S+/);
  assert.match(await api.k(['apply', '-f', '-'], rollout('argoproj/rollouts-demo:green', 4)), /rollout.argoproj.io\/demo configured/);
  const ro = JSON.parse(await api.k('get rollout demo -o json')) as { metadata: { generation: number }; spec: { replicas: number; template: { spec: { containers: { image: string }[] } } } };
  assert.equal(ro.metadata.generation, 2);
  assert.equal(ro.spec.replicas, 4);
  assert.equal(ro.spec.template.spec.containers[0]?.image, 'argoproj/rollouts-demo:green');
  // Strategic merge patch is refused for custom resources, as on a real server.
  const smp = await api.kubectl(['patch', 'rollout', 'demo', '-p', '{"spec":{"replicas":2}}']);
  assert.match(smp.stderr, /application\/strategic-merge-patch\+json is not supported/);
  await api.k(['patch', 'rollout', 'demo', '--type', 'merge', '-p', '{"spec":{"replicas":2}}']);
  // Status only through /status: a main-resource patch of status is ignored, a /status patch lands.
  await api.k(['patch', 'rollout', 'demo', '--type', 'merge', '-p', '{"status":{"phase":"Healthy"}}']);
  assert.equal(await api.k('get rollout demo -o jsonpath={.status.phase}'), '');
  await api.k(['patch', 'rollout', 'demo', '--subresource', 'status', '--type', 'merge', '-p', '{"status":{"phase":"Healthy","replicas":2,"HPAReplicas":2},"spec":{"replicas":9}}']);
  assert.equal(await api.k('get rollout demo -o jsonpath={.status.phase}'), 'Healthy');
  assert.equal(await api.k('get rollout demo -o jsonpath={.spec.replicas}'), '2', 'a status write must not change spec');
  assert.match(await api.k('get ro demo'), /demo\s+2\s+2\s/);
  assert.match(await api.k('scale rollout demo --replicas=3'), /rollout.argoproj.io\/demo scaled/);
  assert.equal(await api.k('get rollout demo -o jsonpath={.spec.replicas}'), '3');
  const invalid = await api.kubectl(['patch', 'rollout', 'demo', '--type', 'merge', '-p', '{"spec":{"replicas":"three"}}']);
  assert.match(invalid.stderr, /spec.replicas/);
  assert.equal(await api.k('get rollout demo -o jsonpath={.spec.replicas}'), '3', 'a refused patch changes nothing');
});

test('deleting the CRD stops serving it and removes its objects', async () => {
  await api.k(['delete', '-f', fixture('crd', 'minimal-rollout-crd.yaml')]);
  const r = await api.kubectl('get rollouts.argoproj.io');
  assert.notEqual(r.code, 0);
  assert.equal(api.store.list('argoproj.io/rollouts').length, 0);
});
