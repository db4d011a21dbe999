import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../api/meta.js';
import { defaultObject } from './defaults.js';
import { imageTag } from './defaults-pod.js';

function freeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) freeze(x);
    Object.freeze(v);
  }
  return v;
}

const obj = (apiVersion: string, kind: string, rest: Record<string, unknown>): KubeObject =>
  freeze({ apiVersion, kind, metadata: { name: 'demo', namespace: 'default' }, ...rest });

const podSpecDefaults = {
  dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', securityContext: {}, terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler',
};
const containerDefaults = { terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} };

test('imageTag() table: untagged means latest, digests have no tag', () => {
  const rows: Array<[string, string]> = [
    ['nginx', 'latest'], ['nginx:latest', 'latest'], ['argoproj/rollouts-demo:blue', 'blue'],
    ['localhost:5000/app', 'latest'], ['localhost:5000/app:v1', 'v1'], ['app@sha256:abc', ''], ['app:v2@sha256:abc', 'v2'], ['', ''],
  ];
  for (const [image, tag] of rows) assert.equal(imageTag(image), tag, image);
});

test('defaultObject() Pod: spec, container, port, probe defaults and Pod-only fields', () => {
  const pod = obj('v1', 'Pod', { spec: { containers: [
    { name: 'app', image: 'nginx', ports: [{ containerPort: 80 }],
      readinessProbe: { httpGet: { port: 80 } }, resources: { limits: { cpu: '1' } } },
    { name: 'side', image: 'busybox:1.36', livenessProbe: { exec: { command: ['true'] }, periodSeconds: 5 } },
  ] } });
  const out = defaultObject('pods', pod);
  assert.deepEqual(out['spec'], {
    ...podSpecDefaults,
    enableServiceLinks: true,
    containers: [
      { name: 'app', image: 'nginx', imagePullPolicy: 'Always', ...containerDefaults,
        resources: { limits: { cpu: '1' }, requests: { cpu: '1' } },
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        readinessProbe: { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 } },
      { name: 'side', image: 'busybox:1.36', imagePullPolicy: 'IfNotPresent', ...containerDefaults,
        livenessProbe: { exec: { command: ['true'] }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 } },
    ],
  });
  assert.notEqual(out, pod);
});

test('defaultObject() keeps what the client set', () => {
  const pod = obj('v1', 'Pod', { spec: { restartPolicy: 'Never', terminationGracePeriodSeconds: 5, containers: [{ name: 'a', image: 'x:latest', imagePullPolicy: 'Never' }] } });
  const spec = defaultObject('pods', pod)['spec'];
  assert.deepEqual(spec, { ...podSpecDefaults, restartPolicy: 'Never', terminationGracePeriodSeconds: 5, enableServiceLinks: true,
    containers: [{ name: 'a', image: 'x:latest', imagePullPolicy: 'Never', ...containerDefaults }] });
});

test('defaultObject() Deployment: replicas 1, RollingUpdate 25%/25%, history 10, deadline 600, template defaults', () => {
  const d = obj('apps/v1', 'Deployment', { spec: { selector: { matchLabels: { app: 'demo' } },
    template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'demo', image: 'argoproj/rollouts-demo:blue' }] } } } });
  assert.deepEqual(defaultObject('apps/deployments', d)['spec'], {
    replicas: 1,
    selector: { matchLabels: { app: 'demo' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
    template: { metadata: { labels: { app: 'demo' } }, spec: { ...podSpecDefaults,
      containers: [{ name: 'demo', image: 'argoproj/rollouts-demo:blue', imagePullPolicy: 'IfNotPresent', ...containerDefaults }] } },
  });
});

test('defaultObject() Deployment with Recreate gets no rollingUpdate; explicit values stay', () => {
  const d = obj('apps/v1', 'Deployment', { spec: { replicas: 0, strategy: { type: 'Recreate' }, template: { spec: { containers: [] } } } });
  const spec = defaultObject('apps/deployments', d)['spec'];
  assert.deepEqual(spec, { replicas: 0, strategy: { type: 'Recreate' }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
    template: { spec: { ...podSpecDefaults, containers: [] } } });
});

