// Bench server processes: `sluice` runs the embedded API server (HTTPS, token, SQLite store) seeded with
// objects; `bare` is a plain node:https handler answering the same bytes, as the reference.
import { createServer } from 'node:https';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiServer } from '../src/engine/apiserver/api-server.js';
import { builtinHooks } from '../src/engine/apiserver/builtin-hooks.js';
import { crdHooks } from '../src/engine/apiserver/crd-hooks.js';
import { loadOrCreatePki } from '../src/engine/apiserver/tls-certs.js';
import { SqliteStore } from '../src/engine/store/sqlite-store.js';

const mode = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-'));
const pki = loadOrCreatePki(join(dir, 'pki'), ['127.0.0.1'], Date.now());

function configMap(i: number): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}`, namespace: 'default', labels: { app: 'bench' } }, data: { index: String(i), payload: 'x'.repeat(200) } };
}

if (mode === 'sluice') {
  const store = new SqliteStore({ path: join(dir, 'state.db') });
  const api = new ApiServer({ store, builtinHooks: (d) => builtinHooks(d), crdHooks });
  const handler = api.handler;
  for (let i = 0; i < 100; i++) {
    await handler({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', query: new URLSearchParams(), headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(configMap(i))), user: 'bench' });
  }
  const s = await api.listen({ host: '127.0.0.1', port: 0, tls: { certPem: pki.certPem, keyPem: pki.keyPem }, token: pki.token });
  process.stdout.write(`${JSON.stringify({ url: s.url, token: pki.token, ca: pki.caCertPem })}\n`);
} else {
  // The reference answers a GET of one object with its JSON and a list with the list JSON, nothing else.
  const one = JSON.stringify({ ...configMap(0), metadata: { ...configMap(0)['metadata'] as object, uid: 'u', resourceVersion: '1001', creationTimestamp: '2026-01-01T00:00:00Z', generation: 1 } });
  const list = `{"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"1100"},"items":[${Array.from({ length: 100 }, () => one).join(',')}]}`;
  const watchers = new Set<import('node:http').ServerResponse>();
  const server = createServer({ cert: pki.certPem, key: pki.keyPem }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://x');
    if (url.searchParams.get('watch') === 'true') {
      res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
      res.flushHeaders();
      watchers.add(res);
      res.on('close', () => watchers.delete(res));
      return;
    }
    if (req.method === 'PUT') {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString(); });
      req.on('end', () => {
        const line = `{"type":"MODIFIED","object":${body}}\n`;
        for (const w of watchers) w.write(line);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      });
      return;
    }
    const body = url.pathname.endsWith('/configmaps') ? list : one;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    process.stdout.write(`${JSON.stringify({ url: `https://127.0.0.1:${port}`, token: pki.token, ca: pki.caCertPem })}\n`);
  });
}
process.on('SIGTERM', () => process.exit(0));
