import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChunkedDecoder } from './chunked-decoder.js';
import { parseResponseHead, type ResponseHead } from './response-head.js';
import { ResponseParser } from './response-parser.js';
import { formatRequestHead } from './request-head.js';

test('parseResponseHead(): framing and keep-alive (RFC 9112 §6.3)', () => {
  const rows: [head: string, headRequest: boolean, framing: string, keepAlive: boolean][] = [
    ['HTTP/1.1 200 OK\r\nContent-Length: 6', false, 'length:6', true],
    ['HTTP/1.1 200 OK\r\nContent-Length: 0', false, 'none', true],
    ['HTTP/1.1 200 OK\r\nContent-Length: 6, 6', false, 'length:6', true],
    ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked', false, 'chunked', true],
    ['HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\nContent-Length: 3', false, 'chunked', true],
    ['HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip', false, 'close', false],
    ['HTTP/1.1 200 OK', false, 'close', false],
    ['HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close', false, 'length:6', false],
    ['HTTP/1.0 200 OK\r\nContent-Length: 6', false, 'length:6', false],
    ['HTTP/1.0 200 OK\r\nContent-Length: 6\r\nConnection: Keep-Alive', false, 'length:6', true],
    ['HTTP/1.1 204 No Content', false, 'none', true],
    ['HTTP/1.1 304 Not Modified\r\nContent-Length: 99', false, 'none', true],
    ['HTTP/1.1 200 OK\r\nContent-Length: 99', true, 'none', true],
    ['HTTP/1.1 500', false, 'close', false],
  ];
  for (const [text, headRequest, framing, keepAlive] of rows) {
    const h = parseResponseHead(text, headRequest);
    assert.equal(typeof h, 'object', text);
    const r = h as ResponseHead;
    assert.equal(r.framing.kind === 'length' ? `length:${r.framing.bytes}` : r.framing.kind, framing, text);
    assert.equal(r.keepAlive, keepAlive, text);
  }
  for (const bad of ['HTTP/2 200 OK', 'HTTP/1.1 200 OK\r\nContent-Length: 5, 6', 'HTTP/1.1 200 OK\r\nContent-Length: -1', 'HTTP/1.1 200 OK\r\nno colon', 'HTTP/1.1 200 OK\r\n folded: x']) {
    assert.equal(typeof parseResponseHead(bad, false), 'string', bad);
  }
  const h = parseResponseHead('HTTP/1.1 404 Not Found\r\nX-A: 1\r\nSet-Cookie: a\r\nSet-Cookie: b', false);
  assert.deepEqual(typeof h === 'string' ? h : [h.status, h.statusText, h.headers], [404, 'Not Found', ['X-A', '1', 'Set-Cookie', 'a', 'Set-Cookie', 'b']]);
});

test('ChunkedDecoder: sizes, extensions, trailers, any split', () => {
  const body = '4\r\nWiki\r\n5;ext=1\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nX-Trailer: 1\r\n\r\n';
  for (let split = 1; split < body.length; split += 3) {
    const d = new ChunkedDecoder();
    let out = '';
    const a = d.feed(Buffer.from(body.slice(0, split)), (c) => { out += c.toString(); });
    const b = a.state === 'done' ? a : d.feed(Buffer.from(body.slice(split)), (c) => { out += c.toString(); });
    assert.deepEqual(b, { state: 'done', rest: 0 }, `split ${split}`);
    assert.equal(out, 'Wikipedia in\r\n\r\nchunks.');
  }
  assert.equal(new ChunkedDecoder().feed(Buffer.from('zz\r\n'), () => undefined).state, 'error');
  assert.equal(new ChunkedDecoder().feed(Buffer.from('1\r\nab\r\n'), () => undefined).state, 'error');
});

function parse(chunks: string[], method = 'GET', closeAtEnd = false): { events: string[]; errors: (string | undefined)[] } {
  const events: string[] = [];
  const p = new ResponseParser({
    head: (h) => events.push(`head ${h.status}`), data: (c) => events.push(`data ${c.toString()}`), end: (k) => events.push(`end ${k}`),
  });
  p.reset(method);
  const errors = chunks.map((c) => p.feed(Buffer.from(c)));
  if (closeAtEnd) events.push(`close ${p.close()}`);
  return { events, errors };
}

test('ResponseParser: heads split anywhere, bodies by length, chunked or close, 1xx skipped', () => {
  assert.deepEqual(parse(['HTTP/1.1 200 OK\r\nContent-Le', 'ngth: 6\r\n\r', '\n"bl', 'ue"']).events, ['head 200', 'data "bl', 'data ue"', 'end true']);
  assert.deepEqual(parse(['HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok']).events, ['head 200', 'data ok', 'end true']);
  assert.deepEqual(parse(['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n']).events, ['head 200', 'data ok', 'end true']);
  assert.deepEqual(parse(['HTTP/1.1 200 OK\r\n\r\nuntil', ' close'], 'GET', true).events, ['head 200', 'data until', 'data  close', 'end false', 'close true']);
  assert.deepEqual(parse(['HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n'], 'HEAD').events, ['head 200', 'end true']);
  assert.deepEqual(parse(['HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA']).events, ['head 200', 'data ok', 'end false'], 'extra bytes: never reuse');
  assert.deepEqual(parse(['HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab'], 'GET', true).events, ['head 200', 'data ab', 'close false'], 'cut short');
  assert.equal(parse(['garbage\r\n\r\n']).errors[0], 'invalid status line "garbage"');
});

test('formatRequestHead()', () => {
  assert.equal(formatRequestHead('GET', '/color?x=1', ['host', 'demo.info', 'x-real-ip', '1.2.3.4'], '127.1.0.2:8080'), 'GET /color?x=1 HTTP/1.1\r\nhost: demo.info\r\nx-real-ip: 1.2.3.4\r\n\r\n');
  assert.equal(formatRequestHead('POST', '/', ['content-length', '2'], '127.1.0.2:8080'), 'POST / HTTP/1.1\r\ncontent-length: 2\r\nhost: 127.1.0.2:8080\r\n\r\n');
});
