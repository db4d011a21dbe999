// One probe attempt against a container (httpGet, tcpSocket, exec), as the kubelet's prober runs them:
// HTTP 200–399 succeeds, a TCP connect succeeds, an exec exiting 0 succeeds. Also runs preStop handlers.
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import type { ContainerPort, HTTPGetAction, Probe } from '../../api/core-v1.js';

/** Where probes go and what exec probes run with. */
export interface ProbeTarget {
  readonly podIP: string;
  readonly ports: readonly ContainerPort[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
}

/** The outcome of one attempt; `message` explains a failure in the kubelet's words. */
export interface CheckResult {
  readonly ok: boolean;
  readonly message: string;
}

/** A numeric port, or a named containerPort resolved; undefined when the name is unknown. */
export function resolvePort(port: number | string, ports: readonly ContainerPort[]): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return ports.find((p) => p.name === port)?.containerPort;
}

/** An HTTP GET probe. */
export function checkHttp(a: Readonly<HTTPGetAction>, t: ProbeTarget, timeoutMs: number): Promise<CheckResult> {
  const port = resolvePort(a.port, t.ports);
  if (port === undefined) return Promise.resolve({ ok: false, message: `port "${String(a.port)}" is not a containerPort of the container` });
  const host = a.host !== undefined && a.host !== '' ? a.host : t.podIP;
  const https = a.scheme === 'HTTPS';
  const url = `${https ? 'https' : 'http'}://${host}:${port}${a.path ?? '/'}`;
  const headers: Record<string, string> = { 'User-Agent': 'kube-probe/1.32', Accept: '*/*' };
  for (const h of a.httpHeaders ?? []) headers[h.name] = h.value;
  return new Promise((resolve) => {
    const options = { host, port, path: a.path ?? '/', method: 'GET', headers, timeout: timeoutMs, rejectUnauthorized: false };
    const req = (https ? httpsRequest : httpRequest)(options, (res) => {
      res.resume();
      const code = res.statusCode ?? 0;
      resolve(code >= 200 && code < 400 ? { ok: true, message: '' } : { ok: false, message: `HTTP probe failed with statuscode: ${code}` });
    });
    req.on('timeout', () => req.destroy(new Error('context deadline exceeded (Client.Timeout exceeded while awaiting headers)')));
    req.on('error', (e) => resolve({ ok: false, message: `Get "${url}": ${e.message}` }));
    req.end();
  });
}

/** A TCP connect probe. */
export function checkTcp(host: string, port: number, timeoutMs: number): Promise<CheckResult> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    socket.once('connect', () => { socket.destroy(); resolve({ ok: true, message: '' }); });
    socket.once('timeout', () => { socket.destroy(); resolve({ ok: false, message: `dial tcp ${host}:${port}: i/o timeout` }); });
    socket.once('error', (e) => resolve({ ok: false, message: `dial tcp ${host}:${port}: ${e.message}` }));
  });
}

/** Runs a command in the container's environment; succeeds on exit 0. */
export function checkExec(command: readonly string[], t: ProbeTarget, timeoutMs: number): Promise<CheckResult> {
  const [cmd, ...args] = command;
  if (cmd === undefined) return Promise.resolve({ ok: false, message: 'exec probe has no command' });
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: t.cwd, env: { ...t.env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs, killSignal: 'SIGKILL' });
    let output = '';
    const collect = (d: Buffer): void => { if (output.length < 4096) output += d.toString(); };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (e) => resolve({ ok: false, message: e.message }));
    child.once('close', (code, signal) => {
      if (code === 0) resolve({ ok: true, message: '' });
      else if (signal !== null) resolve({ ok: false, message: `command ${JSON.stringify(command.join(' '))} timed out` });
      else resolve({ ok: false, message: output.trim() || `command ${JSON.stringify(command.join(' '))} exited with ${code ?? 1}` });
    });
  });
}

/** One attempt of a probe spec. gRPC probes are not supported by the embedded runtime and fail. */
export function runProbeCheck(p: Readonly<Probe>, t: ProbeTarget, timeoutMs: number): Promise<CheckResult> {
  if (p.httpGet !== undefined) return checkHttp(p.httpGet, t, timeoutMs);
  if (p.tcpSocket !== undefined) {
    const port = resolvePort(p.tcpSocket.port, t.ports);
    if (port === undefined) return Promise.resolve({ ok: false, message: `port "${String(p.tcpSocket.port)}" is not a containerPort of the container` });
    return checkTcp(p.tcpSocket.host || t.podIP, port, timeoutMs);
  }
  if (p.exec !== undefined) return checkExec(p.exec.command ?? [], t, timeoutMs);
  return Promise.resolve({ ok: false, message: 'gRPC probes are not supported by the embedded runtime' });
}
