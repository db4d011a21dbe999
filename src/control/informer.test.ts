import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConfigMap, Pod } from '../api/core-v1.js';
import type { KubeObject } from '../api/meta.js';
import { objectKey } from '../api/object-key.js';
import { R } from '../api/resources.js';
import { Informer, type InformerOptions } from './informer.js';
import { ManualTimers } from './manual-timers.js';
import { byControllerUid } from './object-cache.js';
import { RestClient } from './rest-client.js';
import { SharedInformers } from './shared-informers.js';
import { captureLog } from './testing/capture-log.js';
import { MemoryApi } from './testing/memory-api.js';
import { waitFor } from './testing/wait-for.js';

const cm = (name: string, data: Record<string, string> = {}, ns = 'default'): ConfigMap =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data });

function setup(opts: InformerOptions = {}) {
  const api = new MemoryApi();
  const client = new RestClient(api);
  const { log, lines } = captureLog();
  const inf = new Informer<ConfigMap>(client, R.configmaps, { backoffBaseMs: 1, backoffMaxMs: 5, log, ...opts });
  const events: string[] = [];
  inf.onAdd((o) => events.push(`add ${o.metadata.name} ${o.metadata.resourceVersion}`));
  inf.onUpdate((a, b) => events.push(`update ${b.metadata.name} ${a.metadata.resourceVersion}->${b.metadata.resourceVersion}`));
  inf.onDelete((o) => events.push(`delete ${o.metadata.name}`));
  return { api, client, inf, events, lines };
}

const watchRequests = (api: MemoryApi): string[] => api.requests.filter((r) => r.path.includes('watch=true')).map((r) => r.path);
const listRequests = (api: MemoryApi): string[] => api.requests.filter((r) => r.method === 'GET' && !r.path.includes('watch=true')).map((r) => r.path);

test('Informer lists, then watches from the list resourceVersion, delivering events in order', async () => {
  const { api, client, inf, events } = setup();
  await client.create(R.configmaps, cm('a'));
  await client.create(R.configmaps, cm('b'));
  inf.start();
  assert.equal(await inf.synced(), true);
  assert.ok(inf.hasSynced());
  assert.deepEqual(events, ['add a 1', 'add b 2']);
  await waitFor(() => api.openWatches() === 1, 'watch');
  assert.match(watchRequests(api)[0] ?? '', /resourceVersion=2&allowWatchBookmarks=true&timeoutSeconds=300/);
  await client.patch(R.configmaps, 'default', 'a', 'merge', { data: { x: '1' } });
  await client.create(R.configmaps, cm('c'));
  await client.delete(R.configmaps, 'default', 'b');
  await waitFor(() => events.length === 5, 'events');
  assert.deepEqual(events.slice(2), ['update a 1->3', 'add c 4', 'delete b']);
  assert.deepEqual(inf.list().map((o) => o.metadata.name).sort(), ['a', 'c']);
  assert.equal(inf.get(objectKey('default', 'a'))?.data?.['x'], '1');
  assert.equal(inf.resourceVersion(), '5');
  await inf.stop();
  assert.equal(api.openWatches(), 0);
});

test('Informer re-watches from the last seen resourceVersion when the server ends the stream', async () => {
  const { api, client, inf, events } = setup();
  inf.start();
  await inf.synced();
  await waitFor(() => api.openWatches() === 1, 'watch');
  await client.create(R.configmaps, cm('a'));
  await waitFor(() => events.length === 1, 'add');
  api.endWatches();
  await client.create(R.configmaps, cm('b'));
  await waitFor(() => events.length === 2, 'add after re-watch');
  assert.deepEqual(events, ['add a 1', 'add b 2']);
  const watches = watchRequests(api);
  assert.match(watches[watches.length - 1] ?? '', /resourceVersion=1&/);
  assert.equal(listRequests(api).length, 1, 'no relist');
  await inf.stop();
});

test('Informer relists on 410 Expired and emits the differences, including synthetic deletes', async () => {
  const { api, client, inf, events } = setup();
  for (const n of ['a', 'b', 'c']) await client.create(R.configmaps, cm(n));
  inf.start();
  await inf.synced();
  await waitFor(() => api.openWatches() === 1, 'watch');
  // A partition: watches fail while objects change, then history is compacted.
  api.intercept = (req) => (req.path.includes('watch=true') ? new Error('connection refused') : undefined);
  api.endWatches();
  await client.delete(R.configmaps, 'default', 'a');
  await client.patch(R.configmaps, 'default', 'b', 'merge', { data: { v: '2' } });
  await client.create(R.configmaps, cm('d'));
  api.compact();
  await waitFor(() => api.requests.filter((r) => r.path.includes('watch=true')).length >= 3, 'failed re-watches');
  api.intercept = undefined;
  await waitFor(() => events.length === 6, 'relist events');
  assert.deepEqual(events, ['add a 1', 'add b 2', 'add c 3', 'update b 2->5', 'add d 6', 'delete a']);
  assert.deepEqual(inf.list().map((o) => o.metadata.name).sort(), ['b', 'c', 'd']);
  assert.equal(listRequests(api).length, 2, 'one list at start, one after 410');
  await waitFor(() => api.openWatches() === 1, 'watch after relist');
  assert.match(watchRequests(api).at(-1) ?? '', /resourceVersion=6&/);
  await inf.stop();
});

test('Informer backs off and retries a failing list', async () => {
  const { api, client, inf, lines } = setup();
  await client.create(R.configmaps, cm('a'));
  let failures = 2;
  api.intercept = (req) => (!req.path.includes('watch=true') && failures-- > 0 ? new Error('ECONNREFUSED') : undefined);
  inf.start();
  assert.equal(await inf.synced(), true);
  assert.equal(inf.list().length, 1);
  assert.equal(lines.filter((l) => l.msg === 'list/watch failed, backing off').length, 2);
  await inf.stop();
});

