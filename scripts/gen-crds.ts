// Writes the argoproj.io/v1alpha1 CustomResourceDefinitions generated from src/api/rollouts-schema to deploy/crds/.
// Usage: node --import tsx scripts/gen-crds.ts [--check]
//   --check  writes nothing; exits 1 (listing the files) when deploy/crds differs from what the schemas generate.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CRD_DIR, crdFiles } from '../src/api/rollouts-schema/crd-files.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, CRD_DIR);
const check = process.argv.includes('--check');
const files = crdFiles();
const wanted = new Set(files.map((f) => f.name));

const stale = [
  ...files.filter((f) => !existsSync(join(dir, f.name)) || readFileSync(join(dir, f.name), 'utf8') !== f.text).map((f) => f.name),
  ...(existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.yaml') && !wanted.has(n)) : []),
];

if (check) {
  if (stale.length > 0) {
    process.stderr.write(`${CRD_DIR} is out of date (${stale.join(', ')}): run node --import tsx scripts/gen-crds.ts\n`);
    process.exit(1);
  }
  process.stdout.write(`${CRD_DIR} is up to date\n`);
} else {
  mkdirSync(dir, { recursive: true });
  for (const name of stale) {
    if (!wanted.has(name)) rmSync(join(dir, name));
  }
  for (const f of files) {
    writeFileSync(join(dir, f.name), f.text);
    const bytes = Buffer.byteLength(f.text);
    process.stdout.write(`wrote ${CRD_DIR}/${f.name} (${Math.round(bytes / 1024)} KiB)\n`);
  }
}
