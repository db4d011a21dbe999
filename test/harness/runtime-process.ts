// Runs `sluice up` as a separate process (compiled from dist/ or, under tsx, from src/), for tests that
// kill it or need it isolated from the test process.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './fixtures.js';

export interface RuntimeProcess {
  child: ChildProcess;
  url: string;
  kubeconfig: string;
  output: () => string;
  /** Sends a signal and waits for the process to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** The command that starts the CLI, matching how the tests themselves run. */
export function sluiceCommand(): string[] {
  const compiled = fileURLToPath(import.meta.url).endsWith('.js');
  return compiled ? [join(repoRoot(), 'dist', 'src', 'main.js')] : ['--import', 'tsx', join(repoRoot(), 'src', 'main.ts')];
}

/** Starts `sluice up --data-dir <dir> --port 0 …` and waits until it prints its API address. */
export function spawnRuntime(dataDir: string, extraArgs: readonly string[] = [], env: Record<string, string> = {}): Promise<RuntimeProcess> {
  const child = spawn(process.execPath, [...sluiceCommand(), 'up', '--data-dir', dataDir, '--port', '0', '--ingress-port', '0', '--ingress-tls-port', '0', '--metrics-port', '0', '--dashboard-port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env },
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`sluice up did not start:\n${out}`)); }, 60_000);
    const onData = (d: Buffer): void => {
      out += d.toString();
      const m = /Kubernetes API: (https:\/\/\S+)/.exec(out);
      if (!m?.[1]) return;
      clearTimeout(timer);
      resolve({
        child, url: m[1], kubeconfig: join(dataDir, 'kubeconfig'), output: () => out,
        kill: async (signal) => { if (child.exitCode === null && child.signalCode === null) child.kill(signal); await exited; },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`sluice up exited with ${code}:\n${out}`)); });
  });
}
