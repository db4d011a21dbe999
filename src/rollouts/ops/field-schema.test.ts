import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkValue, formatPath, type FieldProblem, type FieldSchema } from './field-schema.js';

const schema: FieldSchema = { t: 'object', fields: { strategy: { t: 'object', fields: { canary: { t: 'object', fields: { steps: { t: 'array', items: { t: 'object', fields: { setWeight: { t: 'leaf', kind: 'int' } } } } } } } }, replicas: { t: 'leaf', kind: 'int' }, template: { t: 'model', name: 'Pod' } } };
const check = (v: unknown): string[] => {
  const out: FieldProblem[] = [];
  checkValue(v, schema, ['spec'], (name) => (name === 'Pod' ? { t: 'object', fields: { image: { t: 'leaf', kind: 'string' } } } : undefined), out);
  return out.map((p) => `${formatPath(p.path)}: ${p.message}`);
};

test('checkValue() reports unknown fields (with a case hint), wrong kinds and descends into models; null is fine', () => {
  assert.deepEqual(check({ Strategy: {}, replicas: 'three', template: { image: 1, imag: 'x' } }), [
    'spec.Strategy: unknown field "Strategy" (did you mean "strategy"?)',
    'spec.replicas: expected integer, got string',
    'spec.template.image: expected string, got integer',
    'spec.template.imag: unknown field "imag"',
  ]);
  assert.deepEqual(check({ strategy: { canary: { steps: [{ setWeight: 10 }, { setWeight: 1.5 }, 'x'] } }, replicas: null }), [
    'spec.strategy.canary.steps[1].setWeight: expected integer, got number',
    'spec.strategy.canary.steps[2]: expected object, got string',
  ]);
});
