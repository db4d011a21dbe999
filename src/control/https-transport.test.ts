import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isApiError } from '../api/api-error.js';
import { R } from '../api/resources.js';
import { clientFromKubeconfig } from './client-from-kubeconfig.js';

interface Seen { method: string; url: string; auth: string | undefined; body: string }

function handler(seen: Seen[], streams: http.ServerResponse[]): http.RequestListener {
  return (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, body });
      if (req.url?.includes('watch=true')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"type":"ADDED","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"a","resourceVersion":"5"}}}\n{"type":"MOD');
        res.write('IFIED","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"a","resourceVersion":"6"}}}\n');
        streams.push(res);
        return;
      }
      if (req.url?.endsWith('/missing')) {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'configmaps "missing" not found' }));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'ConfigMapList', apiVersion: 'v1', metadata: { resourceVersion: '5' }, items: [{ metadata: { name: 'a' } }] }));
    });
  };
}

function kubeconfig(server: string, extraCluster = ''): string {
  return `apiVersion: v1
kind: Config
current-context: main
clusters:
- name: local
  cluster:
    server: ${server}
${extraCluster}
users:
- name: me
  user:
    token: secret-token
contexts:
- name: main
  context: { cluster: local, user: me, namespace: team }
- name: other
  context: { cluster: local, user: me }
`;
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  assert.ok(addr !== null && typeof addr === 'object');
  return (addr satisfies AddressInfo).port;
}

test('clientFromKubeconfig over plain HTTP: bearer token, JSON, errors, streaming watch and abort', async () => {
  const seen: Seen[] = [];
  const streams: http.ServerResponse[] = [];
  const server = http.createServer(handler(seen, streams));
  const port = await listen(server);
  const kc = clientFromKubeconfig({ yaml: kubeconfig(`http://127.0.0.1:${port}`) });
  try {
    assert.equal(kc.namespace, 'team');
    assert.equal(kc.context, 'main');
    const list = await kc.client.list(R.configmaps, kc.namespace);
    assert.equal(list.items[0]?.kind, 'ConfigMap');
    assert.deepEqual(seen[0], { method: 'GET', url: '/api/v1/namespaces/team/configmaps', auth: 'Bearer secret-token', body: '' });
    await assert.rejects(kc.client.get(R.configmaps, 'team', 'missing'), (e: unknown) => isApiError(e, 'NotFound') && e.message === 'configmaps "missing" not found');
    await kc.client.delete(R.configmaps, 'team', 'a');
    assert.equal(seen[2]?.body, '{"kind":"DeleteOptions","apiVersion":"v1"}');
    const ac = new AbortController();
    const rvs: string[] = [];
    for await (const ev of kc.client.watch(R.configmaps, 'team', { resourceVersion: '4' }, ac.signal)) {
      rvs.push(ev.object.metadata.resourceVersion ?? '');
      if (rvs.length === 2) ac.abort();
    }
    assert.deepEqual(rvs, ['5', '6']);
  } finally {
    for (const s of streams) s.destroy();
    kc.close();
    server.close();
  }
});

test('clientFromKubeconfig selects a context and reports unknown ones', () => {
  const yaml = kubeconfig('http://127.0.0.1:1');
  assert.equal(clientFromKubeconfig({ yaml, context: 'other' }).namespace, 'default');
  assert.throws(() => clientFromKubeconfig({ yaml, context: 'nope' }), /Cannot use context "nope": not found in kubeconfig \(contexts: main, other\)/);
});

test('HttpsTransport rejects (does not hang) when the server is unreachable', async () => {
  const server = http.createServer();
  const port = await listen(server);
  server.close();
  const kc = clientFromKubeconfig({ yaml: kubeconfig(`http://127.0.0.1:${port}`) });
  await assert.rejects(kc.client.list(R.pods), (e: unknown) => e instanceof Error && !isApiError(e));
});

function selfSignedCert(): { key: string; cert: string } | undefined {
  try {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } catch {
    return undefined;
  }
}

const tls = selfSignedCert();

test('HttpsTransport verifies the server with the kubeconfig CA', { skip: tls === undefined ? 'openssl is not available to make a test certificate' : false }, async () => {
  assert.ok(tls !== undefined);
  const seen: Seen[] = [];
  const server = https.createServer({ key: tls.key, cert: tls.cert }, handler(seen, []));
  const port = await listen(server);
  const ca = Buffer.from(tls.cert).toString('base64');
  const dir = mkdtempSync(join(tmpdir(), 'sluice-kc-'));
  writeFileSync(join(dir, 'config'), kubeconfig(`https://127.0.0.1:${port}`, `    certificate-authority-data: ${ca}`));
  const trusted = clientFromKubeconfig({ path: join(dir, 'config') });
  const untrusted = clientFromKubeconfig({ yaml: kubeconfig(`https://127.0.0.1:${port}`) });
  try {
    assert.equal((await trusted.client.list(R.configmaps)).items.length, 1);
    assert.equal((await trusted.client.list(R.configmaps)).items.length, 1, 'second request over the kept-alive connection');
    assert.equal(seen[0]?.auth, 'Bearer secret-token');
    await assert.rejects(untrusted.client.list(R.configmaps), /self-signed|certificate/);
  } finally {
    trusted.close();
    untrusted.close();
    server.close();
  }
});
