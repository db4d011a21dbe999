import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import { defaultObject } from './defaults.js';
import { validateCrd } from './validate-crd.js';
import { validateObject } from './validate.js';

type Json = Record<string, unknown>;
const SCHEMA = { type: 'object', properties: { spec: { type: 'object', x_comment: 'ignored', 'x-kubernetes-preserve-unknown-fields': true } } };

function crd(spec: Json = {}, name = 'rollouts.argoproj.io', version: Json = {}): KubeObject {
  return defaultObject('apiextensions.k8s.io/customresourcedefinitions', {
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name },
    spec: { group: 'argoproj.io', scope: 'Namespaced', names: { kind: 'Rollout', plural: 'rollouts', shortNames: ['ro'] },
      versions: [{ name: 'v1alpha1', served: true, storage: true, schema: { openAPIV3Schema: SCHEMA }, ...version }], ...spec },
  });
}

const check = (obj: KubeObject, old?: KubeObject): string[] => validateCrd(obj, old).map(formatFieldError);

test('a Rollout-like CRD is valid (and validateObject routes to validateCrd)', () => {
  assert.deepEqual(check(crd()), []);
  assert.deepEqual(validateObject('apiextensions.k8s.io/customresourcedefinitions', crd()), []);
});

test('CRD validation table', () => {
  const V = 'spec.versions[0]';
  const S = `${V}.schema.openAPIV3Schema`;
  const rows: Array<[string, KubeObject, string[]]> = [
    ['name must be plural.group', crd({}, 'rollout.argoproj.io'), ['metadata.name: Invalid value: "rollout.argoproj.io": must be spec.names.plural+"."+spec.group']],
    ['group without a dot', crd({ group: 'argoproj' }, 'rollouts.argoproj'), ['spec.group: Invalid value: "argoproj": should be a domain with at least one dot']],
    ['missing group', crd({ group: '' }, 'rollouts.'), [
      `metadata.name: Invalid value: "rollouts.": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      'spec.group: Required value',
    ]],
    ['bad scope', crd({ scope: 'Global' }), ['spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"']],
    ['no storage version', crd({}, undefined, { storage: false }), [
      'spec.versions: Invalid value: [{"name":"v1alpha1","served":true,"storage":false,"schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{...: must have exactly one version marked as storage version',
    ]],
    ['no versions', crd({ versions: [] }), ['spec.versions: Invalid value: []: must have exactly one version marked as storage version']],
    ['bad version name', crd({}, undefined, { name: 'V1' }), [
      `${V}.name: Invalid value: "V1": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]],
    ['no schema', crd({}, undefined, { schema: undefined }), [`${S}: Required value: schemas are required`]],
    ['root not an object', crd({}, undefined, { schema: { openAPIV3Schema: { type: 'string' } } }), [`${S}.type: Invalid value: "string": must be object at the root`]],
    ['root without type', crd({}, undefined, { schema: { openAPIV3Schema: { properties: {} } } }), [`${S}.type: Required value: must not be empty at the root`]],
    ['field without type', crd({}, undefined, { schema: { openAPIV3Schema: { type: 'object', properties: { spec: {} } } } }), [
      `${S}.properties[spec].type: Required value: must not be empty for specified object fields`,
    ]],
    ['array without items', crd({}, undefined, { schema: { openAPIV3Schema: { type: 'object', properties: { steps: { type: 'array' } } } } }), [
      `${S}.properties[steps].items: Required value: must be specified`,
    ]],
    ['unknown type', crd({}, undefined, { schema: { openAPIV3Schema: { type: 'object', properties: { n: { type: 'float' } } } } }), [
      `${S}.properties[n].type: Unsupported value: "float": supported values: "array", "boolean", "integer", "number", "object", "string"`,
    ]],
    ['$ref', crd({}, undefined, { schema: { openAPIV3Schema: { type: 'object', properties: { n: { type: 'string', $ref: '#/x' } } } } }), [
      `${S}.properties[n].$ref: Forbidden: $ref is not supported`,
    ]],
    ['names required', crd({ names: { plural: 'rollouts' } }), [
      'spec.names.singular: Required value', 'spec.names.kind: Required value', 'spec.names.listKind: Required value',
    ]],
    ['kind equals listKind', crd({ names: { plural: 'rollouts', kind: 'Rollout', listKind: 'Rollout' } }), ['spec.names.listKind: Invalid value: "Rollout": kind and listKind may not be the same']],
    ['uncompilable pattern', crd({}, undefined, { schema: { openAPIV3Schema: { type: 'object', properties: { s: { type: 'string', pattern: '(' } } } } }), [
      `${V}.schema: Invalid value: "": error building validator: Invalid regular expression: /(/: Unterminated group`,
    ]],
  ];
  for (const [name, obj, want] of rows) assert.deepEqual(check(obj), want, name);
});

test('CRD update: group and plural are immutable; scope and kind once Established', () => {
  const old = crd();
  assert.deepEqual(check(crd(), old), []);
  assert.deepEqual(check(crd({ group: 'example.io' }), old), ['spec.group: Invalid value: "example.io": field is immutable']);
  const established = { ...old, status: { conditions: [{ type: 'Established', status: 'True' }] } };
  assert.deepEqual(check(crd({ scope: 'Cluster' }), established), ['spec.scope: Invalid value: "Cluster": field is immutable']);
  assert.deepEqual(check(crd({ scope: 'Cluster' }), old), []);
});
