import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError, invalid } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import { defaultObject } from './defaults.js';
import { validateObject } from './validate.js';

/** The chapter's Deployment: 3 replicas of argoproj/rollouts-demo:blue selecting app=demo, defaulted. */
function deployment(spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return defaultObject('apps/deployments', {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'demo', namespace: 'default', labels: { app: 'demo' }, ...meta },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'demo' } },
      template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'demo', image: 'argoproj/rollouts-demo:blue', imagePullPolicy: 'Always', ports: [{ containerPort: 8080 }] }] } },
      ...spec,
    },
  });
}

const check = (obj: KubeObject, old?: KubeObject): string[] => validateObject(obj['kind'] === 'Deployment' ? 'apps/deployments' : 'apps/replicasets', obj, old).map(formatFieldError);
const template = (labels: Record<string, string>, podSpec: Record<string, unknown> = {}): Record<string, unknown> =>
  ({ metadata: { labels }, spec: { containers: [{ name: 'demo', image: 'argoproj/rollouts-demo:blue' }], ...podSpec } });

test('the chapter Deployment is valid', () => {
  assert.deepEqual(check(deployment()), []);
  assert.deepEqual(check(deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 3 } } })), []);
});

test('Deployment validation table', () => {
  const rows: Array<[string, KubeObject, string[]]> = [
    ['negative replicas', deployment({ replicas: -1 }), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    ['selector missing', deployment({ selector: null }), [
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: {"app":"demo"}: `selector` does not match template `labels`',
    ]],
    ['empty selector', deployment({ selector: {} }), ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']],
    ['selector does not match', deployment({ selector: { matchLabels: { app: 'other' } } }), [
      'spec.template.metadata.labels: Invalid value: {"app":"demo"}: `selector` does not match template `labels`',
    ]],
    ['bad selector operator', deployment({ selector: { matchExpressions: [{ key: 'app', operator: 'Has' }] } }), [
      'spec.selector.matchExpressions[0].operator: Invalid value: "Has": not a valid selector operator',
      'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Has"}]}: invalid label selector',
    ]],
    ['In without values', deployment({ selector: { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] } }), [
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"In","values":[]}]}: invalid label selector',
    ]],
    ['no containers', deployment({ template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [] } } }), ['spec.template.spec.containers: Required value']],
    ['restartPolicy Never', deployment({ template: template({ app: 'demo' }, { restartPolicy: 'Never' }) }), [
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]],
    ['activeDeadlineSeconds', deployment({ template: template({ app: 'demo' }, { activeDeadlineSeconds: 10 }) }), [
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
    ]],
    ['both zero', deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }), [
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ]],
    ['zero percents', deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '0%', maxUnavailable: '0%' } } }), [
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0',
    ]],
    ['over 100%', deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '200%', maxUnavailable: '101%' } } }), [
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "101%": must not be greater than 100%',
    ]],
    ['bad percent', deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '1', maxUnavailable: -1 } } }), [
      "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0",
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"1\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]],
    ['rollingUpdate with Recreate', deployment({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }), [
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]],
    ['unknown strategy', deployment({ strategy: { type: 'BlueGreen' } }), [
      'spec.strategy: Unsupported value: {"type":"BlueGreen"}: supported values: "Recreate", "RollingUpdate"',
    ]],
    ['negative history', deployment({ revisionHistoryLimit: -2 }), ['spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0']],
    ['deadline not above minReady', deployment({ minReadySeconds: 600 }), ['spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds']],
    ['replicas of the wrong type', deployment({ replicas: 'three' }), ['spec.replicas: Invalid value: "three": must be of type integer']],
    ['bad name', deployment({}, { name: 'Demo' }), [`metadata.name: Invalid value: "Demo": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`]],
  ];
  for (const [name, obj, want] of rows) assert.deepEqual(check(obj), want, name);
});

test('Deployment template labels are reported at spec.template.labels (Kubernetes quirk)', () => {
  const d = deployment({ selector: { matchLabels: { 'bad key!': 'x' } }, template: template({ 'bad key!': 'x' }) });
  const errs = check(d).map((e) => e.split(':')[0]);
  assert.deepEqual(errs, ['spec.selector.matchLabels', 'spec.template.labels']);
});

test('Deployment update: the selector is immutable, the rest may change', () => {
  const old = deployment();
  assert.deepEqual(check(deployment({ replicas: 5 }), old), []);
  const moved = deployment({ selector: { matchLabels: { app: 'demo', tier: 'web' } }, template: template({ app: 'demo', tier: 'web' }) });
  assert.deepEqual(check(moved, old), ['spec.selector: Invalid value: {"matchLabels":{"app":"demo","tier":"web"}}: field is immutable']);
});

test('the 422 message kubectl shows for an invalid Deployment', () => {
  const err = invalid('Deployment', 'apps', 'bad', validateObject('apps/deployments', deployment({ replicas: -1 })));
  assert.equal(err.message, 'Deployment.apps "bad" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  assert.deepEqual(err.details?.causes, [{ reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' }]);
});

function replicaSet(spec: Record<string, unknown> = {}): KubeObject {
  return defaultObject('apps/replicasets', {
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'demo', namespace: 'default' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'demo' } }, template: template({ app: 'demo' }), ...spec },
  });
}

test('ReplicaSet validation table', () => {
  const rows: Array<[string, KubeObject, string[]]> = [
    ['valid', replicaSet(), []],
    ['negative replicas and minReady', replicaSet({ replicas: -1, minReadySeconds: -5 }), [
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0',
    ]],
    ['empty selector', replicaSet({ selector: {} }), ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']],
    ['mismatch', replicaSet({ template: template({ app: 'green' }) }), ['spec.template.metadata.labels: Invalid value: {"app":"green"}: `selector` does not match template `labels`']],
  ];
  for (const [name, obj, want] of rows) assert.deepEqual(check(obj), want, name);
  assert.deepEqual(check(replicaSet({ selector: { matchLabels: { app: 'demo', x: 'y' } }, template: template({ app: 'demo', x: 'y' }) }), replicaSet()), [
    'spec.selector: Invalid value: {"matchLabels":{"app":"demo","x":"y"}}: field is immutable',
  ]);
});
