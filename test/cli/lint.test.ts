// `sluice lint -f`: offline validation of the chapter's listings (as printed and corrected) and of a file with
// several problems — every one reported with its file, line and field path; exit 1 only for errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture } from '../harness/fixtures.js';
import { runCli } from './_cli-harness.js';

const lint = async (file: string): Promise<{ code: number; lines: string[]; err: string }> => {
  const r = await runCli(['lint', '-f', file]);
  return { code: r.code, lines: r.out.split('\n').filter((l) => l !== ''), err: r.err };
};

test('lint reports the capitalised Strategy: of listing 5.9 as printed, with the path, line and a hint', async () => {
  const f = fixture('chapter', '5.9-bluegreen_rollout.as-printed.yaml');
  const r = await lint(f);
  assert.equal(r.code, 1);
  assert.deepEqual(r.lines, [
    `${f}:23: Rollout "demo": spec.Strategy: unknown field "Strategy" (did you mean "strategy"?)`,
    `${f}:7: Rollout "demo": spec.strategy.strategy: Required value: Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'`,
  ]);
  assert.equal(r.err, `error: 2 errors in ${f}\n`);
});

test('lint reports the capitalised Canary: of listing 5.14 as printed', async () => {
  const f = fixture('chapter', '5.14-rollout-with-analysis.as-printed.yaml');
  const r = await lint(f);
  assert.equal(r.code, 1);
  assert.equal(r.lines[0], `${f}:12: Rollout "demo": spec.strategy.Canary: unknown field "Canary" (did you mean "canary"?)`);
  assert.equal(r.lines.length, 2);
});

test('the corrected listings lint clean (5.14 keeps a warning about its v0.x analysis.templateName)', async () => {
  for (const name of ['5.9-bluegreen_rollout.yaml', '5.12-canary_rollout.yaml']) {
    const r = await lint(fixture('chapter', name));
    assert.deepEqual([r.code, r.lines, r.err], [0, [], ''], name);
  }
  const f = fixture('chapter', '5.14-rollout-with-analysis.yaml');
  const r = await lint(f);
  assert.equal(r.code, 0);
  assert.deepEqual(r.lines, [
    `${f}:14: Rollout "demo": spec.strategy.canary.analysis.templateName: warning: Argo Rollouts v0.x form: Sluice reads it as "templates: [{templateName: …}]", Argo Rollouts 1.x refuses it`,
    `${f}:1: Rollout "demo": note: AnalysisTemplate "pass" is not defined in this file; not checked`,
  ]);
});

test('lint prints every problem of a file, not only the first, and checks Services and Ingresses of the same file', async () => {
  const f = fixture('cli', 'lint-many-problems.yaml');
  const r = await lint(f);
  assert.equal(r.code, 1);
  assert.deepEqual(r.lines, [
    `${f}:19: Rollout "shop": spec.template.spec.containers[0].imagePullPolice: unknown field "imagePullPolice"`,
    `${f}:31: Rollout "shop": spec.strategy.steps[0].setWeight: Invalid value: 120: SetWeight needs to be between 0 and 100`,
    `${f}:23: Rollout "shop": spec.strategy.canary.stableService: Invalid value: "shop-stable": Service "shop-stable" has unmatch label "app" in rollout`,
    `${f}:26: Rollout "shop": spec.strategy.canary.trafficRouting.nginx.stableIngress: Invalid value: "shop-ingress": ingress \`shop-ingress\` has no rules using service shop-stable backend`,
    `${f}:2: Rollout "shop": note: AnalysisTemplate "success-rate" is not defined in this file; not checked`,
  ]);
  assert.equal(r.err, `error: 4 errors in ${f}\n`);
});

test('lint checks the Services of the file strictly too (listing 5.2 as printed: Selector:)', async () => {
  const f = fixture('chapter', '5.2-deployment.as-printed.yaml');
  const r = await lint(f);
  assert.equal(r.code, 1);
  assert.ok(r.lines.includes(`${f}:35: Service "demo": spec.Selector: unknown field "Selector" (did you mean "selector"?)`), r.lines.join('\n'));
});

test('lint of a missing file or without -f is one error line', async () => {
  assert.deepEqual(await lint('no/such.yaml'), { code: 1, lines: [], err: 'error: cannot read no/such.yaml: no such file\n' });
  const r = await runCli(['lint']);
  assert.deepEqual([r.code, r.err], [1, 'error: lint needs a file: sluice lint -f FILE\n']);
});
