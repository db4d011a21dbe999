// The routers plug into the rollouts controller's apply unchanged: `routersFor` has the shape the manager takes,
// a setTrafficWeight action reaches every configured router ("mixed" nginx + SMI), and a misconfigured router fails
// apply with an error named RouterError (which the controller reports as TrafficRoutingError).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Ingress } from '../../src/api/networking-v1.js';
import { R } from '../../src/api/resources.js';
import type { Rollout } from '../../src/api/rollouts-v1alpha1.js';
import { EventRecorder } from '../../src/control/event-recorder.js';
import { applyAction } from '../../src/rollouts/controller/apply-actions.js';
import type { RolloutsManagerOptions } from '../../src/rollouts/controller/manager.js';
import { TR, routersFor } from '../../src/rollouts/traffic/index.js';
import type { TrafficSplit } from '../../src/rollouts/traffic/plan-smi-traffic-split.js';
import { startRouterTestApi, type RouterTestApi } from './router-test-api.js';

let t: RouterTestApi;
before(async () => { t = await startRouterTestApi(); });
after(async () => { await t.close(); });

test('routersFor fits RolloutsManagerOptions.routersFor', () => {
  const wire: NonNullable<RolloutsManagerOptions['routersFor']> = routersFor;
  assert.equal(typeof wire, 'function');
});

test('applyAction(setTrafficWeight) drives nginx and SMI together; a broken one fails with a RouterError', async () => {
  const { id, ro: base } = await t.rollout('wire', { canaryService: 'demo-canary', stableService: 'demo-stable' });
  await t.client.create<Ingress>(R.ingresses, {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: `${id}-web`, namespace: 'default' },
    spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'demo-stable', port: { number: 80 } } } }] } }] },
  });
  const ro: Rollout = { ...base, spec: { ...base.spec, strategy: { canary: { ...base.spec.strategy.canary, trafficRouting: { nginx: { stableIngress: `${id}-web` }, smi: {} } } } } };
  const ctx = { client: t.client, recorder: new EventRecorder(t.client, { component: 'test' }), routers: routersFor(ro, t.client), signal: new AbortController().signal };
  await applyAction(ctx, ro, { op: 'setTrafficWeight', weight: 20, canaryHash: 'new', stableHash: 'old', additional: [] });
  const canary = await t.client.get<Ingress>(R.ingresses, 'default', `${id}-${id}-web-canary`);
  assert.equal(canary.metadata.annotations?.['nginx.ingress.kubernetes.io/canary-weight'], '20');
  const split = await t.client.get<TrafficSplit>(TR.trafficSplits('v1alpha1'), 'default', id);
  assert.deepEqual(split.spec?.backends, [{ service: 'demo-canary', weight: '20' }, { service: 'demo-stable', weight: '80' }]);
  await applyAction(ctx, ro, { op: 'setHeaderRoute', route: { name: 'h', match: [{ headerName: 'x', headerValue: { exact: 'y' } }] } });
  await applyAction(ctx, ro, { op: 'removeManagedRoutes' });

  const broken: Rollout = { ...ro, spec: { ...ro.spec, strategy: { canary: { ...ro.spec.strategy.canary, trafficRouting: { nginx: { stableIngress: `${id}-nope` } } } } } };
  await assert.rejects(applyAction({ ...ctx, routers: routersFor(broken, t.client) }, broken, { op: 'setTrafficWeight', weight: 20, canaryHash: 'new', stableHash: 'old', additional: [] }),
    { name: 'RouterError', message: `Ingress "${id}-nope" not found in namespace "default"` });
});