test('defaultObject() ReplicaSet: replicas 1', () => {
  const rs = obj('apps/v1', 'ReplicaSet', { spec: { template: { spec: { containers: [] } } } });
  assert.equal((defaultObject('apps/replicasets', rs)['spec'] as { replicas: number }).replicas, 1);
});

test('defaultObject() Job: counts, policies and the generated selector and labels (create)', () => {
  const job = obj('batch/v1', 'Job', { spec: { backoffLimit: 0, template: { spec: { restartPolicy: 'Never',
    containers: [{ name: 'sleep', image: 'alpine:3.8', command: ['sh', '-c'], args: ['exit 0'] }] } } } });
  const out = defaultObject('batch/jobs', job, { uid: 'uid-1' });
  const generated = { 'batch.kubernetes.io/controller-uid': 'uid-1', 'batch.kubernetes.io/job-name': 'demo', 'controller-uid': 'uid-1', 'job-name': 'demo' };
  assert.deepEqual(out.metadata.labels, generated);
  assert.deepEqual(out['spec'], {
    backoffLimit: 0, completions: 1, parallelism: 1, completionMode: 'NonIndexed', suspend: false,
    podReplacementPolicy: 'TerminatingOrFailed', manualSelector: false,
    selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'uid-1' } },
    template: { metadata: { labels: generated }, spec: { ...podSpecDefaults, restartPolicy: 'Never',
      containers: [{ name: 'sleep', image: 'alpine:3.8', command: ['sh', '-c'], args: ['exit 0'], imagePullPolicy: 'IfNotPresent', ...containerDefaults }] } },
  });
});

test('defaultObject() Job table: backoff, parallelism and manual selectors', () => {
  const tpl = { spec: { restartPolicy: 'Never', containers: [] } };
  const rows: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    ['parallelism only', { parallelism: 3, template: tpl }, { parallelism: 3, backoffLimit: 6 }],
    ['per-index backoff', { backoffLimitPerIndex: 1, completionMode: 'Indexed', completions: 2, template: tpl }, { backoffLimit: 2147483647, parallelism: 1 }],
    ['pod failure policy', { podFailurePolicy: { rules: [] }, template: tpl }, { podReplacementPolicy: 'Failed' }],
    ['manual selector', { manualSelector: true, selector: { matchLabels: { a: 'b' } }, template: tpl }, { selector: { matchLabels: { a: 'b' } } }],
  ];
  for (const [name, spec, want] of rows) {
    const out = defaultObject('batch/jobs', obj('batch/v1', 'Job', { spec }), { uid: 'u' })['spec'];
    for (const [k, v] of Object.entries(want)) assert.deepEqual((out as Record<string, unknown>)[k], v, `${name}: ${k}`);
  }
});

test('defaultObject() Job on update does not regenerate the selector', () => {
  const job = obj('batch/v1', 'Job', { spec: { template: { spec: { containers: [] } } } });
  const out = defaultObject('batch/jobs', job, { uid: 'u', old: job });
  assert.equal((out['spec'] as Record<string, unknown>)['selector'], undefined);
});

test('defaultObject() Service: ClusterIP, None affinity, TCP, targetPort = port, policies, single stack', () => {
  const svc = obj('v1', 'Service', { spec: { selector: { app: 'demo' }, ports: [{ port: 80 }, { port: 81, targetPort: 'http', protocol: 'UDP' }] } });
  assert.deepEqual(defaultObject('services', svc)['spec'], {
    type: 'ClusterIP', sessionAffinity: 'None', selector: { app: 'demo' }, internalTrafficPolicy: 'Cluster',
    ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }, { port: 81, targetPort: 'http', protocol: 'UDP' }],
    ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'],
  });
});