test('Informer caches deeply frozen objects', async () => {
  const { client, inf } = setup();
  await client.create(R.configmaps, cm('a', { k: 'v' }));
  inf.start();
  await inf.synced();
  const a = inf.get(objectKey('default', 'a'));
  assert.ok(a !== undefined && Object.isFrozen(a) && Object.isFrozen(a.metadata) && Object.isFrozen(a.data));
  assert.throws(() => { (a.data as Record<string, string>)['k'] = 'x'; }, TypeError);
  await inf.stop();
});

test('Informer scoped to a namespace and label selector; byNamespace and handlers added late', async () => {
  const api = new MemoryApi();
  const client = new RestClient(api);
  await client.create(R.configmaps, { ...cm('a', {}, 'one'), metadata: { name: 'a', namespace: 'one', labels: { app: 'x' } } });
  await client.create(R.configmaps, { ...cm('b', {}, 'one'), metadata: { name: 'b', namespace: 'one', labels: { app: 'y' } } });
  await client.create(R.configmaps, { ...cm('c', {}, 'two'), metadata: { name: 'c', namespace: 'two', labels: { app: 'x' } } });
  const inf = new Informer<ConfigMap>(client, R.configmaps, { namespace: 'one', labelSelector: 'app=x', log: captureLog().log });
  inf.start();
  await inf.synced();
  assert.deepEqual(inf.list().map((o) => o.metadata.name), ['a']);
  assert.deepEqual(inf.byNamespace('one').map((o) => o.metadata.name), ['a']);
  assert.deepEqual(inf.byNamespace('two'), []);
  const late: string[] = [];
  inf.onAdd((o) => late.push(o.metadata.name ?? ''));
  assert.deepEqual(late, ['a'], 'a handler added after sync is replayed the cache');
  assert.match(listRequests(api)[0] ?? '', /^\/api\/v1\/namespaces\/one\/configmaps\?labelSelector=app%3Dx&limit=500$/);
  await inf.stop();
});

test('Informer index by controller owner uid finds the pods of a ReplicaSet', async () => {
  const api = new MemoryApi();
  const client = new RestClient(api);
  const pod = (name: string, owner?: string): Pod => ({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [] },
    metadata: { name, namespace: 'default', ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: `uid-${owner}`, controller: true }] } : {}) } });
  await client.create(R.pods, pod('p1', 'rs1'));
  await client.create(R.pods, pod('p2', 'rs2'));
  const inf = new Informer<Pod>(client, R.pods, { log: captureLog().log });
  inf.indexBy('owner', byControllerUid);
  inf.start();
  await inf.synced();
  await waitFor(() => api.openWatches() === 1, 'watch');
  await client.create(R.pods, pod('p3', 'rs1'));
  await client.create(R.pods, pod('p4'));
  await waitFor(() => inf.list().length === 4, 'pods');
  assert.deepEqual(inf.byIndex('owner', 'uid-rs1').map((p) => p.metadata.name).sort(), ['p1', 'p3']);
  await client.delete(R.pods, 'default', 'p1');
  await waitFor(() => inf.list().length === 3, 'delete');
  assert.deepEqual(inf.byIndex('owner', 'uid-rs1').map((p) => p.metadata.name), ['p3']);
  assert.throws(() => inf.byIndex('nope', 'x'), TypeError);
  await inf.stop();
});

test('Informer resync re-delivers every cached object as an update', async () => {
  const time = new ManualTimers(0);
  const { client, inf, events } = setup({ resyncMs: 30_000, timers: time, clock: time });
  await client.create(R.configmaps, cm('a'));
  inf.start();
  await inf.synced();
  time.advance(29_999);
  assert.deepEqual(events, ['add a 1']);
  time.advance(1);
  assert.deepEqual(events, ['add a 1', 'update a 1->1']);
  time.advance(30_000);
  assert.equal(events.length, 3);
  await inf.stop();
  assert.equal(time.pendingCount(), 0);
});

test('Informer.synced() resolves false when stopped before the first list', async () => {
  const { api, inf } = setup();
  api.intercept = () => new Error('down');
  inf.start();
  const synced = inf.synced();
  await inf.stop();
  assert.equal(await synced, false);
});

test('A handler that throws is logged and does not stop the others', async () => {
  const { client, inf, events, lines } = setup();
  inf.onAdd(() => { throw new Error('boom'); });
  const after: string[] = [];
  inf.onAdd((o) => after.push(o.metadata.name ?? ''));
  inf.start();
  await inf.synced();
  await client.create(R.configmaps, cm('a'));
  await waitFor(() => after.length === 1, 'add');
  assert.deepEqual(events, ['add a 1']);
  assert.equal(lines.filter((l) => l.msg === 'add handler threw').length, 1);
  await inf.stop();
});

test('SharedInformers shares one informer per resource and scope', async () => {
  const api = new MemoryApi();
  const client = new RestClient(api);
  await client.create(R.configmaps, cm('a'));
  const factory = new SharedInformers(client, { log: captureLog().log });
  const one = factory.informer<ConfigMap>(R.configmaps);
  const same = factory.informer<KubeObject>(R.configmaps);
  const other = factory.informer(R.configmaps, { namespace: 'kube-system' });
  assert.equal(one, same);
  assert.notEqual(one, other);
  factory.start();
  const late = factory.informer(R.secrets);
  assert.equal(await factory.synced(), true);
  assert.ok(late.hasSynced());
  assert.equal(one.list().length, 1);
  await factory.stop();
  assert.equal(api.openWatches(), 0);
});
