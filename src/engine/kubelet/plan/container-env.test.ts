import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConfigMap, Pod, Secret } from '../../../api/core-v1.js';
import { computeContainerEnv, expandVars, type EnvInputs } from './container-env.js';

const pod: Pod = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop', uid: 'u-1', labels: { app: 'web' }, annotations: { team: 'blue' } },
  spec: { containers: [], nodeName: 'sluice' },
};
const cm: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { color: 'green' } };
const secret: Secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'pw' }, data: { password: Buffer.from('s3cret').toString('base64') } };

function inputs(env: NonNullable<EnvInputs['container']['env']>, extra: Partial<EnvInputs> = {}): EnvInputs {
  return {
    pod, container: { name: 'c', ports: [{ containerPort: 8080 }], env }, podIP: '127.1.0.7', hostIP: '127.0.0.1', nodeName: 'sluice',
    imageEnv: { SLUICE_DEMO_IMAGE: 'argoproj/rollouts-demo:blue' },
    configMaps: new Map([['cfg', cm]]), secrets: new Map([['pw', secret]]), ...extra,
  };
}

test('expandVars() worked example', () => {
  assert.equal(expandVars('$(A)-$(B)-$$(A)', { A: 'x' }), 'x-$(B)-$(A)');
});

test('computeContainerEnv() provides runtime variables, image env and resolved references', () => {
  const r = computeContainerEnv(inputs([
    { name: 'NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
    { name: 'TEAM', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['team']" } } },
    { name: 'UID', valueFrom: { fieldRef: { fieldPath: 'metadata.uid' } } },
    { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
    { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
    { name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'color' } } },
    { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'pw', key: 'password' } } },
    { name: 'URL', value: 'http://$(IP):$(PORT)/' },
  ]));
  assert.deepEqual(r, {
    ok: true,
    env: {
      POD_IP: '127.1.0.7', POD_NAME: 'web-1', POD_NAMESPACE: 'shop', HOSTNAME: 'web-1', PORT: '8080', SLUICE_DEMO_IMAGE: 'argoproj/rollouts-demo:blue',
      NAME: 'web-1', APP: 'web', TEAM: 'blue', UID: 'u-1', IP: '127.1.0.7', NODE: 'sluice', COLOR: 'green', PASSWORD: 's3cret', URL: 'http://127.1.0.7:8080/',
    },
  });
});

test('computeContainerEnv() reports missing references, unless optional', () => {
  assert.deepEqual(computeContainerEnv(inputs([{ name: 'X', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k' } } }])), { ok: false, message: 'configmap "nope" not found' });
  assert.deepEqual(computeContainerEnv(inputs([{ name: 'X', valueFrom: { secretKeyRef: { name: 'pw', key: 'nope' } } }])), { ok: false, message: "couldn't find key nope in Secret shop/pw" });
  const optional = computeContainerEnv(inputs([{ name: 'X', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k', optional: true } } }]));
  assert.equal(optional.ok && 'X' in optional.env, false);
});
