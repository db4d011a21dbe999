import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import { compileSchema } from './crd-schema.js';

type Json = Record<string, unknown>;

/** A cut-down Rollout schema in the shape Argo Rollouts publishes. */
const ROLLOUT_SCHEMA = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' },
    spec: {
      type: 'object',
      required: ['strategy'],
      properties: {
        replicas: { type: 'integer', format: 'int32', minimum: 0 },
        revisionHistoryLimit: { type: 'integer', default: 10 },
        paused: { type: 'boolean' },
        selector: { type: 'object', properties: { matchLabels: { type: 'object', additionalProperties: { type: 'string' } } } },
        template: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { metadata: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } },
        strategy: {
          type: 'object',
          properties: {
            canary: {
              type: 'object',
              properties: {
                maxSurge: { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true },
                steps: {
                  type: 'array', maxItems: 3,
                  items: { type: 'object', properties: {
                    setWeight: { type: 'integer', format: 'int32', minimum: 0, maximum: 100 },
                    pause: { type: 'object', properties: { duration: { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true } } },
                  } },
                },
              },
            },
            mode: { type: 'string', enum: ['canary', 'blueGreen'] },
          },
        },
        analysisName: { type: 'string', pattern: '^[a-z]+$', minLength: 2, maxLength: 8 },
        startedAt: { type: 'string', format: 'date-time', nullable: true },
        notes: { type: 'string', default: 'none' },
      },
    },
    status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
  },
};

const rollout = (spec: Json, extra: Json = {}): KubeObject =>
  ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'demo', namespace: 'default' }, spec, ...extra });

const schema = compileSchema(ROLLOUT_SCHEMA);
const validate = (spec: Json): string[] => schema.validate(rollout(spec)).map(formatFieldError);

test('compileSchema() compiles the Rollout schema once and accepts a valid object', () => {
  assert.equal(schema.error, undefined);
  assert.deepEqual(validate({ replicas: 5, strategy: { canary: { maxSurge: '25%', steps: [{ setWeight: 20 }, { pause: { duration: '10s' } }] } } }), []);
});

test('validate() table: kube-openapi messages with Kubernetes paths', () => {
  const rows: Array<[string, Json, string[]]> = [
    ['type', { replicas: 'string', strategy: {} }, ['spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"']],
    ['float for integer', { replicas: 1.5, strategy: {} }, ['spec.replicas: Invalid value: "number": spec.replicas in body must be of type integer: "number"']],
    ['required', { replicas: 1 }, ['spec.strategy: Required value']],
    ['minimum', { replicas: -1, strategy: {} }, ['spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or equal to 0']],
    ['nested array path', { strategy: { canary: { steps: [{ setWeight: 120 }] } } }, [
      'spec.strategy.canary.steps[0].setWeight: Invalid value: 120: spec.strategy.canary.steps[0].setWeight in body should be less than or equal to 100',
    ]],
    ['int-or-string', { strategy: { canary: { steps: [{ pause: { duration: true } }] } } }, [
      'spec.strategy.canary.steps[0].pause.duration: Invalid value: "boolean": spec.strategy.canary.steps[0].pause.duration in body must be of type integer,string: "boolean"',
      'spec.strategy.canary.steps[0].pause.duration: Invalid value: "": "spec.strategy.canary.steps[0].pause.duration" must validate at least one schema (anyOf)',
    ]],
    ['enum', { strategy: { mode: 'rolling' } }, ['spec.strategy.mode: Unsupported value: "rolling": supported values: "canary", "blueGreen"']],
    ['pattern', { strategy: {}, analysisName: 'Bad1' }, ["spec.analysisName: Invalid value: \"Bad1\": spec.analysisName in body should match '^[a-z]+$'"]],
    ['minLength', { strategy: {}, analysisName: 'a' }, ['spec.analysisName: Invalid value: "a": spec.analysisName in body should be at least 2 chars long']],
    ['maxLength', { strategy: {}, analysisName: 'abcdefghij' }, ['spec.analysisName: Too long: may not be more than 8 bytes']],
    ['maxItems', { strategy: { canary: { steps: [{}, {}, {}, {}] } } }, ['spec.strategy.canary.steps: Invalid value: 4: must have at most 3 items']],
    ['format', { strategy: {}, startedAt: 'yesterday' }, ['spec.startedAt: Invalid value: "yesterday": spec.startedAt in body must be of type date-time: "yesterday"']],
    ['nullable', { strategy: {}, startedAt: null }, []],
    ['map values', { strategy: {}, selector: { matchLabels: { app: 3 } } }, [
      'spec.selector.matchLabels.app: Invalid value: "integer": spec.selector.matchLabels.app in body must be of type string: "integer"',
    ]],
    ['null for a non-nullable field', { strategy: {}, paused: null }, ['spec.paused: Invalid value: "null": spec.paused in body must be of type boolean: "null"']],
  ];
  for (const [name, spec, want] of rows) assert.deepEqual(validate(spec), want, name);
});

