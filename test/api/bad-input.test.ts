// Issue 2 acceptance: bad input gets a 4xx Status naming the problem, changes nothing, and the server
// keeps serving.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { startTestApi, type TestApi } from '../harness/api-harness.js';

let api: TestApi;
before(async () => { api = await startTestApi(); });
after(async () => { await api.close(); });

function send(method: string, path: string, body: string | Buffer | undefined, contentType = 'application/json', token = api.token): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, api.url);
    const req = request(url, { method, ca: api.caCertPem, headers: { authorization: `Bearer ${token}`, 'content-type': contentType } }, (res) => {
      let data = '';
      res.on('data', (c: Buffer) => { data += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const cmPath = '/api/v1/namespaces/default/configmaps';

test('malformed JSON and YAML bodies are 400 with a reason', async () => {
  const json = await send('POST', cmPath, '{"apiVersion": "v1", "kind": ');
  assert.equal(json.status, 400);
  assert.match(JSON.parse(json.body).message, /json parse error/);
  const yaml = await send('POST', cmPath, 'kind: ConfigMap\n  bad: [indent', 'application/yaml');
  assert.equal(yaml.status, 400);
  const r = await api.kubectl(['apply', '-f', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: {a: b}\n');
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /yaml|error/i);
});

test('wrong types, unknown kinds and resources are refused', async () => {
  const wrongType = await send('POST', '/apis/apps/v1/namespaces/default/deployments', JSON.stringify({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
    spec: { replicas: 'three', selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
  }));
  assert.equal(wrongType.status, 400);
  assert.match(JSON.parse(wrongType.body).message, /cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32/);
  const kind = await api.kubectl(['apply', '-f', '-'], 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n');
  assert.match(kind.stderr, /no matches for kind "Widget" in version "example.com\/v1"/);
  const unknownResource = await send('GET', '/apis/example.com/v1/widgets', undefined);
  assert.equal(unknownResource.status, 404);
  const mismatch = await send('POST', cmPath, JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } }));
  assert.equal(mismatch.status, 400);
  assert.equal(api.store.list('apps/deployments').length, 0);
  assert.equal(api.store.list('configmaps', 'default').length, 0);
});

test('invalid objects are 422 with field causes', async () => {
  const r = await send('POST', '/apis/apps/v1/namespaces/default/deployments', JSON.stringify({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
    spec: { replicas: -1, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'c' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
  }));
  assert.equal(r.status, 422);
  const status = JSON.parse(r.body) as { reason: string; details: { causes: { field: string }[] } };
  assert.equal(status.reason, 'Invalid');
  const fields = status.details.causes.map((c) => c.field);
  assert.ok(fields.includes('spec.replicas'), fields.join());
  assert.ok(fields.includes('spec.template.metadata.labels'), fields.join());
});

test('oversized bodies are 413, unauthenticated requests 401, and the server keeps serving', async () => {
  const big = await send('POST', cmPath, Buffer.alloc(4 * 1024 * 1024, 'a'));
  assert.equal(big.status, 413);
  const noToken = await send('GET', cmPath, undefined, 'application/json', 'wrong-token');
  assert.equal(noToken.status, 401);
  const garbage = await send('PATCH', `${cmPath}/nothing`, '\u0000\u0001', 'application/strategic-merge-patch+json');
  assert.ok(garbage.status >= 400 && garbage.status < 500, `status ${garbage.status}`);
  assert.match(await api.k('get ns default'), /default\s+Active/);
});
