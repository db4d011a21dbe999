import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Ingress } from '../../api/networking-v1.js';
import type { NginxTrafficRouting } from '../../api/rollouts-v1alpha1.js';
import { canaryIngressName, planCanaryIngressWrite, planDesiredCanaryIngress, stableIngressNamesOf } from './plan-nginx-canary-ingress.js';
import { ingressSpecFromV1beta1 } from './plan-nginx-legacy-ingress.js';
import { OWNER, ingress, rollout } from './_fixtures.js';

const nginx = (cfg: Partial<NginxTrafficRouting> = {}, maxTrafficWeight?: number) =>
  rollout({ trafficRouting: { nginx: { stableIngress: 'stable-ingress', ...cfg }, ...(maxTrafficWeight !== undefined ? { maxTrafficWeight } : {}) } });
const desired = (ro = nginx(), stable: Ingress = ingress('stable-ingress', 'stable-service'), weight = 10): Ingress => {
  const d = planDesiredCanaryIngress(ro, stable, weight);
  assert.ok(d.ok, d.ok ? '' : d.reason);
  return d.ingress;
};
const owned = (i: Ingress): Ingress => ({ ...i, metadata: { ...i.metadata, ownerReferences: [OWNER] } });

test('canaryIngressName(): rollout name first, then the stable ingress, cut to 253 characters', () => {
  assert.equal(canaryIngressName('rollout', 'stable-ingress'), 'rollout-stable-ingress-canary');
  assert.equal(canaryIngressName('rollout', 'additional-stable-ingress'), 'rollout-additional-stable-ingress-canary');
  const long = canaryIngressName('r'.repeat(200), 'i'.repeat(100));
  assert.equal(long.length, 253);
  assert.ok(long.endsWith('i-canary'));
});

test('stableIngressNamesOf(): stableIngresses wins over stableIngress', () => {
  assert.deepEqual(stableIngressNamesOf({ stableIngress: 'a' }), ['a']);
  assert.deepEqual(stableIngressNamesOf({ stableIngress: 'a', stableIngresses: ['a', 'b'] }), ['a', 'b']);
  assert.deepEqual(stableIngressNamesOf({}), []);
});

