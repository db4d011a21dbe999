import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Ingress } from '../../../api/networking-v1.js';
import { DEFAULT_INGRESS_CONFIG, parseIngressConfig, parseNginxSize } from './ingress-config.js';
import { planIngressStatus } from './plan-ingress-status.js';

test('parseIngressConfig(): the chapter ConfigMap and malformed values', () => {
  const chapter = parseIngressConfig({ 'allow-backend-server-header': 'true', 'use-forwarded-headers': 'true' });
  assert.equal(chapter.allowBackendServerHeader, true);
  assert.equal(chapter.useForwardedHeaders, true);
  assert.equal(chapter.generateRequestId, true);
  const odd = parseIngressConfig({ 'use-forwarded-headers': 'yes', 'proxy-body-size': '8k', 'proxy-next-upstream-tries': '0' });
  assert.equal(odd.useForwardedHeaders, false);
  assert.equal(odd.proxyBodySizeBytes, 8192);
  assert.equal(odd.nextUpstreamTries, 10);
  assert.deepEqual(parseIngressConfig(undefined), DEFAULT_INGRESS_CONFIG);
  const sizes: [string, number | undefined][] = [['1m', 1048576], ['0', 0], ['512', 512], ['2G', 2 * 1024 ** 3], ['1.5m', undefined]];
  for (const [s, n] of sizes) assert.equal(parseNginxSize(s), n, s);
});

test('planIngressStatus() writes the address once', () => {
  const ing: Ingress = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i' }, spec: {} };
  assert.deepEqual(planIngressStatus(ing, '127.0.0.1'), { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } });
  assert.equal(planIngressStatus({ ...ing, status: { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } } }, '127.0.0.1'), undefined);
});
