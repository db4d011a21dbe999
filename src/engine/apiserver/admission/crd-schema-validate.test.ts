import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { formatFieldError } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import { crdManifests } from '../../../api/rollouts-schema/index.js';
import { compileSchema } from './crd-schema.js';

type Json = Record<string, unknown>;

const object = (spec: unknown): KubeObject => ({ apiVersion: 'example.io/v1', kind: 'Thing', metadata: { name: 'x' }, spec });
const check = (spec: Json, value: unknown): string[] =>
  compileSchema({ type: 'object', properties: { spec } }).validate(object(value)).map(formatFieldError);

test('validate() table: combinators', () => {
  const int = { type: 'integer' };
  const rows: Array<[string, Json, unknown, string[]]> = [
    ['oneOf: exactly one', { oneOf: [int, { type: 'string' }] }, 3, []],
    ['oneOf: none', { oneOf: [{ type: 'string' }, { type: 'boolean' }] }, 3, ['spec: Invalid value: "": "spec" must validate one and only one schema (oneOf). Found none valid']],
    ['oneOf: counts every match', { oneOf: [int, { minimum: 0 }, { maximum: 10 }] }, 3, [
      'spec: Invalid value: "": "spec" must validate one and only one schema (oneOf). Found 3 valid alternatives',
    ]],
    ['anyOf', { anyOf: [{ type: 'string' }, { type: 'boolean' }] }, 3, ['spec: Invalid value: "": "spec" must validate at least one schema (anyOf)']],
    ['not', { not: { type: 'string' } }, 'x', ['spec: Invalid value: "": "spec" must not validate the schema (not)']],
    ['allOf reports each branch', { allOf: [{ minimum: 3 }, { maximum: 1 }] }, 2, [
      'spec: Invalid value: 2: spec in body should be greater than or equal to 3', 'spec: Invalid value: 2: spec in body should be less than or equal to 1',
    ]],
    ['branch errors stay hidden', { type: 'object', anyOf: [{ required: ['a'] }, { required: ['b'] }] }, {}, ['spec: Invalid value: "": "spec" must validate at least one schema (anyOf)']],
  ];
  for (const [name, schema, value, want] of rows) assert.deepEqual(check(schema, value), want, name);
});

test('validate() table: numbers, strings, arrays and objects', () => {
  const rows: Array<[string, Json, unknown, string[]]> = [
    ['exclusiveMinimum', { type: 'number', minimum: 0, exclusiveMinimum: true }, 0, ['spec: Invalid value: 0: spec in body should be greater than 0']],
    ['exclusiveMaximum', { type: 'number', maximum: 1, exclusiveMaximum: true }, 1, ['spec: Invalid value: 1: spec in body should be less than 1']],
    ['multipleOf', { type: 'number', multipleOf: 0.5 }, 1.25, ['spec: Invalid value: 1.25: spec in body should be a multiple of 0.5']],
    ['multipleOf ok', { type: 'integer', multipleOf: 5 }, 15, []],
    ['length counts code points', { type: 'string', maxLength: 1 }, '😀', []],
    ['format only checks strings', { type: 'integer', format: 'date-time' }, 3, []],
    ['uniqueItems compares deeply', { type: 'array', items: { type: 'object' }, uniqueItems: true }, [{ a: 1, b: 2 }, { b: 2, a: 1 }], [
      'spec: Invalid value: "": spec in body shouldn\'t contain duplicates',
    ]],
    ['minItems', { type: 'array', items: { type: 'string' }, minItems: 2 }, ['a'], ['spec: Invalid value: 1: spec in body should have at least 2 items']],
    ['minProperties', { type: 'object', minProperties: 2 }, { a: 1 }, ['spec: Invalid value: 1: spec in body should have at least 2 properties']],
    ['maxProperties', { type: 'object', maxProperties: 1 }, { a: 1, b: 2 }, ['spec: Invalid value: 2: must have at most 1 items']],
    ['additionalProperties false', { type: 'object', additionalProperties: false }, { a: 1 }, ['spec: Invalid value: {"a":1}: spec in body must NOT have additional properties']],
    ['inherited names are not properties', { type: 'object', required: ['constructor'], properties: { toString: { type: 'string' } } }, {}, ['spec.constructor: Required value']],
    ['nullable still checks enum', { type: 'string', nullable: true, enum: ['a'] }, null, ['spec: Unsupported value: null: supported values: "a"']],
  ];
  for (const [name, schema, value, want] of rows) assert.deepEqual(check(schema, value), want, name);
});

test('validate() orders a type error as clients have always seen it', () => {
  // A single type with keywords of its own reports the type error after enum and the combinators …
  assert.deepEqual(check({ type: 'string', enum: ['a'], pattern: '^a' }, 5), [
    'spec: Unsupported value: 5: supported values: "a"', 'spec: Invalid value: "integer": spec in body must be of type string: "integer"',
  ]);
  // … otherwise it comes first.
  assert.deepEqual(check({ type: 'string', enum: ['a'] }, 5), [
    'spec: Invalid value: "integer": spec in body must be of type string: "integer"', 'spec: Unsupported value: 5: supported values: "a"',
  ]);
});

test('compileSchema() table: schemas that cannot be used report why, once, at the root', () => {
  const rows: Array<[Json, string]> = [
    [{ type: 'string', pattern: '[a' }, 'Invalid regular expression: /[a/: Unterminated character class'],
    [{ type: 'string', maxLength: '3' }, 'maxLength value must be ["number"]'],
    [{ type: 'object', required: 'a' }, 'required value must be ["array"]'],
    [{ type: 'string', enum: [] }, 'enum must have non-empty array'],
    [{ type: 'float' }, 'type must be JSONType or JSONType[]: float'],
    [{ type: 'integer', anyOf: [{ minimum: 'x' }, { type: 'string', pattern: '(' }] }, 'Invalid regular expression: /(/: Unterminated group'],
  ];
  for (const [spec, want] of rows) {
    const s = compileSchema({ type: 'object', properties: { spec } });
    assert.equal(s.error, want);
    assert.deepEqual(s.validate(object(1)).map(formatFieldError), [`: Invalid value: "": error building validator: ${want}`]);
  }
});

test('the generated Rollout CRD is ready for its first object quickly (no code generation)', () => {
  const schema = crdManifests().find((c) => c.spec.names.kind === 'Rollout')?.spec.versions[0]?.schema?.openAPIV3Schema;
  const rollout: KubeObject = {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'demo' },
    spec: { replicas: 'three', selector: { matchLabels: { app: 'demo' } }, template: { spec: { containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: '80' }] }] } }, strategy: { canary: { steps: [{ setWeight: 20 }] } } },
  };
  const started = performance.now();
  const errs = compileSchema(schema).validate(rollout).map(formatFieldError);
  // ajv needed 1-2 s here; interpreting takes a few milliseconds. The bound only guards against a compile step creeping back.
  assert.ok(performance.now() - started < 500, `first use took ${performance.now() - started} ms`);
  assert.deepEqual(errs, [
    'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    'spec.template.spec.containers[0].ports[0].containerPort: Invalid value: "string": spec.template.spec.containers[0].ports[0].containerPort in body must be of type integer: "string"',
  ]);
});

test('CRD schemas are interpreted: nothing in this folder generates or evaluates code', () => {
  const dir = new URL('.', import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.startsWith('crd-') && f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const source = readFileSync(new URL(file, dir), 'utf8');
    assert.doesNotMatch(source, /from 'ajv'|new Function|\beval\(/, file);
  }
});
