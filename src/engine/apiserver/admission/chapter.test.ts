// The manifests of chapter 5 (../seed/ch05-deployment-strategies.md), in their v1 form, through admission:
// each one defaults and validates cleanly, and the usual mistakes produce the messages kubectl prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError, invalid } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import { defaultObject } from './defaults.js';
import { validateObject } from './validate.js';

const ns = { namespace: 'default' };
const demoTemplate = (app: string, colour: string): Record<string, unknown> => ({
  metadata: { labels: { app } },
  spec: { containers: [{ name: app === 'demo' ? 'demo' : app, image: `argoproj/rollouts-demo:${colour}`, imagePullPolicy: 'Always', ports: [{ containerPort: 8080 }] }] },
});

const MANIFESTS: Array<[string, KubeObject]> = [
  ['apps/replicasets', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'demo', labels: { app: 'demo' }, ...ns },
    spec: { replicas: 3, selector: { matchLabels: { app: 'demo' } }, template: demoTemplate('demo', 'blue') } }],
  ['apps/deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'demo', labels: { app: 'demo' }, ...ns },
    spec: { replicas: 3, selector: { matchLabels: { app: 'demo' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 3 } },
      template: demoTemplate('demo', 'blue') } }],
  ['apps/deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'blue', labels: { app: 'blue' }, ...ns },
    spec: { replicas: 3, selector: { matchLabels: { app: 'blue' } }, template: demoTemplate('blue', 'blue') } }],
  ['services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'demo', labels: { app: 'demo' }, ...ns },
    spec: { ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }], selector: { app: 'demo' } } }],
  ['services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'blue-service', labels: { app: 'blue' }, ...ns },
    spec: { ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }], selector: { app: 'blue' }, type: 'NodePort' } }],
  ['services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'green-service', labels: { app: 'green' }, ...ns },
    spec: { ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }], selector: { app: 'green' }, type: 'NodePort' } }],
  ['networking.k8s.io/ingresses', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'demo-ingress', ...ns },
    spec: { rules: [{ host: 'demo.info', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'demo-service', port: { number: 80 } } } }] } }] } }],
  ['configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nginx-configuration', ...ns },
    data: { 'allow-backend-server-header': 'true', 'use-forwarded-headers': 'true' } }],
  ['batch/jobs', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pass-1', uid: '0b5f0c59-9f0e-4b8a-8a43-1d1d7d3c2a10', ...ns },
    spec: { backoffLimit: 0, template: { spec: { containers: [{ name: 'sleep', image: 'alpine:3.8', command: ['sh', '-c'], args: ['exit 0'] }], restartPolicy: 'Never' } } } }],
  ['namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'argo-rollouts' } }],
];

test('every chapter manifest defaults and validates cleanly', () => {
  for (const [key, manifest] of MANIFESTS) {
    const defaulted = defaultObject(key, manifest);
    assert.deepEqual(validateObject(key, defaulted).map(formatFieldError), [], `${key} ${manifest.metadata.name ?? ''}`);
    assert.deepEqual(validateObject(key, defaulted, defaulted).map(formatFieldError), [], `${key} ${manifest.metadata.name ?? ''} (update)`);
  }
});

test('a chapter Deployment with several mistakes: the 422 body kubectl turns into one line per cause', () => {
  const bad = defaultObject('apps/deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'demo', ...ns },
    spec: { replicas: -1, selector: { matchLabels: { app: 'demo' } }, strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } },
      template: demoTemplate('green', 'green') } });
  const err = invalid('Deployment', 'apps', 'demo', validateObject('apps/deployments', bad));
  assert.equal(err.message, 'Deployment.apps "demo" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, '
    + 'spec.template.metadata.labels: Invalid value: {"app":"green"}: `selector` does not match template `labels`, '
    + 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0]');
  assert.deepEqual(err.details?.causes?.map((c) => c.field), ['spec.replicas', 'spec.template.metadata.labels', 'spec.strategy.rollingUpdate.maxUnavailable']);
});

test('the chapter’s extensions/v1beta1 Ingress without pathType is refused once written as v1', () => {
  const ing: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'demo-ingress', ...ns },
    spec: { rules: [{ host: 'demo.info', http: { paths: [{ path: '/', backend: { service: { name: 'blue-service', port: { number: 80 } } } }] } }] } };
  assert.deepEqual(validateObject('networking.k8s.io/ingresses', defaultObject('networking.k8s.io/ingresses', ing)).map(formatFieldError), [
    'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
  ]);
});