test('planDesiredCanaryIngress(): the whole object for Argo\'s networkingIngress at weight 10', () => {
  const stable = ingress('stable-ingress', 'stable-service', 80, { ingressClassName: 'nginx-ext' });
  stable.metadata.annotations = { 'annotation-key1': 'annotation-value1' };
  stable.metadata.labels = { 'label-key1': 'label-value1' };
  stable.spec.defaultBackend = { service: { name: 'stable-service', port: { name: 'http' } } };
  assert.deepEqual(desired(nginx(), stable), {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
    metadata: {
      name: 'rollout-stable-ingress-canary', namespace: 'default', ownerReferences: [OWNER],
      annotations: { 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-weight': '10' },
    },
    spec: {
      ingressClassName: 'nginx-ext',
      rules: [{ host: 'fakehost.example.com', http: { paths: [{ path: '/foo', pathType: 'ImplementationSpecific', backend: { service: { name: 'canary-service', port: { number: 80 } } } }] } }],
    },
  });
});

test('planDesiredCanaryIngress(): an extensions/v1beta1 stable ingress gives the same v1 canary ingress', () => {
  const legacy = ingressSpecFromV1beta1({ ingressClassName: 'nginx-ext', rules: [{ host: 'fakehost.example.com', http: { paths: [{ path: '/foo', backend: { serviceName: 'stable-service', servicePort: 80 } }] } }] });
  const fromLegacy = desired(nginx(), { ...ingress('stable-ingress', 'x'), spec: legacy });
  assert.deepEqual(fromLegacy, desired(nginx(), ingress('stable-ingress', 'stable-service', 80, { ingressClassName: 'nginx-ext' })));
  assert.deepEqual(ingressSpecFromV1beta1({ backend: { serviceName: 's', servicePort: 'http' } }).defaultBackend, { service: { name: 's', port: { name: 'http' } } });
  assert.deepEqual(ingressSpecFromV1beta1({ backend: { serviceName: 's', servicePort: '8080' } }).defaultBackend, { service: { name: 's', port: { number: 8080 } } });
});

// [name, nginx config, maxTrafficWeight, stable ingress annotations, expected annotations]
const annotationRows: [string, Partial<NginxTrafficRouting>, number | undefined, Record<string, string>, Record<string, string>][] = [
  ['kubernetes.io/ingress.class is kept', {}, undefined, { 'kubernetes.io/ingress.class': 'nginx-foo', other: 'x' },
    { 'kubernetes.io/ingress.class': 'nginx-foo', 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-weight': '15' }],
  ['additional annotations are prefixed, canary annotations verbatim',
    { additionalIngressAnnotations: { 'canary-by-header': 'X-Foo', 'canary-by-header-value': 'DoCanary' }, canaryIngressAnnotations: { 'annotation-prefix.some.group/some-key': 'some-value' } }, undefined, {},
    { 'nginx.ingress.kubernetes.io/canary-by-header': 'X-Foo', 'nginx.ingress.kubernetes.io/canary-by-header-value': 'DoCanary', 'annotation-prefix.some.group/some-key': 'some-value',
      'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-weight': '15' }],
  ['an additional annotation already prefixed is not prefixed twice; canary annotations override it',
    { additionalIngressAnnotations: { 'nginx.ingress.kubernetes.io/load-balance': 'ewma', 'canary-by-cookie': 'c' }, canaryIngressAnnotations: { 'nginx.ingress.kubernetes.io/canary-by-cookie': 'd' } }, undefined, {},
    { 'nginx.ingress.kubernetes.io/load-balance': 'ewma', 'nginx.ingress.kubernetes.io/canary-by-cookie': 'd', 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-weight': '15' }],
  ['canary and canary-weight always win over user annotations', { canaryIngressAnnotations: { 'nginx.ingress.kubernetes.io/canary-weight': '99' } }, undefined, {},
    { 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-weight': '15' }],
  ['maxTrafficWeight 1000 adds canary-weight-total', {}, 1000, {},
    { 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-weight': '15', 'nginx.ingress.kubernetes.io/canary-weight-total': '1000' }],
  ['a custom annotationPrefix', { annotationPrefix: 'custom.nginx.io', additionalIngressAnnotations: { 'canary-by-header': 'X' } }, undefined, {},
    { 'custom.nginx.io/canary-by-header': 'X', 'custom.nginx.io/canary': 'true', 'custom.nginx.io/canary-weight': '15' }],
];

for (const [name, cfg, mw, stableAnnotations, want] of annotationRows) {
  test(`planDesiredCanaryIngress(): ${name}`, () => {
    const stable = ingress('stable-ingress', 'stable-service');
    stable.metadata.annotations = stableAnnotations;
    assert.deepEqual(desired(nginx(cfg, mw), stable, 15).metadata.annotations, want);
  });
}

test('planDesiredCanaryIngress(): TLS is copied when present and absent otherwise', () => {
  const tls = [{ hosts: ['fakehost.example.com'], secretName: 'tls-secret-name' }, { hosts: ['fakehost.example.com', '*.example.com'], secretName: 'tls-secret-name-two' }];
  assert.deepEqual(desired(nginx(), ingress('stable-ingress', 'stable-service', 80, { tls })).spec.tls, tls);
  assert.equal(desired().spec.tls, undefined);
});

test('planDesiredCanaryIngress(): only rules using the stable service are copied, other paths of such a rule kept', () => {
  const stable = ingress('stable-ingress', 'stable-service');
  stable.spec.rules = [
    { host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'other', port: { number: 80 } } } }] } },
    { host: 'b.example.com', http: { paths: [
      { path: '/api', pathType: 'Prefix', backend: { service: { name: 'stable-service', port: { number: 80 } } } },
      { path: '/static', pathType: 'Prefix', backend: { service: { name: 'cdn', port: { number: 80 } } } },
    ] } },
    { host: 'c.example.com' },
  ];
  assert.deepEqual(desired(nginx(), stable).spec.rules, [{ host: 'b.example.com', http: { paths: [
    { path: '/api', pathType: 'Prefix', backend: { service: { name: 'canary-service', port: { number: 80 } } } },
    { path: '/static', pathType: 'Prefix', backend: { service: { name: 'cdn', port: { number: 80 } } } },
  ] } }]);
});

test('planDesiredCanaryIngress(): a stable ingress without a stable-service backend is an error naming both', () => {
  const d = planDesiredCanaryIngress(nginx(), ingress('stable-ingress', 'other-service'), 10);
  assert.deepEqual(d, { ok: false, reason: 'Ingress "stable-ingress" has no rule whose backend is service "stable-service"' });
});

// [name, existing canary ingress (undefined: none), desired weight, expected write]
const writeRows: [string, Ingress | undefined, number, ReturnType<typeof planCanaryIngressWrite>][] = [
  ['absent: create', undefined, 10, { op: 'create', ingress: desired() }],
  ['weight changes: patch only canary-weight (Argo TestCanaryIngressPatchWeight)', owned(desired()), 15,
    { op: 'patch', patch: { metadata: { annotations: { 'nginx.ingress.kubernetes.io/canary-weight': '15' } } } }],
  ['already as desired: nothing', owned(desired()), 10, { op: 'none' }],
  ['foreign annotations are kept, a wrong canary value fixed (TestCanaryIngressRetainCurrentAnnotations)',
    owned({ ...desired(), metadata: { ...desired().metadata, annotations: { 'nginx.ingress.kubernetes.io/canary': 'false', 'nginx.ingress.kubernetes.io/canary-weight': '10', 'annotation-prefix.some.group/some-key': 'some-value' } } }), 10,
    { op: 'patch', patch: { metadata: { annotations: { 'nginx.ingress.kubernetes.io/canary': 'true' } } } }],
  ['the stable path changed: patch the rules (TestCanaryIngressUpdateRoute)',
    owned({ ...desired(), spec: { rules: [{ host: 'fakehost.example.com', http: { paths: [{ path: '/bar', pathType: 'ImplementationSpecific', backend: { service: { name: 'canary-service', port: { number: 80 } } } }] } }] } }), 10,
    { op: 'patch', patch: { spec: { rules: desired().spec.rules } } }],
  ['no owner: refused (TestReconcileStableAndCanaryIngressFoundNoOwner)', { ...desired(), metadata: { ...desired().metadata, ownerReferences: [] } }, 10,
    { op: 'notOwned', reason: 'Ingress "rollout-stable-ingress-canary" exists and is not controlled by rollout "rollout"' }],
  ['owned by another rollout: refused', { ...desired(), metadata: { ...desired().metadata, ownerReferences: [{ ...OWNER, uid: 'other' }] } }, 10,
    { op: 'notOwned', reason: 'Ingress "rollout-stable-ingress-canary" exists and is not controlled by rollout "rollout"' }],
];

for (const [name, existing, weight, want] of writeRows) {
  test(`planCanaryIngressWrite(): ${name}`, () => {
    assert.deepEqual(planCanaryIngressWrite(nginx(), existing, desired(nginx(), ingress('stable-ingress', 'stable-service'), weight)), want);
  });
}
