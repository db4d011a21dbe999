// The printer contract: the columns of one resource's Table and how one object becomes one row.
import type { KubeObject } from '../../../api/meta.js';
import { ageCell } from './human-duration.js';

/** meta.k8s.io/v1 TableColumnDefinition. `type` is an OpenAPI type (`string`, `integer`, `date`, …). */
export interface TableColumnDefinition {
  name: string;
  type: string;
  /** `name` marks the column holding the object's name; `''` otherwise. */
  format: string;
  description: string;
  /** 0 = always shown; 1 = shown only with `-o wide`. */
  priority: number;
}

/** One cell as it goes on the wire; kubectl prints `null` as an empty cell. */
export type TableCell = string | number | boolean | null;

/** meta.k8s.io/v1 TableRowCondition; only `Completed` exists (set on finished pods). */
export interface TableRowCondition {
  type: 'Completed';
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

/** Turns objects of one resource into Table rows. Pure: time is the `nowMs` argument. */
export interface Printer {
  readonly columns: readonly TableColumnDefinition[];
  /** One cell per column, wide (priority 1) columns included: the server always sends them all. */
  cells(obj: KubeObject, nowMs: number): TableCell[];
  /** Row conditions, when the resource has any. */
  conditions?(obj: KubeObject): TableRowCondition[] | undefined;
}

/** Builds a column definition; `format` defaults to `''` and `priority` to 0. */
export function column(name: string, type: string, description: string, opts: { format?: string; priority?: number } = {}): TableColumnDefinition {
  return { name, type, format: opts.format ?? '', description, priority: opts.priority ?? 0 };
}

/** The Name column every printer starts with. */
export const nameColumn = column('Name', 'string', 'Name of the object, unique within its namespace.', { format: 'name' });

/** The Age column: a string cell such as `5m`, computed from `metadata.creationTimestamp`. */
export const ageColumn = column('Age', 'string', 'Time since the object was created (metadata.creationTimestamp).');

/** The three `-o wide` columns of workload kinds: Containers, Images, Selector. */
export const templateColumns = [
  column('Containers', 'string', 'Container names from the pod template.', { priority: 1 }),
  column('Images', 'string', 'Container images from the pod template.', { priority: 1 }),
  column('Selector', 'string', 'Label selector of the pods this object manages.', { priority: 1 }),
] as const;

/** The object's name cell (`''` when unnamed). */
export function nameCell(obj: KubeObject): string {
  return obj.metadata.name ?? '';
}

/** The object's Age cell. */
export function objectAge(obj: KubeObject, nowMs: number): string {
  return ageCell(obj.metadata.creationTimestamp, nowMs);
}

/**
 * A printer for one kind: `isKind` narrows the object, `cells` formats it. An object that fails the check
 * (never expected: the registry picks the printer by resource) still gets a row: its name, its age in the
 * Age column, and empty cells elsewhere, rather than a failed `kubectl get`.
 */
export function kindPrinter<T extends KubeObject>(
  columns: readonly TableColumnDefinition[],
  isKind: (obj: KubeObject) => obj is T,
  cells: (obj: T, nowMs: number) => TableCell[],
  conditions?: (obj: T) => TableRowCondition[] | undefined,
): Printer {
  const printer: Printer = {
    columns,
    cells: (obj, nowMs) => (isKind(obj) ? cells(obj, nowMs) : placeholderCells(columns, obj, nowMs)),
  };
  if (conditions !== undefined) printer.conditions = (obj) => (isKind(obj) ? conditions(obj) : undefined);
  return printer;
}

function placeholderCells(columns: readonly TableColumnDefinition[], obj: KubeObject, nowMs: number): TableCell[] {
  return columns.map((c) => (c.format === 'name' ? nameCell(obj) : c.name === 'Age' ? objectAge(obj, nowMs) : null));
}
