// The dashboard in real headless Chromium against the whole runtime: the rollout list and detail follow the
// controller live (server-sent events), the buttons run the same operations as the CLI with the bearer token,
// and requests without the token or from a foreign Host are refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Agent, request } from 'undici';
import { startDashboard, type Dashboard } from '../../src/dashboard/server.js';
import { fixture } from '../harness/fixtures.js';
import { eventually } from '../harness/poll.js';
import { startTestRuntime, type TestRuntime } from '../harness/runtime-harness.js';

const TOKEN = 'dashboard-test-token-0123456789';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
let rt: TestRuntime;
let dashboard: Dashboard;
let browser: Browser;
let page: Page;
const insecure = new Agent({ connect: { rejectUnauthorized: false } });

before(async () => {
  rt = await startTestRuntime();
  dashboard = await startDashboard({ client: rt.runtime.client, host: '127.0.0.1', port: 0, token: TOKEN, tls: { certPem: rt.runtime.pki.certPem, keyPem: rt.runtime.pki.keyPem } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  page = await context.newPage();
});
after(async () => {
  await browser.close();
  await dashboard.close();
  await insecure.close();
  await rt.close();
});

const text = (selector: string): Promise<string> => page.locator(selector).first().innerText();
const waitText = (selector: string, want: string | RegExp, timeoutMs = 60_000): Promise<string> =>
  eventually(async () => { const t = await text(selector).catch(() => ''); return (typeof want === 'string' ? t === want : want.test(t)) && t; }, `${selector} to show ${String(want)}`, timeoutMs, 100);
const setImage = (colour: string): Promise<string> => rt.k(['patch', 'rollout', 'ops', '--type', 'json', '-p', `[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"argoproj/rollouts-demo:${colour}"}]`]);

test('the list and the detail follow the rollout live', async () => {
  await page.goto(`${dashboard.url}#token=${TOKEN}`);
  assert.equal(new URL(page.url()).hash, '', 'the token is taken out of the address bar');
  await rt.k(['apply', '-f', fixture('rollouts', 'basic-canary.yaml')]);
  await page.locator('[data-rollout="default/ops"]').waitFor({ timeout: 30_000 });
  await waitText('#detail-status', 'Healthy');
  assert.match(await text('#replicas [data-stat=available]'), /^4\n?available$/);

  await setImage('green');
  await waitText('#detail-status', 'Paused');
  assert.equal(await text('#steps li[data-state=current]'), '2. Pause (until promoted)');
  assert.equal(await page.locator('#steps li[data-state=done]').count(), 1);
  assert.equal(await page.locator('#weights').getAttribute('data-canary'), '25');
  assert.match(await text('[data-rollout="default/ops"]'), /Paused/);
  assert.equal(await page.locator('.rev').count(), 2, 'two revisions drawn');
});

test('Promote sends the promote patch; the detail follows to the next pause', async () => {
  await page.locator('button[data-action=promote]').click();
  await waitText('#notice', "rollout 'ops' promoted", 10_000);
  await eventually(async () => (await rt.k(['get', 'rollout', 'ops', '-o', 'jsonpath={.status.currentStepIndex}'])) === '3', 'step 3', 60_000);
  await waitText('#steps li[data-state=current]', '4. Pause (until promoted)');
  assert.equal(await page.locator('#weights').getAttribute('data-canary'), '50');
});

test('Abort puts the rollout back on stable and shows Degraded', async () => {
  await page.locator('button[data-action=abort]').click();
  await waitText('#detail-status', 'Degraded');
  assert.match(await text('#message'), /RolloutAborted/);
  await eventually(async () => (await page.locator('#weights').getAttribute('data-canary')) === '0', 'weight back to 0');
  await page.locator('button[data-action=promote-full]').click();
  await waitText('#detail-status', 'Healthy');
  assert.equal(await page.locator('#steps li[data-state=done]').count(), 4);
});

test('Rollback on an older revision brings its template back (undo --to-revision)', async () => {
  await page.locator('[data-revision="1"] button[data-rollback="1"]').click();
  await waitText('#notice', "rollout 'ops' rolled back to revision 1", 10_000);
  assert.equal(await rt.k(['get', 'rollout', 'ops', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']), 'argoproj/rollouts-demo:blue');
  await waitText('#detail-status', /Paused|Progressing/);
  assert.equal(await page.locator('[data-revision="3"] button[data-rollback]').count(), 0, 'the newest revision has no Rollback button');
  const bad = await request(`${dashboard.url}api/rollouts/default/ops/rollback?revision=99`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, dispatcher: insecure });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(await bad.body.json(), { error: 'unable to find specified revision 99 in history', reason: 'BadRequest' });
});

test('without the token, actions are refused: in the page, over HTTP, and from a foreign Host', async () => {
  const fresh = await browser.newPage({ ignoreHTTPSErrors: true });
  try {
    await fresh.goto(dashboard.url);
    await fresh.locator('#detail-status').waitFor();
    await fresh.locator('button[data-action=pause]').click();
    await eventually(async () => /token first/.test(await fresh.locator('#notice').innerText()), 'the page asks for the token');
  } finally {
    await fresh.close();
  }
  const post = (headers: Record<string, string>) => request(`${dashboard.url}api/rollouts/default/ops/pause`, { method: 'POST', headers, dispatcher: insecure });
  const noToken = await post({});
  assert.equal(noToken.statusCode, 401);
  assert.match(await noToken.body.text(), /actions need the dashboard token/);
  const wrong = await post({ authorization: 'Bearer nope' });
  assert.equal(wrong.statusCode, 401);
  await wrong.body.dump();
  assert.equal(await rt.k(['get', 'rollout', 'ops', '-o', 'jsonpath={.spec.paused}']), '', 'nothing changed');
  const foreign = await request(`${dashboard.url}api/rollouts`, { headers: { host: 'evil.example' }, dispatcher: insecure });
  assert.equal(foreign.statusCode, 403);
  await foreign.body.dump();
  const missing = await request(`${dashboard.url}api/rollouts/default/nope`, { dispatcher: insecure });
  assert.equal(missing.statusCode, 404);
  assert.deepEqual(await missing.body.json(), { error: 'rollouts.argoproj.io "nope" not found', reason: 'NotFound' });
});

test('a timed pause shows its countdown; clicking a card switches the detail', async () => {
  await rt.k(['apply', '-f', fixture('chapter', '5.8-ingress.yaml'), '-f', fixture('chapter', '5.12-canary_rollout.yaml')]);
  await eventually(async () => (await rt.k(['get', 'rollout', 'demo', '-o', 'jsonpath={.status.phase}'])) === 'Healthy', 'demo Healthy', 60_000);
  await rt.k(['patch', 'rollout', 'demo', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"argoproj/rollouts-demo:green"}]']);
  await page.locator('[data-rollout="default/demo"]').click();
  const message = await waitText('#message', /s left in the pause/);
  const left = Number(/(\d+) s left/.exec(message)?.[1]);
  assert.ok(left > 0 && left <= 60, message);
  assert.equal(await text('#steps li[data-state=current]'), '2. Pause 60s');
  assert.match(await text('[data-rollout="default/demo"]'), /Paused/);
});
