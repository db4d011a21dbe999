import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crdFileName } from './crd-files.js';
import { orderedSchema } from './json-schema-props.js';
import { modelSchema } from './kube-model-schema.js';
import { QUANTITY_PATTERN } from './kube-model-conventions.js';
import { arr, lazy, map, obj } from './schema.js';
import { bool, embedded, emptyObj, enumOf, int, int64, intOrString, opaque, preserveUnknown, str, stringOf, time } from './scalars.js';

test('obj() lists its fields and only the required ones it is given', () => {
  const s = obj({ a: str(), b: int() }, { required: ['a'], description: 'x' });
  assert.deepEqual(s.json, { description: 'x', type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'integer', format: 'int32' } } });
  assert.deepEqual(obj({ a: str() }).json, { type: 'object', properties: { a: { type: 'string' } } });
});

test('obj() options: atomic map type and CEL rules', () => {
  const s = obj({}, { mapType: 'atomic', validations: [{ rule: 'self == oldSelf', message: 'immutable' }] });
  assert.deepEqual(s.json, { type: 'object', 'x-kubernetes-map-type': 'atomic', 'x-kubernetes-validations': [{ rule: 'self == oldSelf', message: 'immutable' }], properties: {} });
});

test('arr() and map() wrap their element schema', () => {
  assert.deepEqual(arr(bool(), { listType: 'map', listMapKeys: ['name'] }).json,
    { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], items: { type: 'boolean' } });
  assert.deepEqual(map(str()).json, { type: 'object', additionalProperties: { type: 'string' } });
});

test('scalars map to Kubernetes\' OpenAPI conventions', () => {
  const rows: [string, unknown, unknown][] = [
    ['str', str({ default: '5m', pattern: '^a' }).json, { type: 'string', default: '5m', pattern: '^a' }],
    ['stringOf leaves the schema open', stringOf<'a' | 'b'>().json, { type: 'string' }],
    ['enumOf', enumOf(['v1', 'v2'], { default: 'v1' }).json, { type: 'string', enum: ['v1', 'v2'], default: 'v1' }],
    ['time', time().json, { type: 'string', format: 'date-time' }],
    ['int', int({ minimum: 0 }).json, { type: 'integer', format: 'int32', minimum: 0 }],
    ['int64', int64().json, { type: 'integer', format: 'int64' }],
    ['intOrString', intOrString().json, { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true }],
    ['preserveUnknown', preserveUnknown().json, { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }],
    ['embedded', embedded().json, { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true }],
    ['emptyObj', emptyObj().json, { type: 'object' }],
    ['opaque keeps the full schema', opaque(obj({ a: str() })).json, { type: 'object', properties: { a: { type: 'string' } } }],
  ];
  for (const [name, got, want] of rows) assert.deepEqual(got, want, name);
});

test('lazy() builds once, on first use', () => {
  let calls = 0;
  const s = lazy(() => { calls += 1; return { type: 'string' }; });
  assert.equal(calls, 0);
  assert.deepEqual(s.json, { type: 'string' });
  assert.deepEqual(s.json, { type: 'string' });
  assert.equal(calls, 1);
});

test('orderedSchema() writes description and type first, properties last, recursively', () => {
  const s = orderedSchema({ properties: { a: { items: { type: 'string' }, type: 'array' } }, type: 'object', description: 'd' });
  assert.deepEqual(Object.keys(s), ['description', 'type', 'properties']);
  assert.deepEqual(Object.keys(s.properties?.['a'] ?? {}), ['type', 'items']);
});

test('crdFileName() follows Argo\'s file names', () => {
  assert.equal(crdFileName('Rollout'), 'rollout-crd.yaml');
  assert.equal(crdFileName('ClusterAnalysisTemplate'), 'cluster-analysis-template-crd.yaml');
});

test('modelSchema(V1PodTemplateSpec) types every field, with Kubernetes\' keys, quantities and required fields', () => {
  const t = modelSchema('V1PodTemplateSpec');
  assert.deepEqual(Object.keys(t.properties?.['metadata']?.properties ?? {}), ['labels', 'annotations'], 'template metadata: labels and annotations only');
  const spec = t.properties?.['spec'];
  assert.deepEqual(spec?.required, ['containers']);
  const containers = spec?.properties?.['containers'];
  assert.equal(containers?.['x-kubernetes-list-type'], 'map');
  assert.deepEqual(containers?.['x-kubernetes-list-map-keys'], ['name']);
  const container = containers?.items;
  assert.deepEqual(container?.required, ['name']);
  assert.deepEqual(container?.properties?.['imagePullPolicy'], { type: 'string' });
  assert.deepEqual(container?.properties?.['ports']?.items?.properties?.['containerPort'], { type: 'integer', format: 'int32' });
  const limits = container?.properties?.['resources']?.properties?.['limits'];
  assert.equal(limits?.additionalProperties?.pattern, QUANTITY_PATTERN);
  assert.equal(limits?.additionalProperties?.['x-kubernetes-int-or-string'], true);
  assert.equal(container?.properties?.['readinessProbe']?.properties?.['httpGet']?.properties?.['port']?.['x-kubernetes-int-or-string'], true);
  assert.ok(JSON.stringify(t).includes('"topologySpreadConstraints"'), 'less common fields are typed too');
  assert.ok(!JSON.stringify(t).includes('preserve-unknown-fields'), 'nothing inside a pod template escapes pruning');
});

test('the quantity pattern accepts Kubernetes quantities and refuses other text', () => {
  const re = new RegExp(QUANTITY_PATTERN);
  for (const ok of ['1', '500m', '1Gi', '2.5', '.5', '1e3', '+1k']) assert.ok(re.test(ok), ok);
  for (const bad of ['1GB', 'one', '1 Gi', '']) assert.ok(!re.test(bad), bad);
});

test('modelSchema() refuses unknown and recursive models', () => {
  assert.throws(() => modelSchema('V1NoSuchThing'), { name: 'TypeError', message: /has no model V1NoSuchThing/ });
  assert.throws(() => modelSchema('V1JSONSchemaProps'), { name: 'TypeError', message: /recursive/ });
});