test('defaultObject() Service table by type', () => {
  const rows: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    ['NodePort', { type: 'NodePort', ports: [{ port: 80 }] }, { externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' }],
    ['LoadBalancer', { type: 'LoadBalancer', ports: [{ port: 80 }] }, { allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'Cluster' }],
    ['ExternalName', { type: 'ExternalName', externalName: 'example.com' }, { ipFamilyPolicy: undefined, internalTrafficPolicy: undefined }],
    ['headless, no selector', { clusterIP: 'None' }, { clusterIPs: ['None'], ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'] }],
    ['ClientIP affinity', { sessionAffinity: 'ClientIP', ports: [{ port: 80 }] }, { sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } }],
  ];
  for (const [name, spec, want] of rows) {
    const out = defaultObject('services', obj('v1', 'Service', { spec }))['spec'] as Record<string, unknown>;
    for (const [k, v] of Object.entries(want)) assert.deepEqual(out[k], v, `${name}: ${k}`);
  }
});

test('defaultObject() Service update keeps the allocated clusterIP and nodePorts kubectl apply leaves out', () => {
  const old = obj('v1', 'Service', { spec: { type: 'NodePort', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'],
    ports: [{ name: 'web', port: 80, nodePort: 31000 }] } });
  const next = obj('v1', 'Service', { spec: { type: 'NodePort', ports: [{ name: 'web', port: 80 }] } });
  const spec = defaultObject('services', next, { old })['spec'] as Record<string, unknown>;
  assert.equal(spec['clusterIP'], '10.96.0.10');
  assert.deepEqual(spec['clusterIPs'], ['10.96.0.10']);
  assert.deepEqual(spec['ports'], [{ name: 'web', port: 80, nodePort: 31000, protocol: 'TCP', targetPort: 80 }]);
});

test('defaultObject() Namespace: name label, kubernetes finalizer and Active on create; stored spec/status on update', () => {
  const ns = freeze({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'argo-rollouts' } });
  const created = defaultObject('namespaces', ns);
  assert.deepEqual(created.metadata.labels, { 'kubernetes.io/metadata.name': 'argo-rollouts' });
  assert.deepEqual(created['spec'], { finalizers: ['kubernetes'] });
  assert.deepEqual(created['status'], { phase: 'Active' });
  const old = { ...created, spec: { finalizers: [] }, status: { phase: 'Terminating' } };
  const updated = defaultObject('namespaces', { ...ns, spec: { finalizers: ['x'] } }, { old });
  assert.deepEqual(updated['spec'], { finalizers: [] });
  assert.deepEqual(updated['status'], { phase: 'Terminating' });
});

test('defaultObject() Secret: Opaque type and stringData merged into base64 data', () => {
  const s = obj('v1', 'Secret', { data: { a: 'YQ==' }, stringData: { b: 'hello', a: 'x' } });
  const out = defaultObject('secrets', s);
  assert.equal(out['type'], 'Opaque');
  assert.deepEqual(out['data'], { a: 'eA==', b: 'aGVsbG8=' });
  assert.equal(out['stringData'], undefined);
});

test('defaultObject() Endpoints and CRDs', () => {
  const ep = defaultObject('endpoints', obj('v1', 'Endpoints', { subsets: [{ addresses: [{ ip: '127.0.0.2' }], ports: [{ port: 8080 }] }] }));
  assert.deepEqual(ep['subsets'], [{ addresses: [{ ip: '127.0.0.2' }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
  const crd = defaultObject('apiextensions.k8s.io/customresourcedefinitions', obj('apiextensions.k8s.io/v1', 'CustomResourceDefinition', {
    spec: { group: 'argoproj.io', names: { kind: 'Rollout', plural: 'rollouts' }, versions: [{ name: 'v1alpha1', served: true, storage: true }] } }));
  assert.deepEqual((crd['spec'] as Record<string, unknown>)['names'], { kind: 'Rollout', plural: 'rollouts', singular: 'rollout', listKind: 'RolloutList' });
  assert.deepEqual((crd['spec'] as Record<string, unknown>)['conversion'], { strategy: 'None' });
  assert.deepEqual(crd['status'], { storedVersions: ['v1alpha1'] });
});

test('defaultObject() leaves kinds without defaults alone (Ingress pathType stays required)', () => {
  const ing = obj('networking.k8s.io/v1', 'Ingress', { spec: { rules: [{ host: 'demo.info', http: { paths: [{ path: '/', backend: {} }] } }] } });
  assert.deepEqual(defaultObject('networking.k8s.io/ingresses', ing), ing);
  const cr = obj('argoproj.io/v1alpha1', 'Rollout', { spec: {} });
  assert.deepEqual(defaultObject('argoproj.io/rollouts', cr), cr);
});
