// No input may crash the server: admission must answer with field errors (or nothing), never throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../api/meta.js';
import { compileSchema } from './crd-schema.js';
import { defaultObject } from './defaults.js';
import { validateObject } from './validate.js';

const KEYS = ['pods', 'services', 'endpoints', 'configmaps', 'secrets', 'events', 'namespaces', 'serviceaccounts', 'apps/deployments',
  'apps/replicasets', 'batch/jobs', 'networking.k8s.io/ingresses', 'coordination.k8s.io/leases', 'apiextensions.k8s.io/customresourcedefinitions'];

const WEIRD: unknown[] = [null, 'x', 7, true, [], [1, null, 'x'], {}, { a: null }];

function shapes(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const w of WEIRD) {
    out.push({ spec: w }, { data: w, binaryData: w, stringData: w, subsets: w });
    out.push({ spec: { containers: w, template: w, selector: w, ports: w, rules: w, versions: w, strategy: w, replicas: w, names: w } });
    out.push({ spec: { template: { metadata: w, spec: { containers: [{ name: 'a', image: 'b', ports: w, env: w, livenessProbe: w, lifecycle: w, volumeMounts: w }], volumes: w } } } });
    out.push({ spec: { ports: [{ port: w, targetPort: w, nodePort: w, name: w }], clusterIPs: w, selector: { matchExpressions: w } } });
    out.push({ spec: { rules: [{ host: w, http: { paths: [{ path: w, pathType: w, backend: w }] } }], tls: [{ hosts: w }] } });
    out.push({ spec: { versions: [{ name: w, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { a: w }, required: w } } }] } });
  }
  return out;
}

test('defaultObject() and validateObject() never throw on malformed objects', () => {
  for (const key of KEYS) {
    for (const shape of shapes()) {
      for (const metadata of [{ name: 'x', labels: 'x', annotations: [1], finalizers: 'x', ownerReferences: [null] }, { name: 'x' }]) {
        const obj = { apiVersion: 'v1', kind: 'X', ...shape, metadata } as KubeObject;
        assert.doesNotThrow(() => {
          const d = defaultObject(key, obj, { uid: 'u' });
          validateObject(key, d);
          validateObject(key, d, obj);
          validateObject(key, obj, d);
        }, `${key} ${JSON.stringify(shape)}`);
      }
    }
  }
});

test('compileSchema() never throws on malformed schemas or objects', () => {
  const schemas: unknown[] = [null, 'x', { type: 'object', properties: 'x' }, { type: 'object', required: 'spec' },
    { type: 'object', properties: { a: { type: 'nonsense', items: 3, minimum: 'x' } } }, { type: 'object', additionalProperties: 5 }];
  for (const s of schemas) {
    const c = compileSchema(s);
    for (const shape of shapes()) {
      const obj = { apiVersion: 'a/v1', kind: 'X', metadata: { name: 'x' }, ...shape } as KubeObject;
      assert.doesNotThrow(() => { c.validate(c.default(c.prune(obj).object)); }, JSON.stringify(s));
    }
  }
});
