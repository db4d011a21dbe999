// Runs nginx (when installed) as the reference ingress: a config equivalent to the Sluice ingress under test
// (host demo.info, 10 % of requests to the canary upstream, keep-alive upstream connections, ingress-nginx's
// forwarding headers), in a private prefix directory, in the foreground.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { childPids } from './proc-cpu.js';
import { join } from 'node:path';

/** Path of nginx, or undefined when it is not installed. */
export function findNginx(): string | undefined {
  return ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
}

/** The nginx.conf: `main` and `canary` are `host:port` of the two backends. */
export function nginxConfig(port: number, main: string, canary: string, dir: string, workers: number | 'auto' = 'auto'): string {
  return `worker_processes ${workers};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 16384; multi_accept on; }
http {
  access_log off;
  keepalive_timeout 75s;
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  upstream main { server ${main}; keepalive 320; keepalive_timeout 60s; keepalive_requests 1000000; }
  upstream canary { server ${canary}; keepalive 320; keepalive_timeout 60s; keepalive_requests 1000000; }
  # ingress-nginx draws at random per request; split_clients on the random request id does the same.
  split_clients "\${request_id}" $backend { 10% canary; * main; }
  server {
    listen 127.0.0.1:${port} reuseport backlog=4096;
    server_name demo.info;
    location / {
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Request-ID $request_id;
      proxy_set_header X-Real-IP $remote_addr;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Port $server_port;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Scheme $scheme;
      proxy_set_header X-Scheme $scheme;
      proxy_next_upstream error timeout;
      proxy_pass http://$backend;
    }
  }
}
`;
}

function waitForPort(port: number, deadlineMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const tryOnce = (): void => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); resolve(); });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > deadlineMs) reject(new Error(`nginx did not listen on ${port}`));
        else setTimeout(tryOnce, 50);
      });
    };
    tryOnce();
  });
}

/** A running nginx. */
export interface NginxProcess {
  readonly port: number;
  /** The worker processes (they do the work; the master only supervises). */
  readonly workers: number[];
  stop(): Promise<void>;
}

/** Starts nginx in the foreground on `port`. */
export async function startNginx(nginx: string, port: number, main: string, canary: string, workers: number | 'auto' = 'auto'): Promise<NginxProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-nginx-'));
  for (const d of ['body', 'proxy']) mkdirSync(join(dir, d));
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(port, main, canary, dir, workers));
  const child: ChildProcess = spawn(nginx, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitForPort(port, Date.now() + 10_000);
  const expected = workers === 'auto' ? availableParallelism() : workers;
  let pids: number[] = [];
  for (let i = 0; i < 100 && pids.length < expected; i++) {
    pids = child.pid === undefined ? [] : childPids(child.pid);
    if (pids.length < expected) await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port, workers: pids,
    stop: async () => { child.kill('SIGQUIT'); await exited; rmSync(dir, { recursive: true, force: true }); },
  };
}
