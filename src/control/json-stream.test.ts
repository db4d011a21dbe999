import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonDocumentSplitter, jsonDocuments } from './json-stream.js';

test('JsonDocumentSplitter finds document ends outside strings and escapes', () => {
  const s = new JsonDocumentSplitter();
  assert.deepEqual(s.push('{"a":"}\\"{"'), []);
  assert.deepEqual(s.push(',"b":[1,{"c":"\\\\"}]}  {"d"'), ['{"a":"}\\"{","b":[1,{"c":"\\\\"}]}']);
  assert.equal(s.rest(), '{"d"');
  assert.deepEqual(s.push(':1}\n[2]'), ['{"d":1}', '[2]']);
  assert.equal(s.rest(), '');
});

test('JsonDocumentSplitter rejects text between documents', () => {
  assert.throws(() => new JsonDocumentSplitter().push('{"a":1} x'), /unexpected "x" between events/);
});

test('jsonDocuments() decodes UTF-8 split inside a character', async () => {
  const bytes = new TextEncoder().encode('{"v":"€"}');
  async function* parts(): AsyncGenerator<Uint8Array> {
    yield bytes.slice(0, 7);
    yield bytes.slice(7);
  }
  const out: string[] = [];
  for await (const d of jsonDocuments(parts())) out.push(d);
  assert.deepEqual(out.map((d) => JSON.parse(d)), [{ v: '€' }]);
});
