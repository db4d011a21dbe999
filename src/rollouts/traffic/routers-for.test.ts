import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeClient } from '../../control/client.js';
import { RouterError } from './router-error.js';
import { routersFor } from './routers-for.js';
import { rollout } from './_fixtures.js';

// The routers only touch the client when called; construction must not.
const noClient: KubeClient = new Proxy({} as KubeClient, { get: () => () => Promise.reject(new Error('unexpected call')) });
const signal = new AbortController().signal;

// [name, trafficRouting, router types in order]
const rows: [string, Parameters<typeof rollout>[0], string[]][] = [
  ['no traffic routing', {}, []],
  ['nginx', { trafficRouting: { nginx: { stableIngress: 'i' } } }, ['Nginx']],
  ['mixed SMI + NGINX, in Argo\'s order', { trafficRouting: { smi: {}, nginx: { stableIngress: 'i' } } }, ['Nginx', 'SMI']],
  ['istio, nginx, smi and Gateway API', { trafficRouting: { smi: {}, gatewayAPI: { httpRoute: 'r' }, istio: { virtualService: { name: 'vs' } }, nginx: { stableIngress: 'i' } } },
    ['Istio', 'Nginx', 'SMI', 'GatewayAPI']],
  ['the Gateway API plugin config', { trafficRouting: { plugins: { 'argoproj-labs/gatewayAPI': { httpRoute: 'r' } } } }, ['GatewayAPI']],
  ['first-class gatewayAPI and the plugin config: one router', { trafficRouting: { gatewayAPI: { httpRoute: 'r' }, plugins: { 'argoproj-labs/gatewayAPI': { httpRoute: 'r' } } } }, ['GatewayAPI']],
  ['unsupported routers are reported, not dropped', { trafficRouting: { alb: { ingress: 'i', servicePort: 80 }, plugins: { 'acme/router': {} } } },
    ['trafficRouting.alb', 'trafficRouting.plugins["acme/router"]']],
];

for (const [name, canary, types] of rows) {
  test(`routersFor(): ${name}`, () => {
    assert.deepEqual(routersFor(rollout(canary), noClient).map((r) => r.type), types);
  });
}

test('routersFor(): an unsupported router fails every call with a RouterError that says so', async () => {
  const [alb] = routersFor(rollout({ trafficRouting: { alb: { ingress: 'i', servicePort: 80 } } }), noClient);
  assert.ok(alb);
  await assert.rejects(alb.setWeight({ weight: 10, canaryHash: 'a', stableHash: 'b', additional: [] }, signal), (e: unknown) =>
    e instanceof RouterError && e.name === 'RouterError' && e.rollout === 'default/rollout' && /trafficRouting.alb is not supported by Sluice/.test(e.message));
});
