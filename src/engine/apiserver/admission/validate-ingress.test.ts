import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import { validateObject } from './validate.js';

type Json = Record<string, unknown>;

/** The chapter's demo-ingress in networking.k8s.io/v1 form: host demo.info, path / (Prefix) → demo-service:80. */
function ingress(path: Json = {}, rule: Json = {}, spec: Json = {}, annotations?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
    metadata: { name: 'demo-ingress', namespace: 'default', ...(annotations === undefined ? {} : { annotations }) },
    spec: { rules: [{ host: 'demo.info', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'demo-service', port: { number: 80 } } }, ...path }] }, ...rule }], ...spec },
  };
}

const check = (obj: KubeObject, old?: KubeObject): string[] => validateObject('networking.k8s.io/ingresses', obj, old).map(formatFieldError);
const P = 'spec.rules[0].http.paths[0]';

test('the chapter Ingress is valid', () => {
  assert.deepEqual(check(ingress()), []);
  assert.deepEqual(check(ingress({ pathType: 'Exact', path: '/color' })), []);
  assert.deepEqual(check(ingress({ pathType: 'ImplementationSpecific', path: '' })), []);
  assert.deepEqual(check(ingress({ backend: { service: { name: 'demo-service', port: { name: 'http' } } } })), []);
});

test('Ingress validation table', () => {
  const rows: Array<[string, KubeObject, string[]]> = [
    ['pathType missing', ingress({ pathType: undefined }), [`${P}.pathType: Required value: pathType must be specified`]],
    ['pathType unknown', ingress({ pathType: 'Regex' }), [`${P}.pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"`]],
    ['relative path', ingress({ path: 'color' }), [`${P}.path: Invalid value: "color": must be an absolute path`]],
    ['empty Prefix path', ingress({ path: '' }), [`${P}.path: Invalid value: "": must be an absolute path`]],
    ['double slash', ingress({ path: '/a//b' }), [`${P}.path: Invalid value: "/a//b": must not contain '//'`]],
    ['dot suffix', ingress({ path: '/a/.' }), [`${P}.path: Invalid value: "/a/.": cannot end with '/.'`]],
    ['no backend', ingress({ backend: {} }), [`${P}.backend: Invalid value: "": resource or service backend is required`]],
    ['service without name', ingress({ backend: { service: { port: { number: 80 } } } }), [`${P}.backend.service.name: Required value`]],
    ['service name not DNS-1035', ingress({ backend: { service: { name: '9svc', port: { number: 80 } } } }), [
      `${P}.backend.service.name: Invalid value: "9svc": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]],
    ['both port name and number', ingress({ backend: { service: { name: 'demo-service', port: { number: 80, name: 'http' } } } }), [
      `${P}.backend: Invalid value: "": cannot set both port name & port number`,
    ]],
    ['no port', ingress({ backend: { service: { name: 'demo-service', port: {} } } }), [`${P}.backend: Required value: port name or number is required`]],
    ['port out of range', ingress({ backend: { service: { name: 'demo-service', port: { number: 70000 } } } }), [
      `${P}.backend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive`,
    ]],
    ['host is an IP', ingress({}, { host: '192.168.99.111' }), ['spec.rules[0].host: Invalid value: "192.168.99.111": must be a DNS name, not an IP address']],
    ['host uppercase', ingress({}, { host: 'Demo.info' }), [
      `spec.rules[0].host: Invalid value: "Demo.info": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]],
    ['wildcard host', ingress({}, { host: '*.demo.info' }), []],
    ['no paths', ingress({}, { http: { paths: [] } }), ['spec.rules[0].http.paths: Required value']],
    ['no rules and no default backend', ingress({}, {}, { rules: [] }), ['spec: Invalid value: []: either `defaultBackend` or `rules` must be specified']],
    ['class annotation disagrees', ingress({}, {}, { ingressClassName: 'nginx' }, { 'kubernetes.io/ingress.class': 'traefik' }), [
      'annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified',
    ]],
  ];
  for (const [name, obj, want] of rows) assert.deepEqual(check(obj), want, name);
});

test('Ingress update validates the new spec', () => {
  assert.deepEqual(check(ingress({ path: 'x' }), ingress()), [`${P}.path: Invalid value: "x": must be an absolute path`]);
});
