import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_INGRESS_CONFIG, parseIngressConfig } from './ingress-config.js';
import { computeIngressUpstreamHeaders, computeServiceUpstreamHeaders, isForwardedResponseHeader, type ClientView } from './upstream-headers.js';

const view = (raw: string[], o: Partial<ClientView> = {}): ClientView => {
  const get = (n: string): string | undefined => {
    for (let i = 0; i < raw.length; i += 2) if (raw[i]?.toLowerCase() === n) return raw[i + 1];
    return undefined;
  };
  return {
    rawHeaders: raw, host: get('host'), xForwardedFor: get('x-forwarded-for'), xForwardedHost: get('x-forwarded-host'), xForwardedPort: get('x-forwarded-port'),
    xForwardedProto: get('x-forwarded-proto'), xRequestId: get('x-request-id'), remoteAddress: '::ffff:10.0.0.9', serverPort: 8080, scheme: 'http', ...o,
  };
};
const asMap = (h: string[]): Record<string, string> => Object.fromEntries(Array.from({ length: h.length / 2 }, (_, i) => [h[2 * i] ?? '', h[2 * i + 1] ?? '']));

test('computeIngressUpstreamHeaders() without use-forwarded-headers (the worked example)', () => {
  const raw = ['Host', 'demo.info:8080', 'Connection', 'keep-alive', 'X-Forwarded-For', '6.6.6.6', 'Accept', '*/*', 'Proxy', 'evil', 'X-Real-IP', '6.6.6.6'];
  const { headers, requestId } = computeIngressUpstreamHeaders(view(raw), DEFAULT_INGRESS_CONFIG, () => 'f'.repeat(32), undefined);
  assert.equal(requestId, 'f'.repeat(32));
  assert.deepEqual(asMap(headers), {
    host: 'demo.info:8080', Accept: '*/*', 'x-request-id': 'f'.repeat(32), 'x-real-ip': '10.0.0.9', 'x-forwarded-for': '10.0.0.9',
    'x-forwarded-host': 'demo.info:8080', 'x-forwarded-port': '8080', 'x-forwarded-proto': 'http', 'x-forwarded-scheme': 'http', 'x-scheme': 'http',
    'x-original-forwarded-for': '6.6.6.6',
  });
});

test('computeIngressUpstreamHeaders() with use-forwarded-headers trusts the client X-Forwarded-*', () => {
  const raw = ['Host', 'demo.info', 'X-Forwarded-For', '1.2.3.4, 10.0.0.1', 'X-Forwarded-Proto', 'https', 'X-Forwarded-Host', 'public.example, x', 'X-Forwarded-Port', '443', 'X-Request-ID', 'abc'];
  const cfg = parseIngressConfig({ 'use-forwarded-headers': 'true' });
  const h = asMap(computeIngressUpstreamHeaders(view(raw), cfg, () => 'unused', 5).headers);
  assert.equal(h['x-real-ip'], '1.2.3.4');
  assert.equal(h['x-forwarded-for'], '1.2.3.4');
  assert.equal(h['x-forwarded-proto'], 'https');
  assert.equal(h['x-forwarded-host'], 'public.example');
  assert.equal(h['host'], 'public.example');
  assert.equal(h['x-forwarded-port'], '443');
  assert.equal(h['x-request-id'], 'abc');
  assert.equal(h['content-length'], '5');
  const full = asMap(computeIngressUpstreamHeaders(view(raw), parseIngressConfig({ 'use-forwarded-headers': 'true', 'compute-full-forwarded-for': 'true' }), () => '', undefined).headers);
  assert.equal(full['x-forwarded-for'], '1.2.3.4, 10.0.0.1, 10.0.0.9');
  const noId = computeIngressUpstreamHeaders(view(['Host', 'a']), parseIngressConfig({ 'generate-request-id': 'false' }), () => 'x', undefined);
  assert.equal(noId.requestId, '');
  assert.equal(asMap(noId.headers)['x-request-id'], undefined);
});

test('computeServiceUpstreamHeaders() drops only hop-by-hop headers', () => {
  const raw = ['Host', 'svc', 'Connection', 'close', 'Transfer-Encoding', 'chunked', 'Expect', '100-continue', 'X-Forwarded-For', '1.1.1.1', 'Content-Length', '9'];
  assert.deepEqual(computeServiceUpstreamHeaders(raw, 3), ['Host', 'svc', 'X-Forwarded-For', '1.1.1.1', 'content-length', '3']);
});

test('isForwardedResponseHeader()', () => {
  const rows: [string, boolean, boolean][] = [['content-type', false, true], ['server', false, false], ['server', true, true], ['keep-alive', true, false], ['connection', true, false], ['transfer-encoding', true, false], ['Connection', true, false], ['Server', false, false], ['X-Server-Name', false, true]];
  for (const [name, allow, want] of rows) assert.equal(isForwardedResponseHeader(name, allow), want, `${name} ${allow}`);
});
