import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { ResponseHead } from './response-head.js';
import type { UpstreamExchange } from './upstream-connection.js';
import { UpstreamPool } from './upstream-pool.js';

const servers: net.Server[] = [];
after(() => { for (const s of servers) s.close(); });

/** A raw TCP server; `onRequest(socket, n)` is called for the n-th request head seen on a connection. */
async function rawServer(onRequest: (s: net.Socket, n: number) => void): Promise<{ port: number; connections: () => number }> {
  let connections = 0;
  const server = net.createServer((s) => {
    connections++;
    let n = 0;
    let buf = '';
    s.on('data', (d) => {
      buf += d.toString('latin1');
      while (buf.includes('\r\n\r\n')) {
        buf = buf.slice(buf.indexOf('\r\n\r\n') + 4);
        onRequest(s, ++n);
      }
    });
    s.on('error', () => undefined);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const a = server.address();
  return { port: typeof a === 'object' && a !== null ? a.port : 0, connections: () => connections };
}

type Outcome = { ok: true; status: number; body: string } | { ok: false; code: string; reused: boolean };

function exchange(pool: UpstreamPool, method = 'GET'): Promise<Outcome> {
  return new Promise((resolve) => {
    let status = 0;
    let body = '';
    const ex: UpstreamExchange = {
      onHead: (h: ResponseHead) => { status = h.status; },
      onData: (c) => { body += c.toString(); return true; },
      onEnd: () => resolve({ ok: true, status, body }),
      onFail: (code, reused) => resolve({ ok: false, code, reused }),
    };
    pool.acquire().send(ex, method, `${method} / HTTP/1.1\r\nhost: x\r\n\r\n`, null);
  });
}

/** Polls `probe` (yielding to I/O between tries) until it holds, for at most 2 s. */
async function until(probe: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

const settings = { connectTimeoutMs: 1000, readTimeoutMs: 300, idleTimeoutMs: 5000, maxIdle: 10 };
const ok = (body: string, extra = ''): string => `HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n${extra}\r\n${body}`;

test('UpstreamPool reuses keep-alive connections and opens a new one after Connection: close', async () => {
  const srv = await rawServer((s, n) => s.write(ok(`r${n}`, n === 2 ? 'Connection: close\r\n' : '')));
  const pool = new UpstreamPool('127.0.0.1', srv.port, settings);
  assert.deepEqual(await exchange(pool), { ok: true, status: 200, body: 'r1' });
  assert.deepEqual(await exchange(pool), { ok: true, status: 200, body: 'r2' });
  assert.deepEqual(await exchange(pool), { ok: true, status: 200, body: 'r1' });
  assert.equal(srv.connections(), 2);
  await pool.close();
});

test('UpstreamPool: chunked bodies in pieces; a connection closed by the endpoint while idle is not reused', async () => {
  const srv = await rawServer((s) => {
    s.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n');
    setImmediate(() => { s.end('2\r\nde\r\n0\r\n\r\n'); });
  });
  const pool = new UpstreamPool('127.0.0.1', srv.port, settings);
  assert.deepEqual(await exchange(pool), { ok: true, status: 200, body: 'abcde' });
  // The server half-closed after the response: the pooled connection must go, the next request opens a new one.
  await until(() => pool.size() === 0, 'the half-closed connection to leave the pool');
  assert.deepEqual(await exchange(pool), { ok: true, status: 200, body: 'abcde' });
  assert.equal(srv.connections(), 2);
  pool.destroy();
});

test('UpstreamPool reports failures with their code and whether the connection was reused', async () => {
  const srv = await rawServer((s, n) => { if (n === 1) s.write(ok('first')); else s.destroy(); });
  const pool = new UpstreamPool('127.0.0.1', srv.port, settings);
  assert.deepEqual(await exchange(pool, 'POST'), { ok: true, status: 200, body: 'first' });
  const stale = await exchange(pool, 'POST');
  assert.equal(stale.ok, false);
  if (!stale.ok) { assert.match(stale.code, /^(CLOSED|ECONNRESET|EPIPE)$/); assert.equal(stale.reused, true); }

  const closed = await rawServer(() => undefined);
  const silent = new UpstreamPool('127.0.0.1', closed.port, settings);
  assert.deepEqual(await exchange(silent), { ok: false, code: 'READ_TIMEOUT', reused: false });
  await new Promise((r) => servers[servers.length - 1]?.close(r));
  const refused = new UpstreamPool('127.0.0.1', closed.port, settings);
  assert.deepEqual(await exchange(refused), { ok: false, code: 'ECONNREFUSED', reused: false });
  const bad = await rawServer((s) => s.write('nonsense\r\n\r\n'));
  assert.deepEqual(await exchange(new UpstreamPool('127.0.0.1', bad.port, settings)), { ok: false, code: 'BAD_RESPONSE', reused: false });
});

test('UpstreamPool.close() waits for requests in flight', async () => {
  let release: (() => void) | undefined;
  const srv = await rawServer((s) => { release = () => s.write(ok('late')); });
  const pool = new UpstreamPool('127.0.0.1', srv.port, settings);
  const pending = exchange(pool);
  await until(() => release !== undefined, 'the request to arrive');
  let closed = false;
  const closing = pool.close().then(() => { closed = true; });
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  assert.equal(closed, false);
  assert.equal(pool.size(), 1);
  release?.();
  assert.deepEqual(await pending, { ok: true, status: 200, body: 'late' });
  await closing;
  assert.equal(pool.size(), 0);
});
