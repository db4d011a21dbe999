import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isConfigMapKey, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isEnvVarName, isQualifiedName, isValidLabelValue,
  isValidPercent, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain, nameIsDNSSubdomain, regexError,
} from './metadata.js';

const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

test('regexError() joins examples the way Kubernetes does (note the double space)', () => {
  assert.equal(regexError('bad', 'x+', 'a', 'b'), "bad (e.g. 'a',  or 'b', regex used for validation is 'x+')");
  assert.equal(regexError('bad', 'x+'), "bad (regex used for validation is 'x+')");
});

test('isDNS1123Subdomain() table', () => {
  const rows: Array<[string, string[]]> = [
    ['demo', []],
    ['demo.info', []],
    ['a-b.c-d', []],
    ['Demo', [SUBDOMAIN_MSG]],
    ['-demo', [SUBDOMAIN_MSG]],
    ['demo_1', [SUBDOMAIN_MSG]],
    ['a'.repeat(254), ['must be no more than 253 characters']],
  ];
  for (const [v, want] of rows) assert.deepEqual(isDNS1123Subdomain(v), want, v);
});

test('isDNS1123Label() reports dots separately from other characters', () => {
  assert.deepEqual(isDNS1123Label('demo'), []);
  assert.deepEqual(isDNS1123Label('a.b'), ['must not contain dots']);
  assert.deepEqual(isDNS1123Label('A'), [LABEL_MSG]);
  assert.deepEqual(isDNS1123Label('a'.repeat(64)), ['must be no more than 63 characters']);
});

test('isDNS1035Label() needs a leading letter', () => {
  assert.deepEqual(isDNS1035Label('demo-service'), []);
  assert.deepEqual(isDNS1035Label('1demo'), [
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  ]);
});

test('isWildcardDNS1123Subdomain()', () => {
  assert.deepEqual(isWildcardDNS1123Subdomain('*.demo.info'), []);
  assert.equal(isWildcardDNS1123Subdomain('*demo.info').length, 1);
});

test('isQualifiedName() table', () => {
  const name = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  const rows: Array<[string, string[]]> = [
    ['app', []],
    ['app.kubernetes.io/name', []],
    ['Upper_case.ok', []],
    ['-bad', [name]],
    ['/x', ['prefix part must be non-empty']],
    ['a/', ['name part must be non-empty', name]],
    ['Bad_Prefix/x', [`prefix part ${SUBDOMAIN_MSG}`]],
    ['a/b/c', ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]],
    ['x'.repeat(64), ['name part must be no more than 63 characters']],
  ];
  for (const [v, want] of rows) assert.deepEqual(isQualifiedName(v), want, v);
});

test('isValidLabelValue() allows empty and rejects leading dashes', () => {
  assert.deepEqual(isValidLabelValue(''), []);
  assert.deepEqual(isValidLabelValue('blue'), []);
  assert.deepEqual(isValidLabelValue('-blue'), [
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  ]);
});

test('isConfigMapKey() table', () => {
  assert.deepEqual(isConfigMapKey('allow-backend-server-header'), []);
  assert.deepEqual(isConfigMapKey('..x'), ["must not start with '..'"]);
  assert.deepEqual(isConfigMapKey('a b'), [
    "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
  ]);
});

test('isEnvVarName()', () => {
  assert.deepEqual(isEnvVarName('PORT'), []);
  assert.equal(isEnvVarName('1PORT').length, 1);
});

test('isValidPortName() lists every problem', () => {
  assert.deepEqual(isValidPortName('http'), []);
  assert.deepEqual(isValidPortName('-a--very-long-name-'), [
    'must be no more than 15 characters', 'must not contain consecutive hyphens', 'must not begin or end with a hyphen',
  ]);
  assert.deepEqual(isValidPortName('8080'), ['must contain at least one letter (a-z)']);
});

test('isValidPortNum() is 1–65535 inclusive', () => {
  assert.deepEqual(isValidPortNum(1), []);
  assert.deepEqual(isValidPortNum(65535), []);
  assert.deepEqual(isValidPortNum(0), ['must be between 1 and 65535, inclusive']);
  assert.deepEqual(isValidPortNum(70000), ['must be between 1 and 65535, inclusive']);
});

test('isValidPercent()', () => {
  assert.deepEqual(isValidPercent('25%'), []);
  assert.deepEqual(isValidPercent('25'), ["a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"]);
});

test('nameIsDNSSubdomain() lets a generateName end with a dash', () => {
  assert.deepEqual(nameIsDNSSubdomain('demo-', true), []);
  assert.equal(nameIsDNSSubdomain('demo-', false).length, 1);
});
