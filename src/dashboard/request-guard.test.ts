import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasToken, isAllowedHost } from './request-guard.js';

test('isAllowedHost(): loopback names and the bind host, any port; nothing else', () => {
  for (const h of ['localhost:3100', '127.0.0.1:3100', '127.0.0.1', '[::1]:3100', 'dash.internal:443']) assert.equal(isAllowedHost(h, 'dash.internal'), true, h);
  for (const h of [undefined, '', 'evil.example:3100', 'localhost.evil.example', '128.0.0.1:3100', '[2001:db8::1]:80']) assert.equal(isAllowedHost(h, 'dash.internal'), false, String(h));
});

test('hasToken(): only the exact bearer token', () => {
  assert.equal(hasToken('Bearer s3cret', 's3cret'), true);
  assert.equal(hasToken('bearer s3cret', 's3cret'), true);
  for (const a of [undefined, '', 'Bearer', 'Bearer s3cre', 'Bearer s3cret2', 'Basic s3cret', 's3cret']) assert.equal(hasToken(a, 's3cret'), false, String(a));
});
