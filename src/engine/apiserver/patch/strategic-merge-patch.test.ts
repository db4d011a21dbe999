import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isApiError } from '../../../api/api-error.js';
import { schemaForKind } from '../schema/schema-for-kind.js';
import type { TypeNode } from '../schema/type-node.js';
import { deepFreeze } from '../../../lib/deep-freeze.js';
import { applyStrategicMergePatch } from './strategic-merge-patch.js';

type Json = Record<string, unknown>;

function schema(apiVersion: string, kind: string): TypeNode {
  const root = schemaForKind(apiVersion, kind);
  assert.ok(root, `${apiVersion} ${kind}`);
  return root;
}

const DEPLOYMENT = schema('apps/v1', 'Deployment');
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Applies `patch` to a frozen `live`, checks neither input changed, returns the result. */
function smp(live: unknown, patch: unknown, root: TypeNode = DEPLOYMENT): unknown {
  const frozenLive = deepFreeze(structuredClone(live));
  const frozenPatch = deepFreeze(structuredClone(patch));
  const out = applyStrategicMergePatch(frozenLive, frozenPatch, root);
  assert.deepEqual(frozenLive, live);
  assert.deepEqual(frozenPatch, patch);
  return out;
}

function container(name: string, extra: Json = {}): Json {
  return { name, image: `${name}:1`, ...extra };
}

/** A live Deployment; `containers` and `meta` replace the defaults. */
function deployment(containers: Json[] = [container('web')], meta: Json = {}, spec: Json = {}): Json {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'demo', namespace: 'default', labels: { app: 'demo' }, annotations: { [LAST_APPLIED]: 'old' }, ...meta },
    spec: {
      replicas: 3, selector: { matchLabels: { app: 'demo' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: { metadata: { labels: { app: 'demo' } }, spec: { containers, restartPolicy: 'Always' } },
      ...spec,
    },
  };
}

function containersOf(obj: unknown): unknown {
  return Reflect.get(Object(obj), 'spec').template.spec.containers;
}

function names(list: unknown): unknown {
  return Array.isArray(list) ? list.map((c) => (typeof c === 'object' && c !== null ? Reflect.get(c, 'name') ?? Reflect.get(c, 'port') : c)) : list;
}

test('kubectl apply: image and replicas (kubectl-wire.md §5.2)', () => {
  const live = deployment([container('web', { image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], imagePullPolicy: 'IfNotPresent' })]);
  const out = smp(live, {
    metadata: { annotations: { [LAST_APPLIED]: 'new' } },
    spec: { replicas: 4, template: { spec: { '$setElementOrder/containers': [{ name: 'web' }], containers: [{ image: 'nginx:1.26', name: 'web' }] } } },
  });
  const want = deployment([container('web', { image: 'nginx:1.26', ports: [{ containerPort: 80, protocol: 'TCP' }], imagePullPolicy: 'IfNotPresent' })],
    { annotations: { [LAST_APPLIED]: 'new' } }, { replicas: 4 });
  assert.deepEqual(out, want);
});

test('kubectl apply: label removed, RollingUpdate→Recreate, env changed, container deleted (§5.2)', () => {
  const web = container('web', { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] });
  const live = deployment([web, container('sidecar')], { labels: { app: 'demo', tier: 'web' } });
  const out = smp(live, {
    metadata: { annotations: { [LAST_APPLIED]: 'new' }, labels: { tier: null } },
    spec: {
      strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' },
      template: { spec: {
        '$setElementOrder/containers': [{ name: 'web' }],
        containers: [
          { '$setElementOrder/env': [{ name: 'B' }, { name: 'C' }], env: [{ name: 'C', value: '3' }, { $patch: 'delete', name: 'A' }], name: 'web' },
          { $patch: 'delete', name: 'sidecar' },
        ],
      } },
    },
  });
  const want = deployment([container('web', { env: [{ name: 'B', value: '2' }, { name: 'C', value: '3' }] })],
    { labels: { app: 'demo' }, annotations: { [LAST_APPLIED]: 'new' } }, { strategy: { type: 'Recreate' } });
  assert.deepEqual(out, want);
});

