// `sluice lint -f FILE` (kubectl argo rollouts lint), offline: strict fields, validateRollout, and references to
// the Services, Ingresses and AnalysisTemplates of the same file. Prints every problem (Argo prints only the first).
import { readFile } from 'node:fs/promises';
import type { Command } from '../command.js';
import { stringOption } from '../args.js';
import { CliError } from '../cli-error.js';
import { lintManifests } from '../../rollouts/ops/index.js';
import { lintFailure, renderLintResult, type LintResult } from '../render/lint-report.js';

/** Reads a manifest file or `-` (stdin is not supported: the path is needed in messages). */
export async function readManifest(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code: unknown = typeof e === 'object' && e !== null ? Reflect.get(e, 'code') : undefined;
    throw new CliError(code === 'ENOENT' ? `cannot read ${file}: no such file` : `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The lint command. */
export const lintCommand: Command<{ file: string }, LintResult> = {
  name: 'lint',
  summary: 'Lint and validate the Rollouts of a file (offline): unknown fields, invalid values, references',
  options: [{ flags: '-f, --filename <FILE>', description: 'file to lint' }],
  parseArgs(_pos, opts) {
    const file = stringOption(opts, 'filename');
    if (file === undefined || file === '') throw new CliError('lint needs a file: sluice lint -f FILE');
    return { file };
  },
  async run(_ctx, a) {
    const report = await lintManifests(await readManifest(a.file));
    return { file: a.file, ...report };
  },
  render: renderLintResult,
  failure: lintFailure,
};
