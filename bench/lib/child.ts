// Starts a bench server in a child process (so load generation does not share its event loop) and waits
// for the JSON line it prints with its address.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildServer<T> {
  info: T;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Spawns `node <script> <args>` and resolves with the first JSON line it prints on stdout. */
export function startChild<T>(script: string, args: readonly string[]): Promise<ChildServer<T>> {
  const child = spawn(process.execPath, [...process.execArgv, script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line === undefined) return;
      child.stdout.removeAllListeners('data');
      resolve({
        info: JSON.parse(line) as T, child,
        stop: () => new Promise((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); }),
      });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}: ${out}`)));
  });
}