test('kubectl apply: Service port 80→8080 (merge key port, §5.2)', () => {
  const live = {
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'demo', annotations: { [LAST_APPLIED]: 'old' } },
    spec: { type: 'ClusterIP', clusterIP: '10.0.0.7', selector: { app: 'demo' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] },
  };
  const out = smp(live, {
    metadata: { annotations: { [LAST_APPLIED]: 'new' } },
    spec: { '$setElementOrder/ports': [{ port: 8080 }], ports: [{ port: 8080, targetPort: 80 }, { $patch: 'delete', port: 80 }] },
  }, schema('v1', 'Service'));
  assert.deepEqual(out, { ...live, metadata: { name: 'demo', annotations: { [LAST_APPLIED]: 'new' } },
    spec: { ...live.spec, ports: [{ port: 8080, targetPort: 80 }] } });
});

test('kubectl apply: Ingress rules have no merge key and are replaced whole (§5.2)', () => {
  const rule = (host: string): Json => ({ host, http: { paths: [{ backend: { service: { name: 'demo', port: { number: 80 } } }, path: '/', pathType: 'Prefix' }] } });
  const live = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'demo' }, spec: { ingressClassName: 'nginx', rules: [rule('demo.example.com'), rule('b.example.com')] } };
  const out = smp(live, { spec: { rules: [rule('demo2.example.com')] } }, schema('networking.k8s.io/v1', 'Ingress'));
  assert.deepEqual(out, { ...live, spec: { ingressClassName: 'nginx', rules: [rule('demo2.example.com')] } });
});

test('kubectl apply: ReplicaSet replicas and ConfigMap data (§5.2)', () => {
  const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'demo' }, spec: { replicas: 3, selector: { matchLabels: { app: 'demo' } } } };
  assert.deepEqual(smp(rs, { spec: { replicas: 2 } }, schema('apps/v1', 'ReplicaSet')), { ...rs, spec: { ...rs.spec, replicas: 2 } });
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'demo-config' }, data: { color: 'blue', greeting: 'hello' } };
  assert.deepEqual(smp(cm, { data: { color: 'green' } }, schema('v1', 'ConfigMap')), { ...cm, data: { color: 'green', greeting: 'hello' } });
});

test('kubectl patch / diff bodies (§5.10, §5.11)', () => {
  const live = deployment([container('web'), container('sidecar')], { resourceVersion: '1130' });
  const added = smp(live, { spec: { template: { spec: { containers: [{ name: 'debug', image: 'busybox' }] } } } });
  assert.deepEqual(names(containersOf(added)), ['debug', 'web', 'sidecar']);
  const diff = smp(live, { metadata: { resourceVersion: '1133' }, spec: { replicas: 3, template: { spec: {
    '$setElementOrder/containers': [{ name: 'web' }, { name: 'sidecar' }], containers: [{ image: 'nginx:1.27', name: 'web' }] } } } });
  assert.deepEqual(containersOf(diff), [container('web', { image: 'nginx:1.27' }), container('sidecar')]);
  assert.equal(Reflect.get(Object(diff), 'metadata').resourceVersion, '1133');
});

test('maps: null deletes, nulls for absent keys vanish, new maps lose their nulls', () => {
  const live = deployment();
  const out = smp(live, { metadata: { labels: { nope: null, app: null }, annotations: null },
    spec: { template: { spec: { nodeSelector: { disk: 'ssd', gpu: null } } } } });
  const meta = Reflect.get(Object(out), 'metadata');
  assert.deepEqual(meta.labels, {});
  assert.equal('annotations' in meta, false);
  assert.deepEqual(Reflect.get(Object(out), 'spec').template.spec.nodeSelector, { disk: 'ssd' });
});

test('$setElementOrder: order applies to live items the patch does not touch', () => {
  const live = deployment([container('web'), container('sidecar')]);
  const out = smp(live, { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'web' }] } } } });
  assert.deepEqual(containersOf(out), [container('sidecar'), container('web')]);
});

test('$setElementOrder: server-only items stay where the live list had them', () => {
  const rows: Array<[live: string[], order: string[], want: string[]]> = [
    [['1', '3', '4', '2', '9'], ['4', '2', '3', '1'], ['4', '2', '3', '1', '9']],
    [['1', '2', '9', '3', '4'], ['2', '1', '4', '3'], ['2', '1', '9', '4', '3']],
    [['1', '2', '7', '9', '8', '3', '4'], ['2', '1', '4', '3'], ['2', '1', '7', '9', '8', '4', '3']],
    [['a', 'b'], ['c', 'a', 'b'], ['c', 'a', 'b']],
  ];
  for (const [liveNames, order, want] of rows) {
    const live = deployment(liveNames.map((n) => container(n)));
    const patch = { spec: { template: { spec: {
      '$setElementOrder/containers': order.map((name) => ({ name })),
      containers: order.filter((n) => !liveNames.includes(n)).map((n) => container(n)),
    } } } };
    assert.deepEqual(names(containersOf(smp(live, patch))), want, `${liveNames.join()} by ${order.join()}`);
  }
});

