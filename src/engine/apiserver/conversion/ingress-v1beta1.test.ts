import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../api/meta.js';
import { ingressToV1, ingressToV1beta1 } from './ingress-v1beta1.js';

const chapter: KubeObject = {
  apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'demo-ingress' },
  spec: { rules: [{ host: 'demo.info', http: { paths: [{ path: '/', backend: { serviceName: 'blue-service', servicePort: 80 } }] } }] },
};

test('ingressToV1() converts the chapter\'s serviceName/servicePort and fills pathType', () => {
  const v1 = ingressToV1(chapter);
  assert.equal(v1.apiVersion, 'networking.k8s.io/v1');
  assert.deepEqual(v1['spec'], {
    rules: [{ host: 'demo.info', http: { paths: [{ path: '/', pathType: 'ImplementationSpecific', backend: { service: { name: 'blue-service', port: { number: 80 } } } }] } }],
  });
});

test('ingressToV1beta1() round-trips, with named ports and the default backend', () => {
  const withDefault: KubeObject = { ...chapter, spec: { backend: { serviceName: 'x', servicePort: 'http' } } };
  const v1 = ingressToV1(withDefault);
  assert.deepEqual(v1['spec'], { defaultBackend: { service: { name: 'x', port: { name: 'http' } } } });
  assert.deepEqual(ingressToV1beta1(v1)['spec'], { backend: { serviceName: 'x', servicePort: 'http' } });
  const back = ingressToV1beta1(ingressToV1(chapter));
  assert.equal(back.apiVersion, 'extensions/v1beta1');
  assert.deepEqual((back['spec'] as { rules: unknown[] }).rules, [{ host: 'demo.info', http: { paths: [{ path: '/', pathType: 'ImplementationSpecific', backend: { serviceName: 'blue-service', servicePort: 80 } }] } }]);
});
