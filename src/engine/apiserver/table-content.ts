// Adapts a printer's Table to the registry's TableContent.
import type { TableContent } from './registry/resource-def.js';
import type { Table } from './tables/index.js';

/** Columns and rows of a Table. */
export function tableContent(t: Table): TableContent {
  return { columnDefinitions: t.columnDefinitions ?? [], rows: t.rows };
}