test('nested merge lists: ports by containerPort, volumeMounts by mountPath, env by name', () => {
  const live = deployment([container('web', {
    ports: [{ containerPort: 80, name: 'http' }], volumeMounts: [{ name: 'data', mountPath: '/data' }], env: [{ name: 'A', value: '1' }] })]);
  const out = smp(live, { spec: { template: { spec: { containers: [{ name: 'web',
    ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 9090, name: 'metrics' }],
    volumeMounts: [{ mountPath: '/data', readOnly: true }],
    env: [{ name: 'A', value: null, valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }] }] } } } });
  assert.deepEqual(containersOf(out), [container('web', {
    // Items named in the patch take the patch's order.
    ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }, { containerPort: 9090, name: 'metrics' }],
    volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true }],
    env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }] })]);
});

test('$patch: replace and delete on lists and maps', () => {
  const live = deployment([container('web'), container('sidecar')]);
  const replaced = smp(live, { spec: { template: { spec: { containers: [{ $patch: 'replace' }, container('only')] } } } });
  assert.deepEqual(containersOf(replaced), [container('only')]);
  const selector = smp(live, { spec: { selector: { $patch: 'replace', matchLabels: { app: 'x' } } } });
  assert.deepEqual(Reflect.get(Object(selector), 'spec').selector, { matchLabels: { app: 'x' } });
  const emptied = smp(live, { spec: { strategy: { $patch: 'delete' } } });
  assert.deepEqual(Reflect.get(Object(emptied), 'spec').strategy, {});
  const dropped = smp(deployment(), { spec: { template: { spec: { affinity: { $patch: 'delete' } } } } });
  assert.equal('affinity' in Reflect.get(Object(dropped), 'spec').template.spec, false);
});

test('primitive merge lists (metadata.finalizers) are unions; other primitive lists are replaced', () => {
  const live = deployment([container('web', { args: ['a', 'b'] })], { finalizers: ['a', 'b'] });
  const finalizers = (o: unknown): unknown => Reflect.get(Object(o), 'metadata').finalizers;
  assert.deepEqual(finalizers(smp(live, { metadata: { finalizers: ['c', 'a'] } })), ['c', 'a', 'b']);
  assert.deepEqual(finalizers(smp(live, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } })), ['b']);
  assert.deepEqual(finalizers(smp(live, { metadata: { '$setElementOrder/finalizers': ['b', 'a', 'c'], finalizers: ['c'] } })), ['b', 'a', 'c']);
  assert.deepEqual(finalizers(smp(live, { metadata: { finalizers: ['x'], '$deleteFromPrimitiveList/finalizers': ['x', 'a'] } })), ['b']);
  assert.equal(finalizers(smp(deployment(), { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } })), undefined);
  assert.deepEqual(containersOf(smp(live, { spec: { template: { spec: { containers: [{ name: 'web', args: ['c'] }] } } } })), [container('web', { args: ['c'] })]);
});

test('$retainKeys on list items: volumes switch source', () => {
  const live = deployment(undefined, {}, {});
  const withVolume = { ...live, spec: { ...Object(live['spec']), template: { spec: { containers: [container('web')], volumes: [{ name: 'data', emptyDir: {} }] } } } };
  const out = smp(withVolume, { spec: { template: { spec: { volumes: [{ $retainKeys: ['configMap', 'name'], configMap: { name: 'cm' }, emptyDir: null, name: 'data' }] } } } });
  assert.deepEqual(Reflect.get(Object(out), 'spec').template.spec.volumes, [{ name: 'data', configMap: { name: 'cm' } }]);
});

test('other merge keys: ownerReferences by uid, Pod status conditions by type, untyped subtrees merge maps', () => {
  const owner = (uid: string, controller: boolean): Json => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: uid, uid, controller });
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ownerReferences: [owner('u1', true)] }, spec: { containers: [container('web')] },
    status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }, { type: 'Initialized', status: 'True' }] } };
  const out = smp(pod, { metadata: { ownerReferences: [{ uid: 'u1', controller: false }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } }, schema('v1', 'Pod'));
  assert.deepEqual(Reflect.get(Object(out), 'metadata').ownerReferences, [owner('u1', false)]);
  assert.deepEqual(Reflect.get(Object(out), 'status').conditions, [{ type: 'Ready', status: 'True' }, { type: 'Initialized', status: 'True' }]);
  const crd = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'x' },
    spec: { versions: [{ name: 'v1', schema: { openAPIV3Schema: { $ref: '#/a', default: { a: 1, b: [1] } } } }] } };
  const crdOut = smp(crd, { spec: { versions: [{ name: 'v1', schema: { openAPIV3Schema: { default: { b: [2], c: 3 } } } }] } },
    schema('apiextensions.k8s.io/v1', 'CustomResourceDefinition'));
  assert.deepEqual(Reflect.get(Object(crdOut), 'spec').versions, [{ name: 'v1', schema: { openAPIV3Schema: { default: { b: [2], c: 3 } } } }]);
});

