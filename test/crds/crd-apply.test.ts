// The generated CRDs served by the embedded API server and driven by the real kubectl: the chapter's listings apply,
// the as-printed typos are refused (strict field validation) and not stored, and kubectl prints Argo's columns.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CRD_DIR } from '../../src/api/rollouts-schema/crd-files.js';
import { startTestApi, type TestApi } from '../harness/api-harness.js';
import { fixture, repoRoot } from '../harness/fixtures.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
  const out = await api.k(['apply', '-f', join(repoRoot(), CRD_DIR)]);
  assert.match(out, /customresourcedefinition\.apiextensions\.k8s\.io\/rollouts\.argoproj\.io created/);
});
after(async () => { await api.close(); });

const chapter = (f: string): string => fixture('chapter', f);

const ROLLOUT = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: web, image: argoproj/rollouts-demo:blue, IMAGE_POLICY}
  strategy:
    canary:
      canaryService: web-canary
      stableService: web-stable
      trafficRouting:
        gatewayAPI: {httpRoute: web-route, namespace: default}
      steps: [{setWeight: 20}, {pause: {}}]
`;

describe('the argoproj.io CRDs on the embedded API server', () => {
  test('kubectl discovers the five kinds with Argo\'s short names and scopes', async () => {
    const out = await api.k('api-resources --api-group=argoproj.io');
    for (const row of [/^analysisruns\s+ar\s+argoproj\.io\/v1alpha1\s+true\s+AnalysisRun$/m, /^analysistemplates\s+at\s+argoproj\.io\/v1alpha1\s+true\s+AnalysisTemplate$/m,
      /^clusteranalysistemplates\s+cat\s+argoproj\.io\/v1alpha1\s+false\s+ClusterAnalysisTemplate$/m, /^experiments\s+exp\s+argoproj\.io\/v1alpha1\s+true\s+Experiment$/m,
      /^rollouts\s+ro\s+argoproj\.io\/v1alpha1\s+true\s+Rollout$/m]) assert.match(out, row);
  });

  test('the chapter\'s corrected listings 5.9, 5.12, 5.13 and 5.14 apply cleanly and print Argo\'s columns', async () => {
    assert.match(await api.k(['apply', '-f', chapter('5.13-analysis-templates.yaml')]), /analysistemplate\.argoproj\.io\/pass created\s+analysistemplate\.argoproj\.io\/fail created/);
    assert.match(await api.k('get at'), /^NAME\s+AGE\nfail\s+\S+\npass\s+\S+\n$/);
    for (const f of ['5.9-bluegreen_rollout.yaml', '5.12-canary_rollout.yaml', '5.14-rollout-with-analysis.yaml']) {
      const r = await api.kubectl(['apply', '-f', chapter(f)]);
      assert.equal(r.code, 0, `${f}: ${r.stderr}`);
      assert.equal(r.stderr, '', `${f} applies without warnings`);
      assert.match(r.stdout, /rollout\.argoproj\.io\/demo created/, f);
      const table = await api.k('get ro');
      assert.match(table.split('\n')[0] ?? '', /^NAME\s+DESIRED\s+CURRENT\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/);
      assert.match(table, /^demo\s+3\s+/m);
      if (f.startsWith('5.14')) assert.equal(await api.k('get ro demo -o jsonpath={.spec.strategy.canary.analysis.templateName}'), 'pass');
      await api.k('delete ro demo');
    }
    await api.k(['delete', '-f', chapter('5.13-analysis-templates.yaml')]);
  });

  for (const [file, field] of [['5.9-bluegreen_rollout.as-printed.yaml', 'spec.Strategy'], ['5.14-rollout-with-analysis.as-printed.yaml', 'spec.strategy.Canary']] as const) {
    test(`listing ${file.split('-')[0] ?? ''} as printed is refused with "${field}" named, and the Rollout is not stored`, async () => {
      const r = await api.kubectl(['apply', '-f', chapter(file)]);
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, new RegExp(`Rollout in version "v1alpha1" cannot be handled as a Rollout: strict decoding error: unknown field "${field.replace(/\./g, '\\.')}"`));
      assert.match((await api.kubectl('get ro demo')).stderr, /rollouts\.argoproj\.io "demo" not found/);
      await api.k('delete svc demo-service --ignore-not-found');
    });
  }

  test('a typo inside the pod template is refused too (pod templates are typed, not schemaless)', async () => {
    const r = await api.kubectl(['apply', '-f', '-'], ROLLOUT.replace('IMAGE_POLICY', 'imagePullPolicyy: Always'));
    assert.match(r.stderr, /strict decoding error: unknown field "spec\.template\.spec\.containers\[0\]\.imagePullPolicyy"/);
    assert.match((await api.kubectl('get ro web')).stderr, /not found/);
  });

  test('trafficRouting.gatewayAPI is kept, not pruned (Argo issue #4569), and the scale subresource works', async () => {
    await api.k(['apply', '-f', '-'], ROLLOUT.replace('IMAGE_POLICY', 'imagePullPolicy: Always'));
    assert.equal(await api.k('get ro web -o jsonpath={.spec.strategy.canary.trafficRouting.gatewayAPI.httpRoute}'), 'web-route');
    assert.match(await api.k('scale ro web --replicas=4'), /rollout\.argoproj\.io\/web scaled/);
    assert.equal(await api.k('get ro web -o jsonpath={.spec.replicas}'), '4');
    await api.k('delete ro web');
  });

  test('a Rollout without a strategy is refused at admission (Argo would store it and mark it InvalidSpec)', async () => {
    const r = await api.kubectl(['apply', '-f', '-'], ROLLOUT.replace('IMAGE_POLICY', 'imagePullPolicy: Always').replace(/^ {2}strategy:[\s\S]*$/m, ''));
    assert.match(r.stderr, /The Rollout "web" is invalid: spec\.strategy: Required value/);
  });

  test('AnalysisRuns and Experiments print STATUS; ClusterAnalysisTemplates are cluster-scoped', async () => {
    await api.k(['apply', '-f', '-'], [
      'apiVersion: argoproj.io/v1alpha1\nkind: AnalysisRun\nmetadata: {name: run1}\nspec:\n  metrics: [{name: m, provider: {web: {url: "http://example.invalid/"}}}]\nstatus: {phase: Running}',
      'apiVersion: argoproj.io/v1alpha1\nkind: Experiment\nmetadata: {name: exp1}\nspec:\n  templates:\n  - name: t\n    selector: {matchLabels: {app: t}}\n'
        + '    template: {metadata: {labels: {app: t}}, spec: {containers: [{name: c, image: alpine:3.8}]}}',
      'apiVersion: argoproj.io/v1alpha1\nkind: ClusterAnalysisTemplate\nmetadata: {name: shared}\nspec:\n  metrics: [{name: m, provider: {job: {spec: {template: {spec: {containers: [{name: c, image: alpine:3.8}], restartPolicy: Never}}}}}}]',
    ].join('\n---\n'));
    assert.match(await api.k('get ar'), /^NAME\s+STATUS\s+AGE\nrun1\s+Running\s+\S+\n$/);
    assert.match(await api.k('get exp'), /^NAME\s+STATUS\s+AGE\nexp1\s+\S+\n$/);
    assert.match(await api.k('get cat -A'), /^NAME\s+AGE\nshared\s+\S+\n$/);
    await api.k('delete ar run1');
    await api.k('delete exp exp1');
    await api.k('delete cat shared');
  });
});
