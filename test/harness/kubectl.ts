// Runs the real /usr/bin/kubectl against a test server. Always asynchronous: the server usually lives in
// the test's own process, so a synchronous spawn would deadlock it.
import { execFile, spawn, type ChildProcess } from 'node:child_process';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const KUBECTL = process.env['SLUICE_KUBECTL'] ?? '/usr/bin/kubectl';

/** Runs kubectl with the given kubeconfig and a private discovery cache; never rejects for a non-zero exit. */
export function runKubectl(kubeconfig: string, cacheDir: string, args: readonly string[], input?: string, env: Record<string, string> = {}): Promise<KubectlResult> {
  return new Promise((resolve) => {
    const child = execFile(KUBECTL, ['--kubeconfig', kubeconfig, '--cache-dir', cacheDir, ...args],
      { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Starts a long-running kubectl (e.g. `get -w`) and collects its output lines. */
export function startKubectl(kubeconfig: string, cacheDir: string, args: readonly string[]): { child: ChildProcess; lines: string[]; stderr: () => string } {
  const child = spawn(KUBECTL, ['--kubeconfig', kubeconfig, '--cache-dir', cacheDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let partial = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    const text = partial + d.toString();
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  return { child, lines, stderr: () => err };
}
