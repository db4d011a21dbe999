// How the kubelet runs the built-in demo: `node <entry>` where the entry is dist/src/demo/main.js when
// this code runs compiled, or src/demo/main.ts under tsx — then the parent's loader flags (--import tsx)
// are passed on, resolved to absolute paths because the container's working directory is elsewhere.
import { fileURLToPath } from 'node:url';

/** The demo entry matching how this module runs: …/demo/main.ts from source, …/demo/main.js compiled. */
export function defaultDemoEntry(): string {
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return fileURLToPath(new URL(`../../demo/main.${ext}`, import.meta.url));
}

const LOADER_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

function absolute(specifier: string): string {
  if (specifier.startsWith('file:') || specifier.startsWith('/')) return specifier;
  try {
    return import.meta.resolve(specifier);
  } catch {
    return specifier;
  }
}

/** Loader flags of `execArgv` (`--import tsx`, `--require x`, `--import=x`), with specifiers made absolute. */
export function loaderArgs(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] ?? '';
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!LOADER_FLAGS.has(flag)) continue;
    const value = eq > 0 ? arg.slice(eq + 1) : execArgv[++i];
    if (value !== undefined) out.push(flag === '-r' ? '--require' : flag, absolute(value));
  }
  return out;
}

/** argv that runs the demo entry with this Node.js; a .ts entry gets the tsx loader if the parent had none. */
export function demoArgv(entry: string, execArgv: readonly string[] = process.execArgv): string[] {
  if (!entry.endsWith('.ts')) return [process.execPath, entry];
  const loaders = loaderArgs(execArgv);
  return [process.execPath, ...(loaders.length > 0 ? loaders : ['--import', absolute('tsx')]), entry];
}
