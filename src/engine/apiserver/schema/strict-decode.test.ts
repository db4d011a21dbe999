import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDecodeError, formatStrictDecodeError } from './decode-errors.js';
import { schemaForKind } from './schema-for-kind.js';
import { checkDecode } from './strict-decode.js';

type Json = Record<string, unknown>;

/** A Deployment like kubectl-wire.md §5.2's, with extra spec members first and `container` merged into containers[0]. */
function deployment(spec: Json = {}, container: Json = {}, meta: Json = {}): Json {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'demo', labels: { app: 'demo' }, creationTimestamp: null, ...meta },
    spec: firstThen(spec, {
      replicas: 3, selector: { matchLabels: { app: 'demo' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      template: {
        metadata: { labels: { app: 'demo' }, creationTimestamp: null },
        spec: { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }], ...container }] },
      },
    }),
  };
}

/** `first`'s members (in their order), then the members of `rest` that `first` lacks: document order matters here. */
function firstThen(first: Json, rest: Json): Json {
  return Object.fromEntries([...Object.entries(first), ...Object.entries(rest).filter(([k]) => !(k in first))]);
}

function unknownOf(apiVersion: string, kind: string, body: unknown): readonly string[] {
  const root = schemaForKind(apiVersion, kind);
  assert.ok(root);
  const check = checkDecode(body, root);
  assert.deepEqual(check.typeErrors, []);
  return check.unknownFields;
}

function firstError(apiVersion: string, kind: string, body: unknown): string {
  const root = schemaForKind(apiVersion, kind);
  assert.ok(root);
  const info = checkDecode(body, root).typeErrors[0];
  return info === undefined ? 'none' : formatDecodeError(kind, apiVersion.split('/').pop() ?? '', info);
}

test('checkDecode() reports unknown fields with Kubernetes paths, in document order', () => {
  const rows: Array<[name: string, apiVersion: string, kind: string, body: unknown, want: string[]]> = [
    ['valid deployment', 'apps/v1', 'Deployment', deployment(), []],
    ['capitalised field from the chapter', 'apps/v1', 'Deployment', deployment({ Strategy: { type: 'Recreate' } }), ['spec.Strategy']],
    ['two typos, document order', 'apps/v1', 'Deployment', deployment({ replica: 3 }, { imagePullPolicyy: 'Always' }),
      ['spec.replica', 'spec.template.spec.containers[0].imagePullPolicyy']],
    ['metadata typo', 'apps/v1', 'Deployment', deployment({}, {}, { labelz: { a: 'b' } }), ['metadata.labelz']],
    ['typo in a list item', 'apps/v1', 'Deployment', deployment({}, { ports: [{ containerPort: 80 }, { containerPrt: 81 }] }),
      ['spec.template.spec.containers[0].ports[1].containerPrt']],
    ['apiVersion/kind/status known at the root', 'apps/v1', 'Deployment', { ...deployment(), status: { replicas: 1 } }, []],
    ['status unknown where the type has none', 'v1', 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', data: {}, status: {} }, ['status']],
    ['apiVersion is not a field of a nested object', 'apps/v1', 'Deployment', deployment({ template: { apiVersion: 'v1' } }),
      ['spec.template.apiVersion']],
    ['null is fine for known fields', 'apps/v1', 'Deployment', deployment({ replicas: null, strategy: null, template: null }), []],
    ['an unknown field is unknown even when null', 'apps/v1', 'Deployment', deployment({ foo: null }), ['spec.foo']],
    ['map of structs: CRD schema properties', 'apiextensions.k8s.io/v1', 'CustomResourceDefinition', {
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'rollouts.argoproj.io' },
      spec: { group: 'argoproj.io', names: { kind: 'Rollout', plural: 'rollouts' }, scope: 'Namespaced', versions: [{
        name: 'v1alpha1', served: true, storage: true, subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } },
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true,
          properties: { spec: { type: 'object', typo: 1, default: { any: ['thing'] } } } } },
      }] },
    }, ['spec.versions[0].schema.openAPIV3Schema.properties.spec.typo']],
    ['core Event', 'v1', 'Event', { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' }, involvedObject: { kind: 'Pod', name: 'p' },
      reason: 'Started', firstTimestamp: '2025-01-01T00:00:00Z', eventTime: null, count: 1, type: 'Normal', source: { component: 'kubelet' } }, []],
    ['Scale', 'autoscaling/v1', 'Scale', { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'demo' }, spec: { replicas: 5 }, status: { replicas: 3, selector: 'app=demo' } }, []],
    ['DeleteOptions', 'meta.k8s.io/v1', 'DeleteOptions', { kind: 'DeleteOptions', apiVersion: 'meta.k8s.io/v1', propagationPolicy: 'Foreground', gracePeriodSeconds: 0, orphan: true }, ['orphan']],
    ['Ingress', 'networking.k8s.io/v1', 'Ingress', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'demo' }, spec: { rules: [{ host: 'demo.example.com', http: { paths: [
      { path: '/', pathType: 'Prefix', backend: { service: { name: 'demo', port: { number: 80, nmae: 'x' } } } }] } }] } },
    ['spec.rules[0].http.paths[0].backend.service.port.nmae']],
  ];
  for (const [name, apiVersion, kind, body, want] of rows) assert.deepEqual(unknownOf(apiVersion, kind, body), want, name);
});

