import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatChecker } from './crd-formats.js';

test('formatChecker() table: supported formats accept and reject like strfmt', () => {
  const rows: Array<[string, string, boolean]> = [
    ['date-time', '2025-01-01T00:00:00Z', true], ['date-time', '2025-01-01T10:20:30.5+02:00', true], ['datetime', '2025-02-30T00:00:00Z', false],
    ['date', '2024-02-29', true], ['date', '2023-02-29', false],
    ['uuid', '7c2e083b-f1c7-4925-bf4d-d78245858281', true], ['uuid4', '7c2e083b-f1c7-3925-bf4d-d78245858281', false],
    ['ipv4', '10.0.0.1', true], ['ipv4', '::1', false], ['ipv6', '::1', true], ['cidr', '10.0.0.0/8', true], ['cidr', '10.0.0.0/33', false],
    ['hostname', 'demo.info', true], ['hostname', 'bad_host', false],
    ['email', 'ops@example.com', true], ['email', 'nope', false],
    ['uri', 'https://example.com/x', true], ['uri', 'example', false],
    ['byte', 'aGVsbG8=', true], ['byte', 'not base64!', false],
    ['duration', '1h30m', true], ['duration', '5 minutes', true], ['duration', 'soon', false],
    ['mac', '00:1a:2b:3c:4d:5e', true], ['hexcolor', '#fff', true], ['rgbcolor', 'rgb(255, 0, 10)', true],
    ['isbn10', '0321751043', true], ['isbn13', '978-0321751041', true], ['creditcard', '4111 1111 1111 1111', true], ['ssn', '123-45-6789', true],
    ['bsonobjectid', '507f1f77bcf86cd799439011', true], ['password', 'anything', true],
  ];
  for (const [format, value, ok] of rows) assert.equal(formatChecker(format)?.(value), ok, `${format} ${value}`);
});

test('formatChecker() ignores formats Kubernetes strips (int32, custom ones)', () => {
  assert.equal(formatChecker('int32'), undefined);
  assert.equal(formatChecker('quantity'), undefined);
});
