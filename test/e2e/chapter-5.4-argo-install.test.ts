// The chapter's Argo Rollouts install step on the embedded runtime: `kubectl create ns argo-rollouts` and
// `kubectl apply -n argo-rollouts -f install.yaml` (a manifest of the same shape, without network): the RBAC
// objects are stored and shown, and the controller image runs as a stand-in that answers its probes, because the
// runtime runs the Rollouts controller itself. A Rollout applied afterwards is managed as usual.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'undici';
import { fixture } from '../harness/fixtures.js';
import { eventually } from '../harness/poll.js';
import { startTestRuntime, type TestRuntime } from '../harness/runtime-harness.js';

let rt: TestRuntime;
before(async () => { rt = await startTestRuntime(); });
after(async () => { await rt.close(); });

test('the install manifest applies, its Deployment runs Ready, and Rollouts still work', async () => {
  assert.match(await rt.k('create ns argo-rollouts'), /namespace\/argo-rollouts created/);
  const out = await rt.k(['apply', '-n', 'argo-rollouts', '-f', fixture('chapter', 'argo-rollouts-install-like.yaml')]);
  for (const line of ['serviceaccount/argo-rollouts created', 'clusterrole.rbac.authorization.k8s.io/argo-rollouts created',
    'clusterrolebinding.rbac.authorization.k8s.io/argo-rollouts created', 'deployment.apps/argo-rollouts created']) assert.ok(out.includes(line), `${line} in:\n${out}`);
  const status = await rt.kubectl(['rollout', 'status', '-n', 'argo-rollouts', 'deployment/argo-rollouts', '--timeout=60s']);
  assert.equal(status.code, 0, status.stderr);
  assert.match(await rt.k('get pods -n argo-rollouts --no-headers'), /^argo-rollouts-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+/);
  assert.match(await rt.k('logs -n argo-rollouts deploy/argo-rollouts'), /argo-rollouts stand-in \(quay\.io\/argoproj\/argo-rollouts:v1\.8\.3\): the Sluice runtime runs the Rollouts controller itself/);
  const ip = await rt.k(['get', 'svc', '-n', 'argo-rollouts', 'argo-rollouts-metrics', '-o', 'jsonpath={.spec.clusterIP}']);
  const metrics = await eventually(async () => { const r = await request(`http://${ip}:8090/metrics`); const b = await r.body.text(); return r.statusCode === 200 && b; }, 'metrics through the Service');
  assert.match(metrics, /sluice_argo_rollouts_standin 1/);

  assert.match(await rt.k('get clusterrolebinding argo-rollouts -o wide'), /^NAME\s+ROLE\s+AGE\s+USERS\s+GROUPS\s+SERVICEACCOUNTS\nargo-rollouts\s+ClusterRole\/argo-rollouts\s+\S+\s+argo-rollouts\/argo-rollouts\n$/);
  assert.match(await rt.k('get clusterroles'), /^NAME\s+CREATED AT\nargo-rollouts\s+\S+Z\nargo-rollouts-aggregate-to-view\s+\S+Z\n$/);
  assert.equal(await rt.k(['get', 'clusterrole', 'argo-rollouts', '-o', 'jsonpath={.rules[0].resources}']), '["rollouts","rollouts/status","rollouts/finalizers"]');

  await rt.k(['apply', '-f', fixture('chapter', '5.8-ingress.yaml'), '-f', fixture('chapter', '5.12-canary_rollout.yaml')]);
  await eventually(async () => (await rt.k(['get', 'rollout', 'demo', '-o', 'jsonpath={.status.phase}'])) === 'Healthy', 'the rollout is managed', 60_000);
});
