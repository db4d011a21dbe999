// Runs a kubelet in a child process (compiled from dist/ or, under tsx, from test/), so a test can kill it
// with SIGKILL as a crashed runtime would be.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A kubelet running in a child process. */
export interface KubeletProcess {
  child: ChildProcess;
  output: () => string;
  /** Sends a signal and waits for the process to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts the kubelet child against `kubeconfig` and waits until it reports ready. */
export function spawnKubelet(kubeconfig: string, dataDir: string, firstPodIP?: string): Promise<KubeletProcess> {
  const self = fileURLToPath(import.meta.url);
  const compiled = self.endsWith('.js');
  const entry = self.replace(/kubelet-process\.(ts|js)$/, `kubelet-main.${compiled ? 'js' : 'ts'}`);
  const child = spawn(process.execPath, [...(compiled ? [] : ['--import', 'tsx']), entry, kubeconfig, dataDir, ...(firstPodIP !== undefined ? [firstPodIP] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`kubelet did not start:\n${out}`)); }, 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('kubelet ready')) return;
      clearTimeout(timer);
      resolve({
        child, output: () => out,
        kill: async (signal) => { if (child.exitCode === null && child.signalCode === null) child.kill(signal); await exited; },
      });
    });
    child.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`kubelet exited with ${code}:\n${out}`)); });
  });
}
