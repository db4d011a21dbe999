// The web provider against a local node:http server: the MetricProvider contract, JSON and text bodies, jsonPath,
// methods and bodies, timeouts, and the controller end to end (secret args redacted, Argo-style CRD without a
// status subresource).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreatePki } from '../../src/engine/apiserver/tls-certs.js';
import type { AddressInfo } from 'node:net';
import { R } from '../../src/api/resources.js';
import type { AnalysisRun, Metric, WebMetric } from '../../src/api/rollouts-analysis.js';
import { WebProvider, startAnalysisController } from '../../src/rollouts/analysis/index.js';
import { eventually } from '../harness/poll.js';
import { getRun, runManifest, startAnalysisApi } from './_analysis-harness.js';
import { metricProviderContract } from './metric-provider-contract.js';

let server: Server;
let base = '';

function route(path: string, method: string, headers: Record<string, string | string[] | undefined>, body: string): [number, string, string] {
  switch (path) {
    case '/ok': return [200, 'application/json', '{"ok": true, "successPercent": 0.95, "b": "<x>", "a": [1, 2]}'];
    case '/bad': return [200, 'application/json', '{"ok": false, "successPercent": 0.5}'];
    case '/empty': return [200, 'application/json', '{"values": []}'];
    case '/text': return [200, 'text/plain', 'healthy'];
    case '/fail': return [503, 'text/plain', 'unavailable'];
    case '/redirect': return [302, '/ok', ''];
    case '/echo': return [200, 'application/json', JSON.stringify({ method, contentType: headers['content-type'] ?? '', auth: headers['authorization'] ?? '', body })];
    default: return [404, 'text/plain', 'not found'];
  }
}

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/slow') { setTimeout(() => res.end('{}'), 3000).unref(); return; }
      const [status, type, text] = route(url.pathname, req.method ?? 'GET', req.headers, body);
      res.writeHead(status, status === 302 ? { location: type } : { 'content-type': type });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => { server.closeAllConnections(); await new Promise((r) => server.close(r)); });

const webMetric = (web: Partial<WebMetric> & { url: string }, extra: Partial<Metric> = {}): Metric =>
  ({ name: 'web', successCondition: 'result.ok && result.successPercent >= 0.90', provider: { web }, ...extra });
const aRun: AnalysisRun = runManifest('r', { metrics: [] });
const provider = new WebProvider();
const signal = (): AbortSignal => new AbortController().signal;

metricProviderContract('web', async () => ({
  provider, run: aRun,
  passing: webMetric({ url: `${base}/ok` }),
  failing: webMetric({ url: `${base}/bad` }),
  erroring: webMetric({ url: `${base}/fail` }),
  close: async () => undefined,
}));