test('a value of another type replaces the live one; null and non-object patches', () => {
  const live = deployment();
  const out = smp(live, { spec: { strategy: 'Recreate', template: { spec: { containers: { name: 'odd' } } } } });
  assert.equal(Reflect.get(Object(out), 'spec').strategy, 'Recreate');
  assert.deepEqual(containersOf(out), { name: 'odd' });
  assert.equal(applyStrategicMergePatch(live, null, DEPLOYMENT), live);
  assert.throws(() => applyStrategicMergePatch(live, [], DEPLOYMENT), (e: unknown) =>
    isApiError(e, 'BadRequest') && e.message === 'json: cannot unmarshal array into Go value of type map[string]interface {}');
});

test('malformed patches are BadRequest with Kubernetes\' wording', () => {
  const live = deployment([container('web'), container('b')], { finalizers: ['a'] });
  const inSpec = (spec: Json): Json => ({ spec: { template: { spec } } });
  const rows: Array<[name: string, patch: unknown, reason: string, message: string]> = [
    ['$patch: merge on a map', { spec: { strategy: { $patch: 'merge' } } }, 'BadRequest', 'unknown patch type: merge in map: map[$patch:merge]'],
    ['$patch: merge in a list', inSpec({ containers: [{ $patch: 'merge', name: 'web' }] }), 'BadRequest', 'merging lists cannot yet be specified in the patch'],
    ['unknown $patch in a list', inSpec({ containers: [{ $patch: 'foo', name: 'web' }] }), 'BadRequest', 'unknown patch type: foo in map: map[$patch:foo name:web]'],
    ['missing merge key', inSpec({ containers: [{ image: 'x' }] }), 'BadRequest', 'map: map[image:x] does not contain declared merge key: name'],
    ['delete without merge key', inSpec({ containers: [{ $patch: 'delete' }] }), 'BadRequest', 'map: map[$patch:delete] does not contain declared merge key: name'],
    ['patch outside $retainKeys', { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: { maxSurge: 1 } } } },
      'BadRequest', 'invalid patch format of retainKeys'],
    ['$retainKeys not a list', { spec: { strategy: { $retainKeys: 'type' } } }, 'BadRequest', 'invalid patch format of retainKeys'],
    ['order contradicts the patch list', inSpec({ '$setElementOrder/containers': [{ name: 'web' }, { name: 'b' }], containers: [{ name: 'b' }, { name: 'web' }] }),
      'BadRequest', "The order in patch list:\n[map[name:b] map[name:web]]\n doesn't match $setElementOrder list:\n[map[name:web] map[name:b]]\n"],
    ['order without slash', inSpec({ $setElementOrderContainers: [] }), 'BadRequest', 'invalid patch format of setElementOrder list'],
    ['order not a list', inSpec({ '$setElementOrder/containers': { name: 'web' } }), 'BadRequest', 'expected a []interface {}, but received a map[string]interface {}'],
    ['delete list without slash', { metadata: { $deleteFromPrimitiveList: ['a'] } }, 'BadRequest', 'invalid patch format of primitive list'],
    ['delete list of objects', { metadata: { '$deleteFromPrimitiveList/finalizers': [{ a: 1 }] } }, 'BadRequest', 'invalid patch format of primitive list'],
    ['unknown directive', { spec: { $replace: true } }, 'BadRequest', 'unknown strategic merge patch directive "$replace"'],
    ['mixed element types', { metadata: { finalizers: [1] } }, 'BadRequest', 'list element types are not identical: [[a] [1]]'],
    ['list of lists', { metadata: { finalizers: [['x']] } }, 'Invalid', 'the server rejected our request due to an error in our request'],
  ];
  for (const [name, patch, reason, message] of rows) {
    assert.throws(() => smp(live, patch), (e: unknown) => {
      assert.ok(isApiError(e), name);
      assert.equal(`${e.reason}: ${e.message}`, `${reason}: ${message}`, name);
      return true;
    }, name);
  }
});
