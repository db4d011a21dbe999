// TLS on the ingress: the certificate of an Ingress's `spec.tls` Secret by SNI (created with `kubectl create
// secret tls`), the default certificate for other names, X-Forwarded-Proto https, ingress-nginx's ssl-redirect
// (308 from HTTP, on by default with TLS, off by annotation), and a rotated Secret served on the next handshake.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { createPki } from '../../src/engine/apiserver/tls-certs.js';
import { startNetworkTest, type NetworkTest } from '../harness/network-harness.js';
import { eventually } from '../harness/poll.js';
import { startSimPod, type SimPod } from '../harness/sim-pods.js';

let t: NetworkTest;
const pods: SimPod[] = [];
const dir = mkdtempSync(join(tmpdir(), 'sluice-tls-'));
const fallback = createPki(['127.0.0.1', 'localhost'], Date.now());
const site = createPki(['secure.test'], Date.now());

const manifests = (redirect: string): string => `
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations: {nginx.ingress.kubernetes.io/ssl-redirect: "${redirect}"}
spec:
  tls: [{hosts: [secure.test], secretName: secure-tls}]
  rules:
  - host: secure.test
    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
`;

before(async () => {
  t = await startNetworkTest({ ingressTls: { port: 0, defaultCertificate: { certPem: fallback.certPem, keyPem: fallback.keyPem } } });
  writeFileSync(join(dir, 'tls.crt'), site.certPem);
  writeFileSync(join(dir, 'tls.key'), site.keyPem);
  await t.api.k(['create', 'secret', 'tls', 'secure-tls', `--cert=${join(dir, 'tls.crt')}`, `--key=${join(dir, 'tls.key')}`]);
  await t.api.k(['apply', '-f', '-'], manifests('true'));
  pods.push(await startSimPod(t.client, { name: 'web-0', labels: { app: 'web' }, ip: '127.1.249.10', colour: 'web' }));
});
after(async () => { await t.close(pods); rmSync(dir, { recursive: true, force: true }); });

interface Answer { status: number; body: string; headers: Record<string, string | string[] | undefined>; cert: PeerCertificate }

/** One HTTPS request to the ingress with SNI `servername`, verified against `ca`. */
function https(servername: string, ca: string, host = servername): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: t.net.ingressTlsPort, path: '/color', servername, ca, headers: { host }, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers, cert: (res.socket as TLSSocket).getPeerCertificate() }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('SNI picks the Ingress Secret; the request reaches the backend with X-Forwarded-Proto https', async () => {
  const r = await eventually(async () => { const a = await https('secure.test', site.caCertPem); return a.status === 200 && a; }, 'served over TLS');
  assert.equal(r.body, '"web"');
  assert.equal(r.headers['x-seen-proto'], 'https');
  assert.match(r.cert.subjectaltname ?? '', /DNS:secure\.test/);
});

test('a name without a Secret gets the default certificate', async () => {
  const r = await https('localhost', fallback.caCertPem, 'secure.test');
  assert.equal(r.status, 200);
  assert.match(r.cert.subjectaltname ?? '', /DNS:localhost/);
  await assert.rejects(https('secure.test', fallback.caCertPem), /self-signed|unable to verify|certificate/i, 'secure.test is not served with the default certificate');
});

test('plain HTTP to a TLS host is redirected with 308; ssl-redirect "false" serves it', async () => {
  const r = await t.ingress('secure.test', '/color?x=1');
  assert.equal(r.status, 308);
  assert.equal(r.headers['location'], `https://secure.test:${t.net.ingressTlsPort ?? 0}/color?x=1`);
  await t.api.k(['apply', '-f', '-'], manifests('false'));
  await eventually(async () => (await t.ingress('secure.test')).status === 200, 'redirect turned off');
  assert.equal((await t.ingress('secure.test')).headers['x-seen-proto'], 'http');
});

test('a rotated Secret is served on the next handshake; a broken one falls back to the default certificate', async () => {
  const next = createPki(['secure.test'], Date.now());
  await t.api.k(['create', 'secret', 'tls', 'secure-tls', '--dry-run=client', '-o', 'yaml', `--cert=${writePem('n.crt', next.certPem)}`, `--key=${writePem('n.key', next.keyPem)}`])
    .then((yaml) => t.api.k(['apply', '-f', '-'], yaml));
  await eventually(async () => (await https('secure.test', next.caCertPem).catch(() => undefined))?.status === 200, 'new certificate served');
  await t.api.k(['patch', 'secret', 'secure-tls', '--type', 'merge', '-p', '{"data":{"tls.key":"bm90IGEga2V5"}}']);
  await eventually(async () => (await https('localhost', fallback.caCertPem, 'secure.test').catch(() => undefined))?.status === 200
    && (await https('secure.test', next.caCertPem).catch(() => undefined)) === undefined, 'broken secret → default certificate');
  assert.ok(t.logLines.some((l) => l.level === 'warn' && /TLS secret unusable/.test(l.msg)), 'the broken secret is logged');
});

function writePem(name: string, pem: string): string {
  writeFileSync(join(dir, name), pem);
  return join(dir, name);
}
