// The Eviction API (pods/eviction), as the rollouts controller uses it for spec.restartAt: a graceful delete
// of a pod on a node, refused clearly for a wrong body, listed in discovery with its policy/v1 kind.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { isApiError } from '../../src/api/api-error.js';
import type { Pod } from '../../src/api/core-v1.js';
import { R } from '../../src/api/resources.js';
import { RestClient } from '../../src/control/rest-client.js';
import { startTestApi, type TestApi } from '../harness/api-harness.js';

let api: TestApi;
let client: RestClient;
before(async () => { api = await startTestApi(); client = new RestClient(api.server.transport()); });
after(async () => { await api.close(); });

const pod = (name: string, nodeName?: string): Promise<Pod> => client.create<Pod>(R.pods, {
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
  spec: { ...(nodeName === undefined ? {} : { nodeName }), terminationGracePeriodSeconds: 7, containers: [{ name: 'c', image: 'busybox' }] },
});

test('evicting a pod on a node marks it for graceful deletion; an unbound pod goes at once', async () => {
  await pod('bound', 'sluice');
  await client.evictPod('default', 'bound');
  const marked = await client.get<Pod>(R.pods, 'default', 'bound');
  assert.ok(marked.metadata.deletionTimestamp);
  assert.equal(marked.metadata.deletionGracePeriodSeconds, 7);
  await client.evictPod('default', 'bound'); // again: still Success, nothing changes
  assert.equal((await client.get<Pod>(R.pods, 'default', 'bound')).metadata.resourceVersion, marked.metadata.resourceVersion);

  await pod('loose');
  await client.evictPod('default', 'loose');
  await assert.rejects(client.get(R.pods, 'default', 'loose'), (e) => isApiError(e) && e.reason === 'NotFound');
  await assert.rejects(client.evictPod('default', 'missing'), (e) => isApiError(e) && e.reason === 'NotFound');
});

test('a mismatched or foreign eviction body is 400 and deletes nothing', async () => {
  await pod('kept', 'sluice');
  const post = async (body: unknown): Promise<string> =>
    (await api.kubectl(['create', '--raw', '/api/v1/namespaces/default/pods/kept/eviction', '-f', '-'], JSON.stringify(body))).stderr;
  assert.match(await post({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'other' } }), /name in URL does not match name in Eviction object/);
  assert.match(await post({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kept' } }), /must be a policy\/v1 Eviction/);
  assert.equal((await client.get<Pod>(R.pods, 'default', 'kept')).metadata.deletionTimestamp, undefined);
  assert.match(await api.k('api-resources --api-group= -o wide'), /^pods\s+po\s+v1\s+true\s+Pod\s/m);
  assert.match(await api.k(['get', '--raw', '/api/v1']), /"name":"pods\/eviction","singularName":"","namespaced":true,"kind":"Eviction","verbs":\["create"\],"group":"policy","version":"v1"/);
});