describe('WebProvider', () => {
  test('a JSON body is judged as typed data and shown as Go marshals it', async () => {
    const m = await provider.run(webMetric({ url: `${base}/ok` }), aRun, signal());
    assert.equal(m.phase, 'Successful');
    assert.equal(m.value, '{"a":[1,2],"b":"\\u003cx\\u003e","ok":true,"successPercent":0.95}');
  });

  test('jsonPath picks the value (Kubernetes JSONPath)', async () => {
    const m = await provider.run(webMetric({ url: `${base}/ok`, jsonPath: '{$.successPercent}' }, { successCondition: 'result >= 0.9' }), aRun, signal());
    assert.deepEqual([m.phase, m.value], ['Successful', '0.95']);
    const first = await provider.run(webMetric({ url: `${base}/ok`, jsonPath: '{.a[1]}' }, { successCondition: 'result == 2' }), aRun, signal());
    assert.deepEqual([first.phase, first.value], ['Successful', '2']);
    const missing = await provider.run(webMetric({ url: `${base}/ok`, jsonPath: '{$.nope}' }), aRun, signal());
    assert.deepEqual([missing.phase, missing.message], ['Error', 'Could not find JSONPath in body: $.nope is not found']);
  });

  test('a non-JSON body is judged as a string; redirects are followed', async () => {
    const m = await provider.run(webMetric({ url: `${base}/text` }, { successCondition: "result == 'healthy'" }), aRun, signal());
    assert.deepEqual([m.phase, m.value], ['Successful', 'healthy']);
    const r = await provider.run(webMetric({ url: `${base}/redirect` }), aRun, signal());
    assert.equal(r.phase, 'Successful');
  });

  test('non-2xx, timeouts and refused connections are Errors with Go\'s wording', async () => {
    const fail = await provider.run(webMetric({ url: `${base}/fail` }), aRun, signal());
    assert.deepEqual([fail.phase, fail.message], ['Error', 'received non 2xx response code: 503']);
    const slow = await provider.run(webMetric({ url: `${base}/slow`, timeoutSeconds: 1 }), aRun, signal());
    assert.equal(slow.phase, 'Error');
    assert.equal(slow.message, `Get "${base}/slow": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`);
    const refused = await provider.run(webMetric({ url: 'http://127.0.0.1:1/x' }), aRun, signal());
    assert.match(refused.message ?? '', /^Get "http:\/\/127\.0\.0\.1:1\/x": dial tcp: connect: ECONNREFUSED/);
  });

  test('POST sends jsonBody with its content type, and headers; GET refuses a body', async () => {
    const m = await provider.run(webMetric({ url: `${base}/echo`, method: 'POST', jsonBody: { q: 1 }, headers: [{ key: 'Authorization', value: 'Bearer t' }] },
      { successCondition: "result.method == 'POST' && result.contentType == 'application/json' && result.body == '{\"q\":1}' && result.auth == 'Bearer t'" }), aRun, signal());
    assert.equal(m.phase, 'Successful', m.value);
    const bad = await provider.run(webMetric({ url: `${base}/echo`, body: 'x' }), aRun, signal());
    assert.deepEqual([bad.phase, bad.message], ['Error', 'Body/JSONBody can only be used with POST or PUT WebMetric Method types']);
  });

  test('https with a certificate of an unknown authority needs `insecure`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-web-tls-'));
    const pki = loadOrCreatePki(dir, ['127.0.0.1'], Date.now());
    rmSync(dir, { recursive: true, force: true });
    const tls = createHttpsServer({ cert: pki.certPem, key: pki.keyPem }, (_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"ok": true, "successPercent": 1}'); });
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      const url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/`;
      const strict = await provider.run(webMetric({ url }), aRun, signal());
      assert.equal(strict.phase, 'Error');
      assert.match(strict.message ?? '', /^Get "https:\/\/127\.0\.0\.1:\d+\/": .*certificate/i);
      assert.equal((await provider.run(webMetric({ url, insecure: true }), aRun, signal())).phase, 'Successful');
    } finally {
      tls.closeAllConnections();
      await new Promise((r) => tls.close(r));
    }
  });

  test('an empty result is an evaluation Error, or what the opt-in noDataPolicy says', async () => {
    const metric = webMetric({ url: `${base}/empty`, jsonPath: '{$.values}' }, { successCondition: 'result[0] > 1' });
    const m = await provider.run(metric, aRun, signal());
    assert.equal(m.phase, 'Error');
    assert.equal(m.message, 'could not evaluate successCondition "result[0] > 1": metric result is nil or empty: no data returned from the metric provider');
    const lenient = await provider.run({ ...metric, noDataPolicy: 'Inconclusive' } as Metric, aRun, signal());
    assert.equal(lenient.phase, 'Inconclusive');
    assert.equal(lenient.value, '[]');
  });
});

test('the controller runs web metrics with secret args (redacted) on an Argo-style CRD without /status', async () => {
  const env = await startAnalysisApi('analysisrun-crd-argo-style.yaml');
  const controller = startAnalysisController({ client: env.client, namespace: 'default' });
  try {
    await env.api.k(['create', 'secret', 'generic', 'token', '--from-literal=value=s3cr3t']);
    const args = [{ name: 'token', valueFrom: { secretKeyRef: { name: 'token', key: 'value' } } }];
    await env.client.create<AnalysisRun>(R.analysisruns, runManifest('web-ok', {
      args, metrics: [webMetric({ url: `${base}/echo`, headers: [{ key: 'Authorization', value: 'Bearer {{args.token}}' }] }, { successCondition: "result.auth == 'Bearer s3cr3t'" })],
    }));
    await env.client.create<AnalysisRun>(R.analysisruns, runManifest('web-refused', {
      args, metrics: [webMetric({ url: 'http://127.0.0.1:1/?t={{args.token}}' }, { consecutiveErrorLimit: 0 })],
    }));
    const ok = await eventually(async () => { const r = await getRun(env.client, 'web-ok'); return r.status?.phase === 'Successful' && r; }, 'web-ok to succeed');
    assert.equal(ok.status?.metricResults?.[0]?.measurements?.[0]?.phase, 'Successful');
    const refused = await eventually(async () => { const r = await getRun(env.client, 'web-refused'); return r.status?.phase === 'Error' && r; }, 'web-refused to error');
    const message = refused.status?.metricResults?.[0]?.measurements?.[0]?.message ?? '';
    assert.match(message, /^Get "http:\/\/127\.0\.0\.1:1\/\?t=\*\*\*\*\*": /, 'the secret is redacted');
    assert.doesNotMatch(JSON.stringify(refused), /s3cr3t/);
    assert.match(refused.status?.message ?? '', /^Metric "web" assessed Error due to consecutiveErrors \(1\) > consecutiveErrorLimit \(0\)/);
  } finally {
    await controller.stop();
    await env.close();
  }
});
