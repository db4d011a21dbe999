import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateJsonPath, parseJsonPath } from './json-path.js';

const rollout = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'demo', labels: { 'app.kubernetes.io/name': 'demo' }, annotations: { note: null } },
  spec: { replicas: 5, strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }, { setWeight: 60 }] } } },
  status: {
    replicas: 5,
    conditions: [
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
      { type: 'Available', status: 'False' },
      { type: 'Available', status: 'Unknown' },
    ],
    weights: [1, 2.5],
  },
};

function evaluate(path: string, data: unknown = rollout): unknown[] | undefined {
  const parsed = parseJsonPath(path);
  assert.ok(parsed.ok, `parse ${path}: ${parsed.ok ? '' : parsed.error}`);
  return evaluateJsonPath(parsed.path, data);
}

test('evaluateJsonPath() follows client-go for the paths CRDs use', () => {
  const rows: [path: string, want: unknown[] | undefined][] = [
    ['.spec.replicas', [5]],
    ['$.spec.replicas', [5]],
    ['.status.updatedReplicas', []],
    ['.spec.replicas.deeper', []],
    ['.', [rollout]],
    ['.metadata.labels.app\\.kubernetes\\.io/name', ['demo']],
    [".metadata.labels['app.kubernetes.io/name']", ['demo']],
    ['.metadata.annotations.note', [null]],
    ['.metadata.annotations.note.x', []],
    ['.status.conditions[?(@.type=="Available")].status', ['False', 'Unknown']],
    [".status.conditions[?(@.type=='Progressing')].reason", ['NewReplicaSetAvailable']],
    ['.status.conditions[?(@.type != "Available")].type', ['Progressing']],
    ['.status.conditions[?(@.reason)].type', ['Progressing']],
    ['.spec.strategy.canary.steps[0].setWeight', [20]],
    ['.spec.strategy.canary.steps[-1].setWeight', [60]],
    ['.spec.strategy.canary.steps[*].setWeight', [20, 60]],
    ['.spec.strategy.canary.steps[0:2].setWeight', [20]],
    ['.spec.strategy.canary.steps[::2].setWeight', [20, 60]],
    ['.spec.strategy.canary.steps[?(@.setWeight > 30)].setWeight', [60]],
    ['.spec.strategy.canary.steps[?(@.setWeight <= 20)].setWeight', [20]],
    ['.status.*', [[...rollout.status.conditions], 5, [1, 2.5]]],
    // Errors abort the whole evaluation: out-of-range index, indexing a map, filtering a scalar,
    // comparing a string with a number, an int with a float.
    ['.spec.strategy.canary.steps[7]', undefined],
    ['.spec[0]', undefined],
    ['.spec.replicas[?(@.x)]', undefined],
    ['.status.conditions[?(@.type == 3)].status', undefined],
    ['.status.weights[?(@ == 1.0)]', undefined],
    ['.status.weights[?(@ == 1)]', undefined],
  ];
  for (const [path, want] of rows) assert.deepEqual(evaluate(path), want, path);
});

test('evaluateJsonPath() indexes an empty array as an empty result only for empty ranges', () => {
  assert.deepEqual(evaluate('.items[0:0]', { items: [] }), []);
  assert.equal(evaluate('.items[0]', { items: [] }), undefined);
  assert.deepEqual(evaluate('.items[0]', { items: null }), []);
});

test('parseJsonPath() rejects what client-go cannot parse or Sluice does not support', () => {
  for (const bad of ['.spec[', '.spec[a]', '.spec[?(@.x', '..name', 'spec', '.a[?(@.x =~ "y")]', '.a[?(@.x == y)]']) {
    assert.equal(parseJsonPath(bad).ok, false, bad);
  }
});
