// Issue 2 acceptance: an informer from @kubernetes/client-node (list + watch, reconnect) sees every
// add/update/delete in order.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as k8s from '@kubernetes/client-node';
import { startTestApi, type TestApi } from '../harness/api-harness.js';
import { eventually } from '../harness/poll.js';

let api: TestApi;
before(async () => { api = await startTestApi(); });
after(async () => { await api.close(); });

test('a client-node informer sees adds, updates and deletes in order, across a dropped connection', async () => {
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(api.kubeconfig);
  const core = kc.makeApiClient(k8s.CoreV1Api);
  await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'pre' }, data: { v: '0' } } });
  const seen: string[] = [];
  const informer = k8s.makeInformer(kc, '/api/v1/namespaces/default/configmaps', () => core.listNamespacedConfigMap({ namespace: 'default' }));
  const record = (type: string) => (o: k8s.V1ConfigMap): void => { seen.push(`${type} ${o.metadata?.name ?? ''} ${o.data?.['v'] ?? ''}`); };
  informer.on('add', record('add'));
  informer.on('update', record('update'));
  informer.on('delete', record('delete'));
  let restarts = 0;
  let stopped = false;
  informer.on('error', () => { if (!stopped) { restarts++; setTimeout(() => { if (!stopped) void informer.start(); }, 100); } });
  await informer.start();
  try {
    await eventually(() => seen.includes('add pre 0'), 'initial list');
    for (let i = 1; i <= 3; i++) await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: `c${i}` }, data: { v: '1' } } });
    await core.patchNamespacedConfigMap({ namespace: 'default', name: 'c1', body: { data: { v: '2' } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
    await eventually(() => seen.includes('update c1 2'), 'update before the drop');
    api.server.dropConnections();
    await core.patchNamespacedConfigMap({ namespace: 'default', name: 'c2', body: { data: { v: '3' } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
    await core.deleteNamespacedConfigMap({ namespace: 'default', name: 'c3' });
    await core.deleteNamespacedConfigMap({ namespace: 'default', name: 'pre' });
    await eventually(() => seen.includes('delete pre 0'), 'events after the reconnect');
    const expectedOrder = ['add pre 0', 'add c1 1', 'add c2 1', 'add c3 1', 'update c1 2', 'update c2 3', 'delete c3 1', 'delete pre 0'];
    assert.deepEqual(seen.filter((s) => expectedOrder.includes(s)), expectedOrder);
    assert.equal(new Set(seen).size, seen.length, `no duplicate deliveries: ${seen.join(', ')}`);
    assert.ok(restarts <= 1);
  } finally {
    stopped = true;
    await informer.stop();
  }
});
