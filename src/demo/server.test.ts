import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type net from 'node:net';
import { ManualClock } from '../lib/clock.js';
import { parseDemoImage, type DemoConfig } from './config.js';
import { startDemoServer, type DemoServer, type DemoServerOptions } from './server.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  socket: net.Socket;
}

/** One HTTP request; `agent: false` (the default here) means a fresh connection. */
function call(url: string, opts: { method?: string; body?: string; agent?: http.Agent } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', agent: opts.agent ?? false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, socket: req.socket! }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Polls `cond` until it holds or the deadline passes (no sleeping to synchronise). */
async function until(cond: () => boolean, what: string, deadlineMs = 5000): Promise<void> {
  const end = performance.now() + deadlineMs;
  while (!cond()) {
    if (performance.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const blue: DemoConfig = { color: 'blue', errorRate: 0, latencyMs: 0 };

async function withServer(options: Partial<DemoServerOptions>, body: (s: DemoServer) => Promise<void>): Promise<void> {
  const server = await startDemoServer({ host: '127.0.0.1', port: 0, config: blue, ...options });
  try {
    await body(server);
  } finally {
    await server.shutdown();
  }
}

test('/color answers the colour as a JSON string with the original headers', () =>
  withServer({}, async (s) => {
    for (const [method, path, body] of [['GET', '/color', undefined], ['POST', '/color', '"[]"'], ['POST', '/prefix/color?x=1', '[{"color":"blue"}]']] as const) {
      const r = await call(s.url + path, { method, ...(body === undefined ? {} : { body }) });
      assert.equal(r.status, 200, `${method} ${path}`);
      assert.equal(r.body, '"blue"');
      assert.equal(r.headers['content-type'], 'text/plain; charset=utf-8');
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['cache-control'], 'no-store');
    }
    const bad = await call(s.url + '/color', { method: 'POST', body: '{not json' });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /Cannot read the \/color request body/);
  }));

test('keep-alive: a client (or proxy) reuses one connection', () =>
  withServer({}, async (s) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const a = await call(s.url + '/color', { agent });
      const b = await call(s.url + '/color', { agent, method: 'POST', body: '[]' });
      assert.equal(a.socket, b.socket);
      assert.equal(b.headers['connection'], 'keep-alive');
      assert.equal(b.headers['keep-alive'], 'timeout=65');
    } finally {
      agent.destroy();
    }
  }));

test('the page, favicon, readiness and unknown paths', () =>
  withServer({ clock: new ManualClock(1_000_000) }, async (s) => {
    for (const path of ['/', '/index.html', '/prefix/']) {
      const page = await call(s.url + path);
      assert.equal(page.status, 200, path);
      assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
      assert.match(page.body, /<canvas id="bubbles"/);
    }
    const head = await call(s.url + '/', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    assert.equal((await call(s.url + '/favicon.ico')).status, 204);
    assert.equal((await call(s.url + '/main.js')).status, 404);
  }));

test('/healthz reports serving, the colour and uptime from the clock', async () => {
  const clock = new ManualClock(1_000_000);
  await withServer({ clock }, async (s) => {
    clock.advance(5_500);
    const r = await call(s.url + '/healthz');
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.body), { status: 'serving', color: 'blue', uptimeSeconds: 5, activeRequests: 0 });
  });
});

test('latest answers a random colour per request from the random source', async () => {
  const draws = [0, 0.9, 0.5];
  await withServer({ config: { color: 'random', errorRate: 0, latencyMs: 0 }, random: () => draws.shift() ?? 0 }, async (s) => {
    const got = [];
    for (let i = 0; i < 3; i++) got.push((await call(s.url + '/color')).body);
    assert.deepEqual(got, ['"red"', '"purple"', '"green"']);
  });
});

test('bad-green fails about 15% of 2,000 requests (within 5 binomial standard deviations)', () =>
  withServer({ config: parseDemoImage('argoproj/rollouts-demo:bad-green') }, async (s) => {
    const n = 2000;
    const p = 0.15;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const statuses: number[] = [];
    try {
      for (let i = 0; i < n; i += 100) {
        const batch = await Promise.all(Array.from({ length: 100 }, () => call(s.url + '/color', { agent, method: 'POST' })));
        for (const r of batch) {
          assert.equal(r.body, '"green"', 'errors still carry the colour');
          statuses.push(r.status);
        }
      }
    } finally {
      agent.destroy();
    }
    const errors = statuses.filter((x) => x === 500).length;
    assert.equal(errors + statuses.filter((x) => x === 200).length, n, 'only 200s and 500s');
    // mean 300, sd = sqrt(2000 × 0.15 × 0.85) ≈ 16, so 5 sd ≈ 80: accept 220..380 (false failure odds < 1e-6)
    const sd = Math.sqrt(n * p * (1 - p));
    assert.ok(Math.abs(errors - n * p) <= 5 * sd, `${errors} errors in ${n}; expected ${n * p} ± ${Math.round(5 * sd)}`);
  }));

test('slow-blue waits at least its latency before answering', () =>
  withServer({ config: parseDemoImage('argoproj/rollouts-demo:slow-blue') }, async (s) => {
    const started = performance.now();
    const r = await call(s.url + '/color');
    const elapsedMs = performance.now() - started;
    assert.equal(r.body, '"blue"');
    // lower bound only; the slack covers timer/clock granularity, never an upper bound
    assert.ok(elapsedMs >= 1900, `answered after ${Math.round(elapsedMs)} ms`);
  }));

test('shutdown: in-flight requests finish, idle keep-alive sockets close, new connections are refused', async () => {
  const server = await startDemoServer({ host: '127.0.0.1', port: 0, config: blue });
  const idleAgent = new http.Agent({ keepAlive: true });
  const busyAgent = new http.Agent({ keepAlive: true });
  try {
    const first = await call(server.url + '/color', { agent: idleAgent });
    const idleClosed = new Promise((resolve) => first.socket.once('close', resolve));
    const slow = call(server.url + '/color', { agent: busyAgent, method: 'POST', body: '[{"color":"blue","delayLength":0.5}]' });
    await until(() => server.activeRequests() === 1, 'the slow request reaches the server');

    const stopping = server.shutdown();
    assert.equal(server.shutdown(), stopping, 'shutdown is idempotent');
    await idleClosed;
    await assert.rejects(call(server.url + '/color'), { code: 'ECONNREFUSED' });

    const reply = await slow;
    assert.equal(reply.status, 200);
    assert.equal(reply.body, '"blue"');
    assert.equal(reply.headers['connection'], 'close', 'a draining server tells keep-alive clients not to reuse the socket');
    assert.deepEqual(await stopping, { outcome: 'drained' });
    assert.equal(server.activeRequests(), 0);
  } finally {
    idleAgent.destroy();
    busyAgent.destroy();
  }
});

test('shutdown cuts off requests still running at the timeout and says so', async () => {
  const server = await startDemoServer({ host: '127.0.0.1', port: 0, config: blue, shutdownTimeoutMs: 50 });
  const stuck = call(server.url + '/color', { method: 'POST', body: '[{"color":"blue","delayLength":30}]' });
  const failed = assert.rejects(stuck);
  await until(() => server.activeRequests() === 1, 'the stuck request reaches the server');
  assert.deepEqual(await server.shutdown(), { outcome: 'forced', abandonedRequests: 1 });
  await failed;
});

test('startDemoServer() rejects when the address is taken', async () => {
  await withServer({}, async (s) => {
    await assert.rejects(startDemoServer({ host: '127.0.0.1', port: s.port, config: blue }), { code: 'EADDRINUSE' });
  });
});
