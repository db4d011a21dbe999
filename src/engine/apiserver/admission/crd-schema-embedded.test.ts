import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import { compileSchema } from './crd-schema.js';

const EMBEDDED = { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true };
const SCHEMA = { type: 'object', properties: { spec: { type: 'object', properties: { job: EMBEDDED, jobs: { type: 'array', items: EMBEDDED } } } } };

const validate = (spec: Record<string, unknown>): string[] => {
  const obj: KubeObject = { apiVersion: 'example.io/v1', kind: 'Thing', metadata: { name: 'x' }, spec };
  return compileSchema(SCHEMA).validate(obj).map(formatFieldError);
};

test('validate() table: embedded resources need apiVersion and kind, and valid metadata when present', () => {
  const rows: Array<[string, Record<string, unknown>, string[]]> = [
    ['complete', { job: { apiVersion: 'batch/v1', kind: 'Job', metadata: { labels: { app: 'x' } }, spec: {} } }, []],
    ['core group, no metadata', { jobs: [{ apiVersion: 'v1', kind: 'ConfigMap' }] }, []],
    ['missing type meta', { job: { spec: {} } }, ['spec.job.apiVersion: Required value', 'spec.job.kind: Required value']],
    ['empty and malformed', { jobs: [{ apiVersion: 'a/b/c', kind: '' }] }, [
      'spec.jobs[0].apiVersion: Invalid value: "a/b/c": unexpected GroupVersion string: a/b/c', 'spec.jobs[0].kind: Required value',
    ]],
    ['not strings', { job: { apiVersion: 1, kind: true } }, ['spec.job.apiVersion: Invalid value: 1: must be a string', 'spec.job.kind: Invalid value: true: must be a string']],
    ['kind not a DNS-1035 label', { job: { apiVersion: 'v1', kind: 'My_Kind' } }, [
      `spec.job.kind: Invalid value: "My_Kind": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]],
    ['metadata name is a path segment', { job: { apiVersion: 'v1', kind: 'Job', metadata: { name: 'a/b' } } }, ['spec.job.metadata.name: Invalid value: "a/b": may not contain \'/\'']],
    ['metadata not an object', { job: { apiVersion: 'v1', kind: 'Job', metadata: 'x' } }, ['spec.job.metadata: Invalid value: "x": invalid metadata: expected object, got string']],
  ];
  for (const [name, spec, want] of rows) assert.deepEqual(validate(spec), want, name);
});
