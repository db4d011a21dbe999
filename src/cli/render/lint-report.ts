// `lint` findings, one per line, compiler style: `file.yaml:23: Rollout "demo": spec.Strategy: unknown field …`.
import type { LintProblem } from '../../rollouts/ops/index.js';
import type { Output } from './output.js';
import { paint } from './color.js';

/** The findings of one file. */
export interface LintResult { file: string; rollouts: number; problems: LintProblem[] }

/** `file:line: object: field: [warning: |note: ]message` */
export function lintLine(file: string, p: LintProblem, color = false): string {
  const where = p.line !== undefined ? `${file}:${p.line}` : file;
  const tag = p.severity === 'warning' ? paint('warning: ', 'yellow', color) : p.severity === 'note' ? 'note: ' : '';
  const field = p.field !== '' ? `${p.field}: ` : '';
  return `${where}: ${p.object}: ${field}${tag}${p.message}`;
}

/** Prints every finding; nothing when the file is clean. */
export function renderLintResult(r: LintResult, out: Output): void {
  for (const p of r.problems) out.out(`${lintLine(r.file, p, out.color)}\n`);
  if (r.rollouts === 0 && r.problems.length === 0) out.err(`note: ${r.file} defines no Rollout\n`);
}

/** The summary error when there are errors (warnings and notes do not fail lint). */
export function lintFailure(r: LintResult): string | undefined {
  const n = r.problems.filter((p) => p.severity === 'error').length;
  return n === 0 ? undefined : `${n} ${n === 1 ? 'error' : 'errors'} in ${r.file}`;
}
