// Enforces the dependency rule of docs/design.md by reading every import in src/.
//   api, lib: import nothing of ours (api may import api; lib may import lib)
//   control: api, lib, control
//   engine: api, lib, control, engine — never rollouts, cli, dashboard
//   rollouts, cli, dashboard: api, lib, control and themselves — never engine
//   plan folders and *-plan.ts files: only api and lib (plus their own folder)
// Only the composition roots (src/main.ts, src/engine/server.ts) may wire across.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// Runs from test/ (tsx) or dist/test/ (compiled): walk up to the directory holding package.json.
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the test');
    dir = up;
  }
  return dir;
}
const root = repoRoot();
const src = join(root, 'src');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const ALLOWED: Record<string, readonly string[]> = {
  api: ['api'],
  lib: ['lib'],
  control: ['api', 'lib', 'control'],
  engine: ['api', 'lib', 'control', 'engine'],
  rollouts: ['api', 'lib', 'control', 'rollouts'],
  cli: ['api', 'lib', 'control', 'rollouts', 'cli'],
  dashboard: ['api', 'lib', 'control', 'rollouts', 'dashboard'],
  demo: ['lib', 'demo'],
};
const ROOTS = new Set(['main.ts', join('engine', 'server.ts')]);

function layerOf(file: string): string {
  return relative(src, file).split(sep)[0] ?? '';
}

function isPlanFile(rel: string): boolean {
  return rel.split(sep).includes('plan') || /-plan\.ts$/.test(rel) || /(^|[\\/])plan-[^\\/]+\.ts$/.test(rel);
}

test('src/ imports follow the dependency rule', () => {
  const violations: string[] = [];
  for (const file of walk(src)) {
    const rel = relative(src, file);
    if (ROOTS.has(rel) || rel.endsWith('.test.ts')) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
      const target = resolve(dirname(file), m[1] ?? '');
      const targetLayer = layerOf(target);
      const own = layerOf(file);
      const allowed = ALLOWED[own] ?? [];
      if (!allowed.includes(targetLayer)) violations.push(`${rel} imports ${relative(src, target)} (${own} may import ${allowed.join(', ')})`);
      if (isPlanFile(rel) && !['api', 'lib'].includes(targetLayer) && dirname(target) !== dirname(file) && !isPlanFile(relative(src, target))) {
        violations.push(`${rel} is a plan file and imports ${relative(src, target)} (plans import only api/ and lib/)`);
      }
    }
  }
  assert.deepEqual(violations, []);
});
