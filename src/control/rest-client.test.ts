import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, isApiError } from '../api/api-error.js';
import type { KubeObject, WatchEvent } from '../api/meta.js';
import { R } from '../api/resources.js';
import { RestClient, withQuery } from './rest-client.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';
import { MemoryApi } from './testing/memory-api.js';

const enc = new TextEncoder();

async function* chunks(parts: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield p;
}

/** A transport that answers every request with one canned response and records requests. */
function canned(status: number, body: string | readonly Uint8Array[]): { transport: Transport; seen: TransportRequest[] } {
  const seen: TransportRequest[] = [];
  const transport: Transport = {
    request: async (req): Promise<TransportResponse> => {
      seen.push(req);
      return { status, headers: {}, body: chunks(typeof body === 'string' ? [enc.encode(body)] : body) };
    },
  };
  return { transport, seen };
}

/** Splits bytes into single-byte chunks: every boundary, including inside multi-byte characters. */
function byteByByte(text: string): Uint8Array[] {
  return [...enc.encode(text)].map((b) => Uint8Array.of(b));
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

test('RestClient maps a Status body to ApiError with its reason, message and details', async () => {
  const status = { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Invalid', code: 422, message: 'Deployment.apps "d" is invalid',
    details: { name: 'd', causes: [{ field: 'spec.replicas', reason: 'FieldValueInvalid' }] } };
  const c = new RestClient(canned(422, JSON.stringify(status)).transport);
  await assert.rejects(c.get(R.deployments, 'default', 'd'), (e: unknown) => {
    assert.ok(isApiError(e, 'Invalid'));
    assert.equal(e.code, 422);
    assert.equal(e.message, 'Deployment.apps "d" is invalid');
    assert.equal(e.details?.causes?.[0]?.field, 'spec.replicas');
    return true;
  });
});

test('RestClient maps non-Status error bodies by HTTP code', async () => {
  const rows: [number, string, string, string][] = [
    [404, '', 'NotFound', 'the server responded with HTTP 404'],
    [500, 'boom\n', 'InternalError', 'boom'],
    [503, '<html>down</html>', 'ServiceUnavailable', '<html>down</html>'],
    [418, '', 'BadRequest', 'the server responded with HTTP 418'],
  ];
  for (const [code, body, reason, message] of rows) {
    const c = new RestClient(canned(code, body).transport);
    await assert.rejects(c.raw('/healthz'), (e: unknown) => e instanceof ApiError && e.reason === reason && e.message === message);
  }
});

test('RestClient builds paths, query parameters, headers and bodies', async () => {
  const { transport, seen } = canned(200, JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } }));
  const c = new RestClient(transport);
  const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'ns', resourceVersion: '7' } };
  await c.create(R.deployments, d, { dryRun: true, fieldManager: 'me', fieldValidation: 'Strict' });
  await c.update(R.deployments, d);
  await c.updateStatus(R.deployments, d);
  await c.patch(R.deployments, 'ns', 'd', 'apply', { spec: {} });
  await c.patch(R.deployments, 'ns', 'd', 'json', [{ op: 'remove', path: '/x' }], { subresource: 'scale' });
  await c.delete(R.pods, 'ns', 'p', { propagationPolicy: 'Foreground' });
  const summary = seen.map((r) => [r.method, r.path, r.headers['Content-Type']]);
  assert.deepEqual(summary, [
    ['POST', '/apis/apps/v1/namespaces/ns/deployments?dryRun=All&fieldManager=me&fieldValidation=Strict', 'application/json'],
    ['PUT', '/apis/apps/v1/namespaces/ns/deployments/d', 'application/json'],
    ['PUT', '/apis/apps/v1/namespaces/ns/deployments/d/status', 'application/json'],
    ['PATCH', '/apis/apps/v1/namespaces/ns/deployments/d?fieldManager=sluice', 'application/apply-patch+yaml'],
    ['PATCH', '/apis/apps/v1/namespaces/ns/deployments/d/scale', 'application/json-patch+json'],
    ['DELETE', '/api/v1/namespaces/ns/pods/p', 'application/json'],
  ]);
  assert.ok(seen.every((r) => r.headers['Accept'] === 'application/json'));
  assert.equal(JSON.parse(seen[1]?.body ?? '{}').metadata.resourceVersion, '7');
  assert.deepEqual(JSON.parse(seen[5]?.body ?? '{}'), { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Foreground' });
});

test('RestClient.list sends selectors and paging and fills kind/apiVersion of items', async () => {
  const body = { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '9', continue: 'abc' }, items: [{ metadata: { name: 'a' } }] };
  const { transport, seen } = canned(200, JSON.stringify(body));
  const list = await new RestClient(transport).list(R.pods, 'default', { labelSelector: 'app=web,tier in (a,b)', fieldSelector: 'status.phase=Running', limit: 5, continue: 'x' });
  assert.equal(seen[0]?.path, '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb%2Ctier+in+%28a%2Cb%29&fieldSelector=status.phase%3DRunning&limit=5&continue=x');
  assert.deepEqual(list.metadata, { resourceVersion: '9', continue: 'abc' });
  assert.equal(list.items[0]?.kind, 'Pod');
  assert.equal(list.items[0]?.apiVersion, 'v1');
});

