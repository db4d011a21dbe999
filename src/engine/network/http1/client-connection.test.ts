import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { ClientRequest } from './client-request.js';
import { DEFAULT_LIMITS, listenHttp, type HttpListener } from './http-listener.js';

let listener: HttpListener;
const closedRequests: string[] = [];

// Echo handler: answers `<method> <url> body=<body>`; /chunked answers without a length; /slow never answers.
before(async () => {
  listener = await listenHttp('127.0.0.1', 0, (req: ClientRequest, res) => {
    const text = `${req.method} ${req.url} body=${req.body?.toString() ?? '-'} host=${req.header('host') ?? '-'}`;
    if (req.url === '/throw') throw new Error('handler bug');
    if (req.url === '/slow') { res.onClose(() => closedRequests.push(req.url)); return; }
    if (req.url === '/chunked') { res.writeHead(200, 'OK', []); res.write(Buffer.from('ab')); res.end(Buffer.from('cd')); return; }
    res.writeHead(200, 'OK', ['content-length', String(Buffer.byteLength(text)), 'x-test', '1']);
    res.end(Buffer.from(text));
  }, { ...DEFAULT_LIMITS, maxHeadBytes: 1024, bodyLimitBytes: () => 16 });
});
after(async () => { await listener.close(100); });

/** Sends raw bytes (one write per part) and collects everything until the server closes the connection. */
function raw(parts: string[]): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(listener.port, '127.0.0.1');
    let out = '';
    const finish = (): void => { s.destroy(); resolve(out); };
    s.on('data', (d) => { out += d.toString('latin1'); });
    s.on('close', finish);
    s.on('error', finish);
    s.on('connect', async () => {
      for (const p of parts) {
        s.write(p);
        await new Promise((r) => setImmediate(r));
      }
    });
  });
}

function responses(out: string): { status: number; headers: string; body: string }[] {
  const list: { status: number; headers: string; body: string }[] = [];
  let rest = out;
  while (rest.startsWith('HTTP/1.1 ')) {
    const end = rest.indexOf('\r\n\r\n');
    const head = rest.slice(0, end);
    const len = /content-length: (\d+)/i.exec(head);
    const body = len ? rest.slice(end + 4, end + 4 + Number(len[1])) : rest.slice(end + 4);
    list.push({ status: Number(head.slice(9, 12)), headers: head, body });
    rest = len ? rest.slice(end + 4 + Number(len[1])) : '';
  }
  return list;
}

test('keep-alive and pipelined requests are answered in order on one connection', async () => {
  const out = await raw(['GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n', 'POST /c HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nConnection: close\r\n\r\nxyz']);
  assert.deepEqual(responses(out).map((r) => r.body), ['GET /a body=- host=h', 'GET /b body=- host=h', 'POST /c body=xyz host=h']);
  assert.match(responses(out)[2]?.headers ?? '', /connection: close/);
  assert.match(responses(out)[0]?.headers ?? '', /date: /);
});

test('chunked request bodies split across packets; Expect: 100-continue is answered before the body', async () => {
  const out = await raw(['POST /up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nab', 'c\r\n2\r\nde\r\n0\r\n\r\n']);
  assert.equal(responses(out)[0]?.body, 'POST /up body=abcde host=h');
  const s = net.connect(listener.port, '127.0.0.1');
  let got = '';
  const seen = (text: string): Promise<void> => new Promise((resolve) => {
    const check = (): void => { if (got.includes(text)) resolve(); else s.once('data', (d) => { got += d.toString('latin1'); check(); }); };
    check();
  });
  s.write('POST /up HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n');
  await seen('HTTP/1.1 100 Continue\r\n\r\n');
  s.write('xyz');
  await seen('body=xyz');
  s.destroy();
});

test('responses without a length: chunked for HTTP/1.1, until close for HTTP/1.0', async () => {
  const v11 = await raw(['GET /chunked HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n']);
  assert.match(v11, /transfer-encoding: chunked\r\n/);
  assert.ok(v11.endsWith('\r\n\r\n2\r\nab\r\n2\r\ncd\r\n0\r\n\r\n'), JSON.stringify(v11));
  const v10 = await raw(['GET /chunked HTTP/1.0\r\n\r\n']);
  assert.match(v10, /connection: close\r\n\r\nabcd$/);
  const head = await raw(['HEAD /x HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n']);
  assert.match(head, /content-length: \d+\r\n/);
  assert.ok(head.endsWith('\r\n\r\n'), 'no body after a HEAD response');
});

test('bad requests get 400/413/431/505 and the connection is closed', async () => {
  const rows: [string, number][] = [
    ['GET / HTTP/1.1\r\n\r\n', 400],
    ['POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n', 400],
    ['POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 17\r\n\r\n', 413],
    ['POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n11\r\n01234567890123456\r\n0\r\n\r\n', 413],
    [`GET / HTTP/1.1\r\nHost: h\r\nX: ${'a'.repeat(2000)}\r\n\r\n`, 431],
    ['GET / HTTP/3.0\r\nHost: h\r\n\r\n', 505],
  ];
  for (const [req, status] of rows) {
    const out = await raw([req, 'GET /after HTTP/1.1\r\nHost: h\r\n\r\n']);
    const rs = responses(out);
    assert.equal(rs.length, 1, `${JSON.stringify(req.slice(0, 40))}: nothing is served after a refused request`);
    assert.equal(rs[0]?.status, status, JSON.stringify(req.slice(0, 60)));
    assert.match(rs[0]?.headers ?? '', /connection: close/);
  }
});

test('a handler that throws gets its client a 500, and the listener keeps serving', async () => {
  const out = await raw(['GET /throw HTTP/1.1\r\nHost: h\r\n\r\n']);
  assert.equal(responses(out)[0]?.status, 500);
  assert.equal(responses(await raw(['GET /ok HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n']))[0]?.status, 200);
});

test('a client that goes away while its request is in flight is reported to the handler', async () => {
  const s = net.connect(listener.port, '127.0.0.1');
  await new Promise((r) => s.once('connect', r));
  s.write('GET /slow HTTP/1.1\r\nHost: h\r\n\r\n');
  const deadline = Date.now() + 2000;
  await new Promise((r) => setTimeout(r, 1));
  s.destroy();
  while (!closedRequests.includes('/slow') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
  assert.deepEqual(closedRequests, ['/slow']);
});
