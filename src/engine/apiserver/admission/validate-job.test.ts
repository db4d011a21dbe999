import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import { defaultObject } from './defaults.js';
import { validateObject } from './validate.js';

type Json = Record<string, unknown>;
const UID = '7c2e083b-f1c7-4925-bf4d-d78245858281';

/** The chapter's analysis Job: alpine `sh -c "exit 0"`, restartPolicy Never, backoffLimit 0; created (defaulted with its uid). */
function job(spec: Json = {}, podSpec: Json = {}, uid = UID): KubeObject {
  return defaultObject('batch/jobs', {
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pass', namespace: 'default', uid },
    spec: { backoffLimit: 0, template: { spec: { containers: [{ name: 'sleep', image: 'alpine:3.8', command: ['sh', '-c'], args: ['exit 0'] }], restartPolicy: 'Never', ...podSpec } }, ...spec },
  }, { uid });
}

const check = (obj: KubeObject, old?: KubeObject): string[] => validateObject('batch/jobs', obj, old).map(formatFieldError);

test('the chapter Job is valid after defaulting', () => {
  assert.deepEqual(check(job()), []);
});

test('Job validation table', () => {
  const rows: Array<[string, KubeObject, string[]]> = [
    ['negative backoffLimit', job({ backoffLimit: -1 }), ['spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0']],
    ['negative counts', job({ parallelism: -1, completions: -2 }), [
      'spec.parallelism: Invalid value: -1: must be greater than or equal to 0', 'spec.completions: Invalid value: -2: must be greater than or equal to 0',
    ]],
    ['restartPolicy Always', job({}, { restartPolicy: 'Always' }), ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    ['restartPolicy unknown', job({}, { restartPolicy: 'Sometimes' }), [
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
    ]],
    ['OnFailure with a pod failure policy', job({ podFailurePolicy: { rules: [] } }, { restartPolicy: 'OnFailure' }), [
      'spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
    ]],
    ['bad completion mode', job({ completionMode: 'Parallel' }), ['spec.completionMode: Unsupported value: "Parallel": supported values: "NonIndexed", "Indexed"']],
    ['per-index backoff without Indexed', job({ backoffLimitPerIndex: 1 }), ['spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode']],
    ['no containers', job({}, { containers: [] }), ['spec.template.spec.containers: Required value']],
    ['no uid: no selector is generated', job({}, {}, ''), [
      'spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: null: `selector` does not match template `labels`',
    ]],
  ];
  for (const [name, obj, want] of rows) assert.deepEqual(check(obj), want, name);
});

test('Job generated selector rules', () => {
  const base = job();
  const spec = base['spec'] as Json;
  const template = spec['template'] as Json;
  const labels = (template['metadata'] as Json)['labels'] as Json;
  const tampered = { ...base, spec: { ...spec, template: { ...template, metadata: { labels: { ...labels, 'controller-uid': 'other' } } } } };
  const errs = check(tampered);
  assert.equal(errs.length, 1);
  assert.ok(errs[0]?.startsWith('spec.template.metadata.labels[controller-uid]: Invalid value: {"job-name":"pass",'), errs[0]);
  assert.ok(errs[0]?.endsWith(`: must be '${UID}'`), errs[0]);
  const noUid = { ...base, metadata: { ...base.metadata, uid: '' } };
  assert.equal(check(noUid)[0], 'metadata.uid: Required value');
  const manual = job({ manualSelector: true, selector: { matchLabels: { app: 'x' } } });
  assert.deepEqual(check(manual), ['spec.template.metadata.labels: Invalid value: null: `selector` does not match template `labels`']);
});

test('Job update: template, selector and completions are immutable', () => {
  const old = job();
  assert.deepEqual(check(old, old), []);
  const spec = old['spec'] as Json;
  const template = spec['template'] as Json;
  const newImage = { ...old, spec: { ...spec, template: { ...template, spec: { ...(template['spec'] as Json), containers: [{ name: 'sleep', image: 'alpine:3.9', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} }] } } } };
  const errs = check(newImage, old);
  assert.equal(errs.length, 1);
  assert.match(errs[0] ?? '', /^spec\.template: Invalid value: .*: field is immutable$/);
  assert.deepEqual(check({ ...old, spec: { ...spec, completions: 2 } }, old), ['spec.completions: Invalid value: 2: field is immutable']);
  assert.deepEqual(check({ ...old, spec: { ...spec, backoffLimit: 3 } }, old), []);
});

test('a suspended Job that never started may change its scheduling directives', () => {
  const old = job({ suspend: true });
  const spec = old['spec'] as Json;
  const template = spec['template'] as Json;
  const moved = { ...old, spec: { ...spec, template: { ...template, spec: { ...(template['spec'] as Json), nodeSelector: { zone: 'a' } } } } };
  assert.deepEqual(check(moved, old), []);
  assert.equal(check(moved, { ...old, status: { startTime: '2025-01-01T00:00:00Z' } }).length, 1);
});