test('withQuery() skips undefined values and appends to an existing query', () => {
  assert.equal(withQuery('/p', { a: 1, b: undefined, c: true }), '/p?a=1&c=true');
  assert.equal(withQuery('/p?x=1', { y: 'z' }), '/p?x=1&y=z');
  assert.equal(withQuery('/p', {}), '/p');
});

const podEvent = (type: string, name: string, rv: string, label = 'x'): string =>
  JSON.stringify({ type, object: { kind: 'Pod', apiVersion: 'v1', metadata: { name, resourceVersion: rv, labels: { note: label } } } });

test('RestClient.watch parses events split at every byte, with and without newlines', async () => {
  const text = `${podEvent('ADDED', 'a', '1', 'grüße {"}')}\n${podEvent('MODIFIED', 'a', '2', 'emoji 🚀 \\"q\\"')}${podEvent('DELETED', 'a', '3')}\r\n`;
  const { transport, seen } = canned(200, byteByByte(text));
  const events = await collect(new RestClient(transport).watch(R.pods, 'default', { resourceVersion: '0', allowWatchBookmarks: true, timeoutSeconds: 300 }, new AbortController().signal));
  assert.equal(seen[0]?.path, '/api/v1/namespaces/default/pods?watch=true&resourceVersion=0&allowWatchBookmarks=true&timeoutSeconds=300');
  assert.deepEqual(events.map((e) => [e.type, e.object.metadata.resourceVersion, e.object.metadata.labels?.['note']]),
    [['ADDED', '1', 'grüße {"}'], ['MODIFIED', '2', 'emoji 🚀 \\"q\\"'], ['DELETED', '3', 'x']]);
});

test('RestClient.watch throws the ApiError of an ERROR event (410 Expired)', async () => {
  const error = JSON.stringify({ type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Expired', code: 410, message: 'too old resource version: 1 (5)' } });
  const { transport } = canned(200, byteByByte(`${podEvent('ADDED', 'a', '6')}\n${error}\n`));
  const got: WatchEvent[] = [];
  await assert.rejects(async () => {
    for await (const e of new RestClient(transport).watch(R.pods, undefined, { resourceVersion: '1' }, new AbortController().signal)) got.push(e);
  }, (e: unknown) => isApiError(e, 'Expired') && e.code === 410 && e.message === 'too old resource version: 1 (5)');
  assert.equal(got.length, 1);
});

test('RestClient.watch rejects a stream that ends inside an event', async () => {
  const { transport } = canned(200, [enc.encode(podEvent('ADDED', 'a', '1')), enc.encode('{"type":"MODIF')]);
  await assert.rejects(collect(new RestClient(transport).watch(R.pods, undefined, {}, new AbortController().signal)), TypeError);
});

test('RestClient.watch stops promptly on abort even when the body never ends and ignores the signal', async () => {
  async function* hanging(): AsyncGenerator<Uint8Array> {
    yield enc.encode(`${podEvent('ADDED', 'a', '1')}\n`);
    await new Promise(() => undefined);
  }
  const transport: Transport = { request: async () => ({ status: 200, headers: {}, body: hanging() }) };
  const ac = new AbortController();
  const seen: string[] = [];
  for await (const e of new RestClient(transport).watch(R.pods, undefined, {}, ac.signal)) {
    seen.push(e.object.metadata.name ?? '');
    ac.abort();
  }
  assert.deepEqual(seen, ['a']);
});

test('RestClient.watch on MemoryApi closes the server stream on abort', async () => {
  const api = new MemoryApi();
  const c = new RestClient(api);
  const ac = new AbortController();
  const seen: string[] = [];
  const done = (async () => {
    for await (const e of c.watch(R.configmaps, 'default', {}, ac.signal)) {
      seen.push(e.object.metadata.name ?? '');
      ac.abort();
    }
  })();
  await c.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default' } });
  await done;
  assert.deepEqual(seen, ['cm']);
  assert.equal(api.openWatches(), 0);
});

test('RestClient.watch ends when the server ends the stream', async () => {
  const api = new MemoryApi();
  const c = new RestClient(api);
  const done = collect(c.watch(R.configmaps, 'default', {}, new AbortController().signal));
  await c.create(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default' } });
  api.endWatches();
  assert.deepEqual((await done).map((e) => e.type), ['ADDED']);
});

test('RestClient against MemoryApi: conflicts, not found, already exists', async () => {
  const c = new RestClient(new MemoryApi());
  const cm = await c.create<KubeObject>(R.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'ns' }, data: { a: '1' } });
  await assert.rejects(c.create(R.configmaps, cm), (e: unknown) => isApiError(e, 'AlreadyExists'));
  const updated = await c.update(R.configmaps, { ...cm, data: { a: '2' } });
  await assert.rejects(c.update(R.configmaps, { ...cm, data: { a: '3' } }), (e: unknown) => isApiError(e, 'Conflict'));
  const patched = await c.patch(R.configmaps, 'ns', 'cm', 'merge', { data: { b: '2' } });
  assert.deepEqual(patched['data'], { a: '2', b: '2' });
  assert.notEqual(patched.metadata.resourceVersion, updated.metadata.resourceVersion);
  await c.delete(R.configmaps, 'ns', 'cm');
  await assert.rejects(c.get(R.configmaps, 'ns', 'cm'), (e: unknown) => isApiError(e, 'NotFound') && e.message === 'configmaps "cm" not found');
});
