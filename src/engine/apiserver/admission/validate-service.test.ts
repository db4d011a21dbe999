import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import { defaultObject } from './defaults.js';
import { validateObject } from './validate.js';

type Json = Record<string, unknown>;

/** The chapter's blue-service: NodePort, port 80 → 8080, selecting app=blue; defaulted. */
function service(spec: Json = {}, name = 'blue-service', old?: KubeObject): KubeObject {
  return defaultObject('services', {
    apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', labels: { app: 'blue' } },
    spec: { ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }], selector: { app: 'blue' }, type: 'NodePort', ...spec },
  }, old === undefined ? {} : { old });
}

const check = (obj: KubeObject, old?: KubeObject): string[] => validateObject('services', obj, old).map(formatFieldError);

test('the chapter NodePort services and the ClusterIP demo service are valid', () => {
  assert.deepEqual(check(service()), []);
  assert.deepEqual(check(service({}, 'green-service')), []);
  assert.deepEqual(check(service({ type: undefined, selector: { app: 'demo' } }, 'demo')), []);
  assert.deepEqual(check(service({ ports: [{ port: 80, nodePort: 30080 }] })), []);
});

test('Service validation table', () => {
  const rows: Array<[string, KubeObject, string[]]> = [
    ['name must be a DNS-1035 label', service({}, '1-service'), [
      `metadata.name: Invalid value: "1-service": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]],
    ['no ports', service({ ports: [] }), ['spec.ports: Required value']],
    ['headless needs no ports', service({ ports: [], type: 'ClusterIP', clusterIP: 'None' }), []],
    ['ExternalName needs no ports', service({ ports: [], type: 'ExternalName', externalName: 'example.com', selector: undefined }), []],
    ['port 0 (targetPort defaults to it)', service({ ports: [{ port: 0 }] }), [
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]],
    ['port too big', service({ ports: [{ port: 65536, targetPort: 80 }] }), ['spec.ports[0].port: Invalid value: 65536: must be between 1 and 65535, inclusive']],
    ['names required with two ports', service({ ports: [{ port: 80 }, { port: 81, name: 'b' }] }), ['spec.ports[0].name: Required value']],
    ['duplicate names', service({ ports: [{ port: 80, name: 'web' }, { port: 81, name: 'web' }] }), ['spec.ports[1].name: Duplicate value: "web"']],
    ['duplicate ports', service({ ports: [{ port: 80, name: 'a' }, { port: 80, name: 'b' }] }), ['spec.ports[1]: Duplicate value: {"protocol":"TCP","port":80}']],
    ['bad protocol', service({ ports: [{ port: 80, protocol: 'HTTP' }] }), ['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
    ['bad targetPort name', service({ ports: [{ port: 80, targetPort: 'Web' }] }), [
      'spec.ports[0].targetPort: Invalid value: "Web": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]],
    ['nodePort out of range', service({ ports: [{ port: 80, nodePort: 8080 }] }), [
      'spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ]],
    ['nodePort on ClusterIP', service({ type: 'ClusterIP', ports: [{ port: 80, nodePort: 30080 }] }), [
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]],
    ['duplicate nodePorts', service({ ports: [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, nodePort: 30080 }] }), [
      'spec.ports[1].nodePort: Duplicate value: 30080',
    ]],
    ['bad type', service({ type: 'Ingress' }), ['spec.type: Unsupported value: "Ingress": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ['bad selector value', service({ selector: { app: 'blue green' } }), [
      `spec.selector: Invalid value: "blue green": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]],
    ['headless NodePort', service({ clusterIP: 'None' }), ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"]],
    ['externalTrafficPolicy on ClusterIP', service({ type: 'ClusterIP', externalTrafficPolicy: 'Local' }), [
      'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    ]],
    ['ExternalName without a name', service({ type: 'ExternalName', ports: [] }), ['spec.externalName: Required value']],
    ['bad session affinity', service({ sessionAffinity: 'Cookie' }), ['spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"']],
    ['bad cluster IP', service({ clusterIP: '10.0.0.300' }), ['spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']],
  ];
  for (const [name, obj, want] of rows) assert.deepEqual(check(obj), want, name);
});

test('Service update: the cluster IP may not change, omitted allocations are kept', () => {
  const old = service({ clusterIP: '10.96.0.10', ports: [{ port: 80, nodePort: 30080 }] });
  assert.deepEqual(check(service({}, 'blue-service', old), old), []);
  assert.deepEqual(check(service({ clusterIP: '10.96.0.11' }, 'blue-service', old), old), [
    'spec.clusterIPs[0]: Invalid value: ["10.96.0.11"]: may not change once set',
  ]);
});