test('checkDecode() stops listing unknown fields at 100, as Go does', () => {
  const spec = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`x${i}`, i]));
  assert.equal(unknownOf('apps/v1', 'Deployment', deployment(spec)).length, 100);
});

test('checkDecode() finds the type error Kubernetes reports, worded as Go words it', () => {
  const prefix = 'Deployment in version "v1" cannot be handled as a Deployment: ';
  const rows: Array<[name: string, body: unknown, want: string]> = [
    ['string for int32', deployment({ replicas: '3' }), 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['fraction for int32', deployment({ replicas: 1.5 }), 'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['int32 overflow', deployment({ replicas: 2 ** 31 }), 'json: cannot unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['fraction for int64', deployment({ template: { spec: { containers: [], activeDeadlineSeconds: 0.5 } } }),
      'json: cannot unmarshal number 0.5 into Go struct field PodSpec.spec.template.spec.activeDeadlineSeconds of type int64'],
    ['number for string (no indices in Go paths)', deployment({}, { image: 5 }),
      'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string'],
    ['string for bool', deployment({ template: { spec: { containers: [], hostNetwork: 'true' } } }),
      'json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.hostNetwork of type bool'],
    ['string for a list', deployment({ template: { spec: { containers: 'web' } } }),
      'json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container'],
    ['string for a list item', deployment({ template: { spec: { containers: ['web'] } } }),
      'json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type v1.Container'],
    ['string for an int64 list item', deployment({ template: { spec: { containers: [], securityContext: { supplementalGroups: ['1'] } } } }),
      'json: cannot unmarshal string into Go struct field PodSecurityContext.spec.template.spec.securityContext.supplementalGroups of type int64'],
    ['bool for a map value', deployment({}, {}, { labels: { a: true } }),
      'json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string'],
    ['array for a map', deployment({}, {}, { labels: [] }),
      'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string'],
    ['string for a struct', { ...deployment(), spec: 'x' }, 'json: cannot unmarshal string into Go struct field Deployment.spec of type v1.DeploymentSpec'],
    ['document of the wrong type', [deployment()], 'json: cannot unmarshal array into Go value of type v1.Deployment'],
    ['bool for IntOrString', deployment({ strategy: { rollingUpdate: { maxSurge: true } } }),
      'json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32'],
    ['fraction for IntOrString', deployment({ strategy: { rollingUpdate: { maxUnavailable: 0.5 } } }),
      'json: cannot unmarshal number 0.5 into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxUnavailable of type int32'],
    ['number for a time', deployment({}, {}, { creationTimestamp: 5 }),
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string'],
    ['bad quantity', deployment({}, { resources: { limits: { cpu: '1GB' } } }),
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['quantity with a bad suffix', deployment({}, { resources: { requests: { memory: '1kk' } } }), "unable to parse quantity's suffix"],
    ['errors from custom decoders win, as they stop Go', deployment({ replicas: '3', strategy: { rollingUpdate: { maxSurge: {} } } }),
      'json: cannot unmarshal object into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32'],
    ['otherwise the first error in document order', deployment({ replicas: '3', paused: 'no' }),
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['valid values of every special type', deployment({ strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } } },
      { resources: { limits: { cpu: 0.5, memory: '128Mi' } } }, { creationTimestamp: '2025-01-01T00:00:00Z' }), 'none'],
  ];
  for (const [name, body, want] of rows) assert.equal(firstError('apps/v1', 'Deployment', body), want === 'none' ? 'none' : prefix + want, name);
});

test('checkDecode() checks base64 in []byte fields (Secret.data)', () => {
  const secret = (data: unknown): Json => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data });
  const prefix = 'Secret in version "v1" cannot be handled as a Secret: ';
  assert.equal(firstError('v1', 'Secret', secret({ a: 'aGVsbG8=' })), 'none');
  assert.equal(firstError('v1', 'Secret', secret({ a: 'hello!' })), `${prefix}illegal base64 data at input byte 5`);
  assert.equal(firstError('v1', 'Secret', secret({ a: 5 })), `${prefix}json: cannot unmarshal number into Go struct field Secret.data of type []uint8`);
  assert.equal(firstError('v1', 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 1 } }),
    'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string');
});

test('the wire reference strict-decoding message comes out exactly', () => {
  const root = schemaForKind('apps/v1', 'Deployment');
  assert.ok(root);
  const check = checkDecode(deployment({ replica: 3 }, { imagePullPolicyy: 'Always' }), root);
  assert.equal(formatStrictDecodeError('Deployment', 'v1', check.unknownFields),
    'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica", unknown field "spec.template.spec.containers[0].imagePullPolicyy"');
});
