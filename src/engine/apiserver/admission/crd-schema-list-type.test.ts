import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import { crdManifests } from '../../../api/rollouts-schema/index.js';
import { compileSchema } from './crd-schema.js';
import { listTypeErrors } from './crd-schema-list-type.js';

type Json = Record<string, unknown>;

const object = (spec: Json): KubeObject => ({ apiVersion: 'example.io/v1', kind: 'Thing', metadata: { name: 'x' }, spec });
const withSpec = (properties: Json): Json => ({ type: 'object', properties: { spec: { type: 'object', properties } } });
const byName = { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], items: { type: 'object', properties: { name: { type: 'string' }, v: { type: 'integer' } } } };
const byPortProtocol = {
  type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['port', 'protocol'],
  items: { type: 'object', properties: { port: { type: 'integer' }, protocol: { type: 'string' } } },
};
const tags = { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } };
const SCHEMA = withSpec({ env: byName, ports: byPortProtocol, tags, groups: { type: 'object', additionalProperties: byName } });
const validate = (spec: Json): string[] => compileSchema(SCHEMA).validate(object(spec)).map(formatFieldError);

test('listTypeErrors() table: each repeated value is reported once, at its second position', () => {
  const rows: Array<[string, unknown[], string[]]> = [
    ['distinct', [{ name: 'a' }, { name: 'b' }], []],
    ['one key repeated three times', [{ name: 'a' }, { name: 'b' }, { name: 'a', v: 2 }, { name: 'a' }], ['env[2]: Duplicate value: {"name":"a"}']],
    ['missing keys collide with each other, not with null', [{}, { name: null }, null, { v: 1 }], ['env[2]: Duplicate value: {}']],
    ['key values compare by type', [{ name: 1 }, { name: '1' }], []],
    ['a non-object item stops the check', [{ name: 'a' }, 'x', { name: 'a' }], ['env[1]: Invalid value: "x": must be an object for an array of list-type map']],
  ];
  for (const [name, list, want] of rows) assert.deepEqual(listTypeErrors({ listType: 'map', keys: ['name'] }, list, 'env').map(formatFieldError), want, name);
});

test('listTypeErrors() with several keys and for sets', () => {
  const ports = [{ port: 80, protocol: 'TCP' }, { protocol: 'UDP', port: 80 }, { protocol: 'TCP', port: 80, name: 'http' }, { port: 81 }, { port: 81 }];
  assert.deepEqual(listTypeErrors({ listType: 'map', keys: ['port', 'protocol'] }, ports, 'ports').map(formatFieldError), [
    'ports[2]: Duplicate value: {"port":80,"protocol":"TCP"}', 'ports[4]: Duplicate value: {"port":81}',
  ]);
  const set = ['a', 'b', 'a', 1, 1, { x: 1, y: 2 }, { y: 2, x: 1 }, [1], [1], null, null];
  assert.deepEqual(listTypeErrors({ listType: 'set' }, set, 'tags').map((e) => e.field), ['tags[2]', 'tags[4]', 'tags[6]', 'tags[8]', 'tags[10]']);
});

test('validate() reports list-type duplicates after schema errors, with map entries addressed by key', () => {
  assert.deepEqual(validate({ env: [{ name: 'a' }, { name: 'b' }], ports: [{ port: 80 }, { port: 80, protocol: 'UDP' }], tags: ['x', 'y'] }), []);
  assert.deepEqual(validate({ env: [{ name: 'a', v: 'one' }, { name: 'a' }], tags: ['x', 'x'], groups: { blue: [{ name: 'b' }, { name: 'b' }] } }), [
    'spec.env[0].v: Invalid value: "string": spec.env[0].v in body must be of type integer: "string"',
    'spec.env[1]: Duplicate value: {"name":"a"}',
    'spec.tags[1]: Duplicate value: "x"',
    'spec.groups[blue][1]: Duplicate value: {"name":"b"}',
  ]);
});

test('the generated Rollout CRD refuses two containers with the same name', () => {
  const crd = crdManifests().find((c) => c.spec.names.kind === 'Rollout');
  const schema = compileSchema(crd?.spec.versions[0]?.schema?.openAPIV3Schema);
  const container = (name: string): Json => ({ name, image: 'nginx' });
  const rollout = (containers: Json[]): KubeObject => ({
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'demo' },
    spec: { selector: { matchLabels: { app: 'demo' } }, template: { spec: { containers } }, strategy: { canary: {} } },
  });
  assert.equal(schema.error, undefined);
  assert.deepEqual(schema.validate(rollout([container('app'), container('proxy')])), []);
  assert.deepEqual(schema.validate(rollout([container('app'), container('app')])).map(formatFieldError), [
    'spec.template.spec.containers[1]: Duplicate value: {"name":"app"}',
  ]);
});
