// `sluice undo` (JSON patch of /spec/template with an earlier revision's template, hash label removed) and
// `sluice create -f` (strict check first, nothing created on error).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { R } from '../../src/api/resources.js';
import type { ReplicaSet } from '../../src/api/apps-v1.js';
import type { Rollout } from '../../src/api/rollouts-v1alpha1.js';
import type { KubeClient } from '../../src/control/index.js';
import type { TestApi } from '../harness/api-harness.js';
import { fixture } from '../harness/fixtures.js';
import { runCli, seed, startCliCluster, ownedBy } from './_cli-harness.js';
import { demoRollout } from './_canary-world.js';

let api: TestApi;
let client: KubeClient;
let close: () => Promise<void>;
before(async () => { ({ api, client, close } = await startCliCluster()); });
after(async () => { await close(); });

const sluice = (...args: string[]): ReturnType<typeof runCli> => runCli(args, { kubeconfig: api.kubeconfig });

async function revisionRS(owner: Rollout, hash: string, image: string, revision: number): Promise<void> {
  const labels = { app: 'demo', 'rollouts-pod-template-hash': hash };
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name: `${owner.metadata.name ?? ''}-${hash}`, namespace: 'default', labels, annotations: { 'rollout.argoproj.io/revision': String(revision) }, ...ownedBy(owner) },
    spec: { replicas: 0, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'demo', image }] } } },
  };
  await seed(client, R.replicasets, rs);
}

test('undo goes back to the previous revision; --to-revision picks one; the current one is skipped', async () => {
  const ro = await seed(client, R.rollouts, demoRollout('u1'));
  await revisionRS(ro, 'aaa', 'argoproj/rollouts-demo:blue', 1);
  await revisionRS(ro, 'bbb', 'argoproj/rollouts-demo:red', 2);
  await revisionRS(ro, 'ccc', 'argoproj/rollouts-demo:green', 3);
  const r = await sluice('undo', 'u1');
  assert.deepEqual([r.code, r.out, r.err], [0, "rollout 'u1' undo\n", '']);
  const template = async (): Promise<Rollout['spec']['template']> => (await client.get<Rollout>(R.rollouts, 'default', 'u1')).spec.template;
  // The template of revision 2's ReplicaSet as stored (with the server's defaults), minus the hash label.
  const rs2 = await client.get<ReplicaSet>(R.replicasets, 'default', 'u1-bbb');
  assert.deepEqual(await template(), { ...rs2.spec.template, metadata: { labels: { app: 'demo' } } });
  const to1 = await sluice('undo', 'u1', '--to-revision', '1');
  assert.equal(to1.out, "rollout 'u1' undo\n");
  assert.equal((await template())?.spec.containers[0]?.image, 'argoproj/rollouts-demo:blue');
  const same = await sluice('undo', 'u1', '--to-revision', '1');
  assert.deepEqual([same.code, same.out], [0, 'skipped rollback (current template already matches revision 1)\n']);
  const missing = await sluice('undo', 'u1', '--to-revision', '7');
  assert.deepEqual([missing.code, missing.err], [1, 'error: unable to find specified revision 7 in history\n']);
});

test('undo of a rollout with a single revision says there is nothing to go back to', async () => {
  const ro = await seed(client, R.rollouts, demoRollout('u2'));
  await revisionRS(ro, 'ddd', 'argoproj/rollouts-demo:green', 1);
  const r = await sluice('undo', 'u2');
  assert.deepEqual([r.code, r.err], [1, 'error: no revision found for rollout "u2"\n']);
});

test('create -f creates the Rollout of a file; -n chooses the namespace', async () => {
  await api.k(['create', 'namespace', 'staging']);
  const file = fixture('cli', 'create-rollout.yaml');
  const r = await sluice('create', '-f', file, '-n', 'staging');
  assert.deepEqual([r.code, r.out, r.err], [0, 'rollout.argoproj.io/created-demo created\nanalysistemplate.argoproj.io/always-pass created\n', '']);
  assert.equal((await client.get<Rollout>(R.rollouts, 'staging', 'created-demo')).spec.replicas, 2);
  const again = await sluice('create', '-f', file, '-n', 'staging');
  assert.equal(again.err, 'error: Error from server (AlreadyExists): rollouts.argoproj.io "created-demo" already exists\n');
});

test('create -f refuses unknown fields and other kinds before creating anything', async () => {
  const printed = await sluice('create', '-f', fixture('chapter', '5.9-bluegreen_rollout.as-printed.yaml'));
  assert.equal(printed.code, 1);
  assert.match(printed.err, /^error: Rollout in .*5\.9-bluegreen_rollout\.as-printed\.yaml is invalid: spec\.Strategy: unknown field "Strategy" \(did you mean "strategy"\?\)\n$/);
  const withService = await sluice('create', '-f', fixture('chapter', '5.12-canary_rollout.yaml'));
  assert.match(withService.err, /^error: creates of \/Service unsupported \(in .*; use kubectl apply for other kinds\)\n$/);
  assert.equal((await client.list(R.rollouts, 'default')).items.some((x) => x.metadata.name === 'demo'), false, 'nothing was created');
});
