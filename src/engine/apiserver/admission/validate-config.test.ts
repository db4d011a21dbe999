import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import { defaultObject } from './defaults.js';
import { validateObject } from './validate.js';

const KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** The chapter's nginx-configuration ConfigMap. */
function configMap(rest: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nginx-configuration', namespace: 'default' },
    data: { 'allow-backend-server-header': 'true', 'use-forwarded-headers': 'true' }, ...rest };
}
const secret = (rest: Record<string, unknown> = {}): KubeObject => defaultObject('secrets', {
  apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'default' }, data: { password: 'aHVudGVyMg==' }, ...rest });

const check = (key: string, obj: KubeObject, old?: KubeObject): string[] => validateObject(key, obj, old).map(formatFieldError);

test('ConfigMap validation table', () => {
  const rows: Array<[string, KubeObject, string[]]> = [
    ['the chapter ConfigMap', configMap(), []],
    ['bad key', configMap({ data: { 'a b': 'x' } }), [`data[a b]: Invalid value: "a b": ${KEY_MSG}`]],
    ['dot-dot key', configMap({ data: { '..cfg': 'x' } }), ["data[..cfg]: Invalid value: \"..cfg\": must not start with '..'"]],
    ['key in both maps', configMap({ data: { a: 'x' }, binaryData: { a: 'eA==' } }), ['data[a]: Invalid value: "a": duplicate of key present in binaryData']],
    ['over 1 MiB', configMap({ data: { big: 'x'.repeat(1024 * 1024 + 1) } }), [': Too long: may not be more than 1048576 bytes']],
  ];
  for (const [name, obj, want] of rows) assert.deepEqual(check('configmaps', obj), want, name);
});

test('an immutable ConfigMap cannot change its data or become mutable', () => {
  const old = configMap({ immutable: true });
  assert.deepEqual(check('configmaps', configMap({ immutable: true }), old), []);
  assert.deepEqual(check('configmaps', configMap({ immutable: true, data: { a: 'b' } }), old), ['data: Forbidden: field is immutable when `immutable` is set']);
  assert.deepEqual(check('configmaps', configMap({ immutable: false }), old), ['immutable: Forbidden: field is immutable when `immutable` is set']);
  assert.deepEqual(check('configmaps', configMap({ data: { a: 'b' } }), configMap()), []);
});

test('Secret validation table', () => {
  const rows: Array<[string, KubeObject, string[]]> = [
    ['Opaque', secret(), []],
    ['stringData keys are checked once merged', secret({ stringData: { 'bad key': 'x' } }), [`data[bad key]: Invalid value: "bad key": ${KEY_MSG}`]],
    ['tls keys', secret({ type: 'kubernetes.io/tls' }), ['data[tls.crt]: Required value', 'data[tls.key]: Required value']],
    ['service account token', secret({ type: 'kubernetes.io/service-account-token' }), ['metadata.annotations[kubernetes.io/service-account.name]: Required value']],
    ['basic auth with a password', secret({ type: 'kubernetes.io/basic-auth' }), []],
    ['basic auth without either key', secret({ type: 'kubernetes.io/basic-auth', data: {} }), ['data[username]: Required value', 'data[password]: Required value']],
    ['over 1 MiB', secret({ data: { big: Buffer.alloc(1024 * 1024 + 1).toString('base64') } }), ['data: Too long: may not be more than 1048576 bytes']],
  ];
  for (const [name, obj, want] of rows) assert.deepEqual(check('secrets', obj), want, name);
});

test('Secret update: type is immutable, immutable secrets keep their data', () => {
  assert.deepEqual(check('secrets', secret({ type: 'kubernetes.io/basic-auth' }), secret()), ['type: Invalid value: "kubernetes.io/basic-auth": field is immutable']);
  const old = secret({ immutable: true });
  assert.deepEqual(check('secrets', secret({ immutable: true, data: { password: 'eA==' } }), old), ['data: Forbidden: field is immutable when `immutable` is set']);
});
