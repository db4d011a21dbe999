// The CLI as a real child process (`node dist/src/main.js` when compiled, `node --import tsx src/main.ts` from
// source): exit codes, exactly one `error:` line on stderr, kubeconfig resolution and an unreachable server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { R } from '../../src/api/resources.js';
import type { KubeClient } from '../../src/control/index.js';
import type { TestApi } from '../harness/api-harness.js';
import { fixture, repoRoot } from '../harness/fixtures.js';
import { seed, startCliCluster } from './_cli-harness.js';
import { demoRollout } from './_canary-world.js';

const compiled = fileURLToPath(import.meta.url).endsWith('.js');
const entry = compiled ? [join(repoRoot(), 'dist', 'src', 'main.js')] : ['--import', 'tsx', join(repoRoot(), 'src', 'main.ts')];

interface Result { code: number; out: string; err: string }

/** Runs `sluice …` with a clean environment (HOME and KUBECONFIG as given). */
function sluice(args: readonly string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...entry, ...args], { cwd: repoRoot(), env: { PATH: process.env['PATH'] ?? '', HOME: home, ...env }, timeout: 60_000 },
      (err, out, errOut) => resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, out, err: errOut }));
  });
}

let api: TestApi;
let client: KubeClient;
let close: () => Promise<void>;
let home: string;

before(async () => {
  ({ api, client, close } = await startCliCluster());
  home = mkdtempSync(join(tmpdir(), 'sluice-home-'));
  await seed(client, R.rollouts, demoRollout('ok'), { observedGeneration: '1', phase: 'Healthy' });
  await seed(client, R.rollouts, demoRollout('bad'), { observedGeneration: '1', phase: 'Degraded', message: 'ProgressDeadlineExceeded: ReplicaSet "bad-1" has timed out progressing.' });
});
after(async () => { await close(); rmSync(home, { recursive: true, force: true }); });

test('a missing rollout: exit 1 and exactly one error line', async () => {
  const r = await sluice(['--kubeconfig', api.kubeconfig, 'get', 'rollout', 'nope']);
  assert.deepEqual(r, { code: 1, out: '', err: 'error: rollout "nope" not found in namespace "default"\n' });
});

test('status exits 0 when Healthy and 1 when Degraded', async () => {
  assert.deepEqual(await sluice(['--kubeconfig', api.kubeconfig, 'status', 'ok']), { code: 0, out: 'Healthy\n', err: '' });
  const bad = await sluice(['status', 'bad', '--kubeconfig', api.kubeconfig]);
  assert.equal(bad.code, 1);
  assert.equal(bad.err, 'error: The rollout is in a degraded state with message: ProgressDeadlineExceeded: ReplicaSet "bad-1" has timed out progressing.\n');
});

test('an unreachable API server is one line that says where and what to check', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-kc-'));
  const kc = join(dir, 'kubeconfig');
  writeFileSync(kc, `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
current-context: x
`);
  const r = await sluice(['promote', 'demo'], { KUBECONFIG: kc });
  assert.equal(r.code, 1);
  assert.equal(r.err, `error: cannot reach the Kubernetes API at https://127.0.0.1:1: is \`sluice up\` running? (kubeconfig: ${kc} (from $KUBECONFIG))\n`);
  rmSync(dir, { recursive: true, force: true });
});

test('kubeconfig resolution: ~/.sluice/kubeconfig when it exists, else ~/.kube/config, named in the error', async () => {
  const missing = await sluice(['list', 'rollouts']);
  assert.equal(missing.code, 1);
  assert.equal(missing.err, `error: cannot load kubeconfig ${join(home, '.kube', 'config')} (the default): no such file\n`);
  mkdirSync(join(home, '.sluice'), { recursive: true });
  copyFileSync(api.kubeconfig, join(home, '.sluice', 'kubeconfig'));
  const found = await sluice(['list', 'rollouts']);
  assert.equal(found.code, 0, found.err);
  assert.match(found.out, /^NAME +STRATEGY/);
  const wrongContext = await sluice(['list', 'rollouts', '--context', 'nope']);
  assert.equal(wrongContext.err.split('\n').length, 2, 'one line');
  assert.match(wrongContext.err, /^error: cannot load kubeconfig .*\.sluice\/kubeconfig \(written by sluice up\): Cannot use context "nope"/);
});

test('usage errors and lint failures are one line with exit 1; version and lint of a clean file exit 0', async () => {
  const usage = await sluice(['promote']);
  assert.deepEqual([usage.code, usage.err], [1, "error: missing required argument 'ROLLOUT_NAME'\n"]);
  const lint = await sluice(['lint', '-f', fixture('chapter', '5.14-rollout-with-analysis.as-printed.yaml')]);
  assert.equal(lint.code, 1);
  assert.equal(lint.err, `error: 2 errors in ${fixture('chapter', '5.14-rollout-with-analysis.as-printed.yaml')}\n`);
  const clean = await sluice(['lint', '-f', fixture('chapter', '5.12-canary_rollout.yaml')]);
  assert.deepEqual(clean, { code: 0, out: '', err: '' });
  const version = await sluice(['version', '--short']);
  assert.equal(version.code, 0);
  assert.match(version.out, /^sluice: v\d+\.\d+\.\d+\S*\n$/);
});
