// `sluice version [--short]` (kubectl argo rollouts version).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '../command.js';
import { boolOption } from '../args.js';
import { renderMessages, type Messages } from '../render/messages.js';

/** The version in the nearest package.json above this file (source and dist layouts alike). */
export function sluiceVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const parsed: unknown = JSON.parse(readFileSync(pkg, 'utf8'));
      const v: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'version') : undefined;
      return typeof v === 'string' ? `v${v}` : 'unknown';
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

/** The version command. */
export const versionCommand: Command<{ short: boolean }, Messages> = {
  name: 'version',
  summary: 'Print the version',
  options: [{ flags: '--short', description: 'print just the version number' }],
  parseArgs: (_pos, opts) => ({ short: boolOption(opts, 'short') }),
  run: async (_ctx, a) => {
    const lines = [`sluice: ${sluiceVersion()}`];
    if (!a.short) lines.push(`  API: argoproj.io/v1alpha1`, `  NodeVersion: ${process.version}`, `  Platform: ${process.platform}/${process.arch}`);
    return { lines };
  },
  render: renderMessages,
};
