// `list rollouts` as Argo prints it (cmd/list/rollloutinfo.go): fixed minimum widths per column, then tab-aligned.
import type { RolloutListRow } from '../../rollouts/ops/index.js';
import { alignTabs } from './tab-writer.js';

const HEADER = 'NAME\tSTRATEGY\tSTATUS\tSTEP\tSET-WEIGHT\tREADY\tDESIRED\tUP-TO-DATE\tAVAILABLE';

/** A row's cells padded to Argo's minimum widths (`%-10s\t%-9s\t…`); `timestamp` and `namespace` columns optional. */
export function rowText(row: RolloutListRow, opts: { namespace: boolean; timestamp?: string }): string {
  const cells = [
    row.name.padEnd(10), row.strategy.padEnd(9), row.status.padEnd(12), row.step.padEnd(4), row.setWeight.padEnd(10),
    row.ready.padEnd(5), String(row.desired).padEnd(7), String(row.upToDate).padEnd(10), String(row.available).padEnd(9),
  ];
  if (opts.namespace) cells.unshift(row.namespace.padEnd(9));
  if (opts.timestamp !== undefined) cells.unshift(opts.timestamp.padEnd(20));
  return cells.join('\t');
}

/** The table: header and rows aligned together. */
export function renderRolloutTable(rows: readonly RolloutListRow[], opts: { namespace: boolean; timestamp?: string; header: boolean }): string {
  const header = `${opts.timestamp !== undefined ? 'TIMESTAMP\t' : ''}${opts.namespace ? 'NAMESPACE\t' : ''}${HEADER}`;
  const lines = [...(opts.header ? [header] : []), ...rows.map((r) => rowText(r, opts))];
  return lines.length === 0 ? '' : alignTabs(lines).join('\n') + '\n';
}
