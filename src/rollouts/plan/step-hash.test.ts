import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeStepHash, marshalSteps, safeHash } from './step-hash.js';
import { goMarshal, goQuote } from './go-json.js';
import { rollout } from './_fixtures.js';

test('marshalSteps() writes Go field order and omitempty', () => {
  assert.equal(marshalSteps([{ pause: { duration: '30s' }, setWeight: 0 }]), '[{"setWeight":0,"pause":{"duration":"30s"}}]');
  assert.equal(marshalSteps([{ analysis: { args: [{ name: 'a', valueFrom: { podTemplateHashValue: 'Latest' } }], templates: [{ templateName: 't' }] } }]),
    '[{"analysis":{"templates":[{"templateName":"t"}],"args":[{"name":"a","valueFrom":{"podTemplateHashValue":"Latest"}}]}}]');
  assert.equal(marshalSteps([{ setCanaryScale: { matchTrafficWeight: false, replicas: 2 } }]), '[{"setCanaryScale":{"replicas":2}}]');
  assert.equal(marshalSteps(undefined), 'null');
  assert.equal(marshalSteps([]), '[]');
});

test('computeStepHash() equals the hashes Argo Rollouts wrote (its CLI test fixtures)', () => {
  // Current schema.
  assert.equal(computeStepHash(rollout({ steps: [{ setWeight: 10 }, { pause: {} }] })), '849b756fd4');
  // Int durations marshal as numbers, as in Argo.
  const steps = [20, 40, 60, 80].flatMap((w, i) => [{ setWeight: w }, { pause: i === 0 ? {} : { duration: 10 } }]);
  assert.equal(computeStepHash(rollout({ steps })), 'f64cdc9d');
  assert.equal(computeStepHash(rollout({ blueGreen: {} })), '');
});

test('safeHash() and goQuote() follow Go', () => {
  assert.equal(safeHash('[{"setWeight":25},{"experiment":{"templates":[{"name":"baseline","specRef":"stable","replicas":1,"metadata":{}},{"name":"canary","specRef":"canary","replicas":1,"metadata":{}}]}}]'), '5f7ff4d7d8');
  assert.equal(goQuote('a<b>&c'), '"a\\u003cb\\u003e\\u0026c"');
  assert.equal(goMarshal({ b: '1', a: '2' }, { map: 'string' }), '{"a":"2","b":"1"}');
  assert.equal(goMarshal({}, { struct: [['x', { ptr: 'int' }, true], ['y', 'string'], ['z', { struct: [] }, true]] }), '{"y":"","z":{}}');
});
