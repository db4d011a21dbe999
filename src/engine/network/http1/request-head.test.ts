import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headerValue, parseRequestHead } from './request-head.js';

test('parseRequestHead(): framing, keep-alive, expect', () => {
  const rows: [head: string, body: string, keepAlive: boolean, expectContinue: boolean][] = [
    ['GET /color HTTP/1.1\r\nHost: demo.info', 'none', true, false],
    ['POST /color HTTP/1.1\r\nHost: a\r\nContent-Length: 2', 'length:2', true, false],
    ['POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nExpect: 100-continue', 'none', true, false],
    ['POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\nExpect: 100-Continue', 'chunked', true, true],
    ['GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, Close', 'none', false, false],
    ['GET / HTTP/1.0', 'none', false, false],
    ['GET / HTTP/1.0\r\nConnection: Keep-Alive', 'none', true, false],
  ];
  for (const [text, body, keepAlive, expectContinue] of rows) {
    const h = parseRequestHead(text);
    if ('status' in h) assert.fail(`${text}: ${h.message}`);
    assert.equal(h.body.kind === 'length' ? `length:${h.body.bytes}` : h.body.kind, body, text);
    assert.equal(h.keepAlive, keepAlive, text);
    assert.equal(h.expectContinue, expectContinue, text);
  }
});

test('parseRequestHead() refuses what could smuggle a request or is not HTTP/1.x', () => {
  const rows: [head: string, status: number][] = [
    ['POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked', 400],
    ['POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5', 400],
    ['POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5', 400],
    ['POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked', 501],
    ['POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked', 501],
    ['POST / HTTP/1.0\r\nTransfer-Encoding: chunked', 400],
    ['GET / HTTP/1.1', 400],
    ['GET / HTTP/1.1\r\nHost: a\r\nHost: b', 400],
    ['GET / HTTP/1.1\r\nHost: a\r\n folded', 400],
    ['GET / HTTP/1.1\r\nHost: a\r\nBad Name: x', 400],
    ['GET / HTTP/1.1\r\nHost: a\r\nX: a\x00b', 400],
    ['GET /a\x01b HTTP/1.1\r\nHost: a', 400],
    ['GET / HTTP/2.0\r\nHost: a', 505],
    ['GET  / HTTP/1.1\r\nHost: a', 400],
    ['hello', 400],
  ];
  for (const [text, status] of rows) {
    const h = parseRequestHead(text);
    assert.equal('status' in h ? h.status : 'accepted', status, JSON.stringify(text));
  }
});

test('headerValue() is case-insensitive and takes the first', () => {
  assert.equal(headerValue(['Host', 'a', 'X-Canary', 'always', 'x-canary', 'never'], 'x-canary'), 'always');
  assert.equal(headerValue(['Host', 'a'], 'cookie'), undefined);
});
