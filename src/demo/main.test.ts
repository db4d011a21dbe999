// The demo as the kubelet runs it: a child process with env, stopped by SIGTERM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const fromSource = import.meta.url.endsWith('.ts');
const entry = fileURLToPath(new URL(fromSource ? './main.ts' : './main.js', import.meta.url));

interface Demo {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function runDemo(env: Record<string, string>): Demo {
  const args = fromSource ? ['--import', 'tsx', entry] : [entry];
  const child = spawn(process.execPath, args, { env: { PATH: process.env['PATH'] ?? '', ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Polls `get` until it returns a value or the deadline passes (no sleeping to synchronise). */
async function until<T>(get: () => T | undefined | Promise<T | undefined>, what: string, deadlineMs = 15_000): Promise<T> {
  const end = performance.now() + deadlineMs;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (performance.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function get(url: string, body?: string): Promise<{ status: number; body: string; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: body === undefined ? 'GET' : 'POST', agent: false }, (res) => {
      let text = '';
      res.on('data', (b: Buffer) => (text += b.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers['connection'] }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('main: binds POD_IP:PORT, logs one line, drains on SIGTERM and exits 0', async () => {
  const demo = runDemo({ SLUICE_DEMO_IMAGE: 'argoproj/rollouts-demo:green', LATENCY: '0.5', PORT: '0', POD_IP: '127.0.0.1', POD_NAME: 'demo-1' });
  try {
    const url = await until(() => /listening on (http:\/\/127\.0\.0\.1:\d+) /.exec(demo.stdout())?.[1], 'the startup line');
    assert.match(demo.stdout(), /^rollouts-demo listening on http:\/\/127\.0\.0\.1:\d+ color=green errorRate=0 latencyMs=500 image=argoproj\/rollouts-demo:green pod=demo-1\n$/);

    const slow = get(url + '/color');
    await until(async () => (JSON.parse((await get(url + '/healthz')).body).activeRequests === 1 ? true : undefined), 'the slow request reaches the demo');

    demo.child.kill('SIGTERM');
    const reply = await slow;
    assert.deepEqual(reply, { status: 200, body: '"green"', connection: 'close' });
    assert.equal(await demo.exited, 0);
    assert.match(demo.stdout(), /SIGTERM received: draining, 1 request\(s\) in flight\nstopped: all requests answered\n$/);
    await assert.rejects(get(url + '/color'), { code: 'ECONNREFUSED' });
  } finally {
    demo.child.kill('SIGKILL');
  }
});

test('main: an unknown image tag exits 1 with a readable message', async () => {
  const demo = runDemo({ SLUICE_DEMO_IMAGE: 'argoproj/rollouts-demo:pink', PORT: '0', POD_IP: '127.0.0.1' });
  assert.equal(await demo.exited, 1);
  assert.equal(demo.stdout(), '');
  assert.match(demo.stderr(), /Cannot run image "argoproj\/rollouts-demo:pink": unknown tag "pink"/);
});
