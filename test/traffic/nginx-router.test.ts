// NginxRouter against the in-process API server: the contract, then what the canary Ingress looks like to kubectl.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Ingress } from '../../src/api/networking-v1.js';
import { R } from '../../src/api/resources.js';
import type { NginxTrafficRouting } from '../../src/api/rollouts-v1alpha1.js';
import { NginxRouter, RouterError, canaryIngressName } from '../../src/rollouts/traffic/index.js';
import { eventually } from '../harness/poll.js';
import { startRouterTestApi, type RouterTestApi } from './router-test-api.js';
import { trafficRouterContract } from './traffic-router-contract.js';

let t: RouterTestApi;
before(async () => { t = await startRouterTestApi(); });
after(async () => { await t.close(); });

const live = (): AbortSignal => new AbortController().signal;
const WEIGHT = 'nginx.ingress.kubernetes.io/canary-weight';

function stableIngress(name: string, service: string): Ingress {
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default', annotations: { 'kubernetes.io/ingress.class': 'nginx' } },
    spec: {
      ingressClassName: 'nginx', tls: [{ hosts: ['demo.example.com'], secretName: 'demo-tls' }],
      rules: [{ host: 'demo.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: service, port: { number: 80 } } } }] } }],
    },
  };
}

async function nginxRollout(cfg: Partial<NginxTrafficRouting> = {}, maxTrafficWeight?: number) {
  const made = await t.rollout('ng', { canaryService: 'demo-canary', stableService: 'demo-stable', trafficRouting: { nginx: { stableIngress: 'x', ...cfg }, ...(maxTrafficWeight ? { maxTrafficWeight } : {}) } });
  return made;
}

trafficRouterContract('NginxRouter', async () => {
  const { id, ro: base } = await t.rollout('ngc', { canaryService: 'demo-canary', stableService: 'demo-stable', trafficRouting: { nginx: { stableIngress: 'pending' } } });
  await t.client.create(R.ingresses, stableIngress(`${id}-ingress`, 'demo-stable'));
  const ro = { ...base, spec: { ...base.spec, strategy: { canary: { ...base.spec.strategy.canary, trafficRouting: { nginx: { stableIngress: `${id}-ingress` } } } } } };
  const canary = canaryIngressName(id, `${id}-ingress`);
  const missing = { ...ro, spec: { ...ro.spec, strategy: { canary: { ...ro.spec.strategy.canary, trafficRouting: { nginx: { stableIngress: `${id}-missing` } } } } } };
  return {
    router: new NginxRouter(ro, t.client),
    maxWeight: 100,
    observedWeight: async () => {
      const ing = await t.client.get<Ingress>(R.ingresses, 'default', canary);
      return Number(ing.metadata.annotations?.[WEIGHT]);
    },
    versions: async () => [await t.version(R.ingresses, canary)],
    misconfigured: new NginxRouter(missing, t.client),
    brokenObject: `Ingress "${id}-missing"`,
  };
});

test('NginxRouter: the canary Ingress kubectl shows, owned by the Rollout and deleted with it', async () => {
  const { id, ro } = await nginxRollout();
  const cfg = { ...ro, spec: { ...ro.spec, strategy: { canary: { ...ro.spec.strategy.canary, trafficRouting: { nginx: { stableIngress: `${id}-web`, additionalIngressAnnotations: { 'canary-by-header': 'X-Canary' } }, maxTrafficWeight: 200 } } } } };
  await t.client.create(R.ingresses, stableIngress(`${id}-web`, 'demo-stable'));
  await new NginxRouter(cfg, t.client).setWeight({ weight: 50, canaryHash: 'b', stableHash: 'a', additional: [] }, live());
  const shown = JSON.parse(await t.api.k(['get', 'ingress', `${id}-${id}-web-canary`, '-o', 'json'])) as Ingress;
  assert.deepEqual(shown.metadata.annotations, {
    'kubernetes.io/ingress.class': 'nginx',
    'nginx.ingress.kubernetes.io/canary-by-header': 'X-Canary',
    'nginx.ingress.kubernetes.io/canary': 'true',
    'nginx.ingress.kubernetes.io/canary-weight': '50',
    'nginx.ingress.kubernetes.io/canary-weight-total': '200',
  });
  assert.deepEqual(shown.spec, {
    ingressClassName: 'nginx', tls: [{ hosts: ['demo.example.com'], secretName: 'demo-tls' }],
    rules: [{ host: 'demo.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'demo-canary', port: { number: 80 } } } }] } }],
  });
  assert.deepEqual(shown.metadata.ownerReferences, [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: id, uid: ro.metadata.uid, controller: true, blockOwnerDeletion: true }]);
  await t.api.k(['delete', 'rollout', id]);
  await eventually(async () => (await t.version(R.ingresses, `${id}-${id}-web-canary`)) === 'absent', 'the canary Ingress to be garbage-collected');
});

test('NginxRouter: an extensions/v1beta1 stable Ingress (the chapter\'s listing) gets a networking.k8s.io/v1 canary', async () => {
  const { id, ro } = await nginxRollout();
  const legacy = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: ${id}-legacy
spec:
  rules:
  - host: legacy.example.com
    http:
      paths:
      - path: /
        backend: {serviceName: demo-stable, servicePort: 80}
`;
  await t.api.k(['apply', '-f', '-'], legacy);
  const cfg = { ...ro, spec: { ...ro.spec, strategy: { canary: { ...ro.spec.strategy.canary, trafficRouting: { nginx: { stableIngress: `${id}-legacy` } } } } } };
  await new NginxRouter(cfg, t.client).setWeight({ weight: 10, canaryHash: 'b', stableHash: 'a', additional: [] }, live());
  const canary = await t.client.get<Ingress>(R.ingresses, 'default', `${id}-${id}-legacy-canary`);
  assert.equal(canary.spec.rules?.[0]?.http?.paths[0]?.backend.service?.name, 'demo-canary');
  assert.equal(canary.metadata.annotations?.[WEIGHT], '10');
});

test('NginxRouter: stableIngresses get one canary each; foreign annotations survive; a foreign canary Ingress is refused', async () => {
  const { id, ro } = await nginxRollout();
  for (const n of ['a', 'b']) await t.client.create(R.ingresses, stableIngress(`${id}-${n}`, 'demo-stable'));
  const cfg = { ...ro, spec: { ...ro.spec, strategy: { canary: { ...ro.spec.strategy.canary, trafficRouting: { nginx: { stableIngresses: [`${id}-a`, `${id}-b`] } } } } } };
  const router = new NginxRouter(cfg, t.client);
  await router.setWeight({ weight: 30, canaryHash: 'b', stableHash: 'a', additional: [] }, live());
  await t.client.patch(R.ingresses, 'default', `${id}-${id}-a-canary`, 'merge', { metadata: { annotations: { 'example.com/team': 'web' } } });
  await router.setWeight({ weight: 60, canaryHash: 'b', stableHash: 'a', additional: [] }, live());
  const a = await t.client.get<Ingress>(R.ingresses, 'default', `${id}-${id}-a-canary`);
  assert.equal(a.metadata.annotations?.['example.com/team'], 'web');
  assert.equal(a.metadata.annotations?.[WEIGHT], '60');
  assert.equal(await router.currentWeight(live()), 60);
  await t.client.patch(R.ingresses, 'default', `${id}-${id}-b-canary`, 'merge', { metadata: { annotations: { [WEIGHT]: '5' } } });
  assert.equal(await router.currentWeight(live()), undefined, 'canary ingresses that disagree have no single weight');

  const other = await nginxRollout();
  const stolen = { ...other.ro, spec: { ...other.ro.spec, strategy: { canary: { ...other.ro.spec.strategy.canary, trafficRouting: { nginx: { stableIngress: `${id}-a` } } } } } };
  await t.client.create(R.ingresses, { ...stableIngress(canaryIngressName(other.id, `${id}-a`), 'demo-canary') });
  await assert.rejects(new NginxRouter(stolen, t.client).setWeight({ weight: 10, canaryHash: 'b', stableHash: 'a', additional: [] }, live()),
    (e: unknown) => e instanceof RouterError && e.message === `Ingress "${canaryIngressName(other.id, `${id}-a`)}" exists and is not controlled by rollout "${other.id}"`);
});

test('NginxRouter: a stable Ingress without the stable service is a RouterError naming both', async () => {
  const { id, ro } = await nginxRollout();
  await t.client.create(R.ingresses, stableIngress(`${id}-other`, 'something-else'));
  const cfg = { ...ro, spec: { ...ro.spec, strategy: { canary: { ...ro.spec.strategy.canary, trafficRouting: { nginx: { stableIngress: `${id}-other` } } } } } };
  await assert.rejects(new NginxRouter(cfg, t.client).setWeight({ weight: 10, canaryHash: 'b', stableHash: 'a', additional: [] }, live()),
    (e: unknown) => e instanceof RouterError && e.message === `Ingress "${id}-other" has no rule whose backend is service "demo-stable"` && e.rollout === `default/${id}` && e.router === 'Nginx');
});
