// Issue 4 acceptance, chapter 5.3.1, on the whole runtime: blue ×3 and green ×1 Deployments behind the
// chapter's main and canary Ingresses. The smooth weighted split is exact: at weight 10, 1,000 ± 10 of 10,000
// requests are green; at 100 all are; a canary-by-header match always reaches green whatever the weight.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture } from '../harness/fixtures.js';
import { eventually } from '../harness/poll.js';
import { startTestRuntime, type TestRuntime } from '../harness/runtime-harness.js';
import { countColours } from './_colours.js';

let rt: TestRuntime;
const A = 'nginx.ingress.kubernetes.io/';
const chapter = (f: string): string => fixture('chapter', f);
const count = (n: number, headers: Record<string, string> = {}): Promise<Record<string, number>> => countColours(`${rt.ingressUrl}/color`, 'demo.info', n, 8, headers);

before(async () => {
  rt = await startTestRuntime();
  await rt.k(['apply', '-f', chapter('5.4-blue_deployment.yaml'), '-f', chapter('5.10-green_deployment.yaml'), '-f', chapter('5.5-blue_ingress.yaml')]);
  for (const d of ['blue', 'green']) assert.equal((await rt.kubectl(['rollout', 'status', `deployment/${d}`, '--timeout=60s'])).code, 0);
  await eventually(async () => (await count(10))['"blue"'] === 10, 'demo.info served by blue');
  const applied = await rt.kubectl(['apply', '-f', chapter('5.11-canary_ingress.yaml')]);
  assert.equal(applied.code, 0, applied.stderr);
  assert.match(applied.stderr, /extensions\/v1beta1 Ingress is deprecated/);
  await eventually(async () => ((await count(100))['"green"'] ?? 0) > 0, 'the canary answers');
});
after(async () => { await rt.close(); });

test('canary-weight 10: of 10,000 requests 1,000 ± 10 are green', async () => {
  const c = await count(10_000);
  assert.equal((c['"green"'] ?? 0) + (c['"blue"'] ?? 0), 10_000, JSON.stringify(c));
  assert.ok(Math.abs((c['"green"'] ?? 0) - 1000) <= 10, JSON.stringify(c));
});

test('canary-weight 100: every request is green', async () => {
  await rt.k(['annotate', 'ingress', 'canary-ingress', `${A}canary-weight=100`, '--overwrite']);
  await eventually(async () => (await count(50))['"green"'] === 50, 'weight 100 applied');
  assert.deepEqual(await count(2000), { '"green"': 2000 });
});

test('canary-by-header: a matching header always reaches green, whatever the weight', async () => {
  await rt.k(['annotate', 'ingress', 'canary-ingress', `${A}canary-weight=0`, `${A}canary-by-header=X-Canary`, '--overwrite']);
  await eventually(async () => (await count(50))['"blue"'] === 50, 'weight 0 applied');
  assert.deepEqual(await count(1000, { 'x-canary': 'always' }), { '"green"': 1000 });
  assert.deepEqual(await count(500, { 'x-canary': 'never' }), { '"blue"': 500 });
  await rt.k(['annotate', 'ingress', 'canary-ingress', `${A}canary-weight=100`, '--overwrite']);
  await eventually(async () => (await count(50))['"green"'] === 50, 'weight 100 applied');
  assert.deepEqual(await count(500, { 'x-canary': 'never' }), { '"blue"': 500 }, 'never wins over the weight');
  assert.deepEqual(await count(500, { 'x-canary': 'always' }), { '"green"': 500 });
});
