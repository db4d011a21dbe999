// meta.k8s.io/v1 Table: what `kubectl get` asks for with `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`.
import type { KubeObject, ListMeta, ObjectMeta } from '../../../api/meta.js';
import { genericPrinter } from './default-printers.js';
import type { Printer, TableCell, TableColumnDefinition, TableRowCondition } from './printer.js';
import { printerFor } from './printers.js';

export type { Printer, TableCell, TableColumnDefinition, TableRowCondition } from './printer.js';

/** The object carried by a row: only its metadata, with the kind/apiVersion kubectl needs to decode it. */
export type PartialObjectMetadata = {
  kind: 'PartialObjectMetadata';
  apiVersion: 'meta.k8s.io/v1';
  metadata: ObjectMeta;
};

/** One row; `object` supplies NAMESPACE for `-A` and LABELS for `--show-labels`. */
export type TableRow = {
  cells: TableCell[];
  object: PartialObjectMetadata;
  conditions?: TableRowCondition[];
};

/** meta.k8s.io/v1 Table. `columnDefinitions` is absent in watch events after the first. */
export type Table = {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: ListMeta;
  columnDefinitions?: TableColumnDefinition[];
  rows: TableRow[];
};

/** How to build a Table. */
export interface BuildTableOptions {
  /** The list's (or the single object's) resourceVersion; kubectl starts `get -w` from it. */
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
  /** Leave out columnDefinitions: watch events after the first (kubectl reuses the list's header). */
  omitColumnDefinitions?: boolean;
  /** The printer to use instead of the built-in one, e.g. `crdPrinterFor(...)` for a custom resource. */
  printer?: Printer;
}

/**
 * Builds the Table for `objects` of `resourceKey` (`pods`, `apps/deployments`, `argoproj.io/rollouts`):
 * `opts.printer`, else the built-in printer, else Name/Age. Rows keep the order of `objects`, and every
 * row carries all cells, `-o wide` ones included: kubectl hides priority-1 columns itself.
 */
export function buildTable(resourceKey: string, objects: readonly KubeObject[], nowMs: number, opts: BuildTableOptions = {}): Table {
  const printer = opts.printer ?? printerFor(resourceKey) ?? genericPrinter;
  const table: Table = {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta(opts),
    rows: objects.map((obj) => tableRow(printer, obj, nowMs)),
  };
  if (opts.omitColumnDefinitions !== true) table.columnDefinitions = printer.columns.map((c) => ({ ...c }));
  return table;
}

function tableRow(printer: Printer, obj: KubeObject, nowMs: number): TableRow {
  const row: TableRow = {
    cells: printer.cells(obj, nowMs),
    object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata },
  };
  const conditions = printer.conditions?.(obj);
  if (conditions !== undefined) row.conditions = conditions;
  return row;
}

function listMeta(opts: BuildTableOptions): ListMeta {
  const meta: ListMeta = {};
  if (opts.resourceVersion !== undefined) meta.resourceVersion = opts.resourceVersion;
  if (opts.continue !== undefined) meta.continue = opts.continue;
  if (opts.remainingItemCount !== undefined) meta.remainingItemCount = opts.remainingItemCount;
  return meta;
}