test('prune() drops unknown fields, keeps preserved subtrees and reports Kubernetes paths', () => {
  const input = rollout({
    replica: 3, Strategy: {}, strategy: { canary: { steps: [{ setWeight: 20, setWieght: 1 }] } },
    template: { spec: { containers: [{ name: 'x', imagePullPolicyy: 'Always' }] } },
  }, { extra: true, status: { anything: 1 }, metadata: { name: 'demo', namespace: 'default', bogus: 1 } });
  Object.freeze(input);
  const { object, prunedPaths } = schema.prune(input);
  assert.deepEqual(prunedPaths, ['extra', 'metadata.bogus', 'spec.Strategy', 'spec.replica', 'spec.strategy.canary.steps[0].setWieght']);
  assert.deepEqual(object, rollout({ strategy: { canary: { steps: [{ setWeight: 20 }] } }, template: { spec: { containers: [{ name: 'x', imagePullPolicyy: 'Always' }] } } },
    { status: { anything: 1 } }));
});

test('prune() with x-kubernetes-embedded-resource keeps apiVersion/kind/metadata of the embedded object', () => {
  const s = compileSchema({ type: 'object', properties: { spec: { type: 'object', properties: { job: {
    type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object', properties: { x: { type: 'integer' } } } } } } } } });
  const { object, prunedPaths } = s.prune(rollout({ job: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', junk: 1 }, spec: { x: 1, y: 2 }, z: 3 } }));
  assert.deepEqual(prunedPaths, ['spec.job.metadata.junk', 'spec.job.spec.y', 'spec.job.z']);
  assert.deepEqual(object['spec'], { job: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { x: 1 } } });
});

test('default() fills missing and null fields, drops other non-nullable nulls, copies default values', () => {
  const input = Object.freeze(rollout({ strategy: {}, notes: null, paused: null }));
  const out = schema.default(input);
  assert.deepEqual(out['spec'], { strategy: {}, notes: 'none', revisionHistoryLimit: 10 });
  assert.deepEqual(input['spec'], { strategy: {}, notes: null, paused: null });
});

test('default() recurses into defaulted objects and array items', () => {
  const s = compileSchema({ type: 'object', properties: { spec: { type: 'object', default: {}, properties: {
    analysis: { type: 'object', default: {}, properties: { successfulRunHistoryLimit: { type: 'integer', default: 5 } } },
    steps: { type: 'array', items: { type: 'object', properties: { weight: { type: 'integer', default: 0 } } } },
  } } } });
  assert.deepEqual(s.default(rollout({ steps: [{}, { weight: 3 }] }))['spec'], { analysis: { successfulRunHistoryLimit: 5 }, steps: [{ weight: 0 }, { weight: 3 }] });
  const { spec: _spec, ...withoutSpec } = rollout({});
  assert.deepEqual(s.default(withoutSpec)['spec'], { analysis: { successfulRunHistoryLimit: 5 } });
});

test('a schema ajv cannot compile reports the error instead of throwing', () => {
  const s = compileSchema({ type: 'object', properties: { a: { type: 'string', pattern: '[' } } });
  assert.match(s.error ?? '', /Invalid regular expression/);
  assert.equal(s.validate(rollout({})).length, 1);
});

test('without a schema every field but apiVersion, kind and metadata is pruned', () => {
  const { object, prunedPaths } = compileSchema(undefined).prune(rollout({ a: 1 }));
  assert.deepEqual(prunedPaths, ['spec']);
  assert.equal(object['spec'], undefined);
});
