// Tables for custom resources: one column per additionalPrinterColumns entry of the served CRD version,
// evaluated with client-go's JSONPath rules; `Name, Age` when the version declares none.
import type { KubeObject } from '../../../api/meta.js';
import { canonicalJson } from '../../../lib/json.js';
import { ageCell } from './human-duration.js';
import { evaluateJsonPath, parseJsonPath, type ParsedJsonPath } from './json-path.js';
import { column, nameCell, nameColumn, type Printer, type TableCell } from './printer.js';

/** apiextensions.k8s.io/v1 CustomResourceColumnDefinition, as found in `spec.versions[].additionalPrinterColumns`. */
export interface CustomResourceColumnDefinition {
  name: string;
  /** `integer`, `number`, `string`, `boolean` or `date`. */
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

/** The column a CRD version gets when it declares none (as the upstream server adds it). */
export const defaultCrdColumns: readonly CustomResourceColumnDefinition[] = [
  { name: 'Age', type: 'date', description: 'Time since the object was created (metadata.creationTimestamp).', jsonPath: '.metadata.creationTimestamp' },
];

/**
 * A printer for one served CRD version. Cells: `integer` truncates numbers, `number`/`boolean` pass
 * their type through, `date` turns an RFC 3339 string into an age (`<invalid>` when unparseable),
 * `string` prints any value as text (objects as compact JSON). A missing value, a value of the wrong type
 * or a failed evaluation gives a null cell, which kubectl prints empty. A path that does not parse
 * makes that column null on every row.
 */
export function crdPrinterFor(columns: readonly CustomResourceColumnDefinition[]): Printer {
  const effective = columns.length > 0 ? columns : defaultCrdColumns;
  const compiled = effective.map((c) => ({ type: c.type, path: parseJsonPath(c.jsonPath) }));
  return {
    columns: [
      nameColumn,
      ...effective.map((c) => column(c.name, c.type, c.description || `Custom resource definition column (in JSONPath format): ${c.jsonPath}`, {
        format: c.format ?? '', priority: c.priority ?? 0,
      })),
    ],
    cells: (obj, nowMs) => [nameCell(obj), ...compiled.map((c) => columnCell(c.type, c.path, obj, nowMs))],
  };
}

function columnCell(type: string, path: ParsedJsonPath, obj: KubeObject, nowMs: number): TableCell {
  if (!path.ok) return null;
  const results = evaluateJsonPath(path.path, obj);
  if (results === undefined || results.length === 0) return null;
  // Only the first match is shown, as upstream does for filters matching several elements.
  const value = results[0];
  return type === 'string' ? textCell(value) : typedCell(type, value, nowMs);
}

/** Text of a value as client-go's jsonpath prints it; a null is the template's `<no value>`. */
export function textCell(value: unknown): string {
  if (value === null || value === undefined) return '<no value>';
  if (typeof value === 'object') return goJson(value);
  return String(value);
}

function typedCell(type: string, value: unknown, nowMs: number): TableCell {
  switch (type) {
    case 'integer': return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number': return typeof value === 'number' ? value : null;
    case 'boolean': return typeof value === 'boolean' ? value : null;
    case 'date': return typeof value === 'string' ? dateCell(value, nowMs) : null;
    default: return null;
  }
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function dateCell(text: string, nowMs: number): string {
  if (text === '' || text === 'null') return '<unknown>';
  return RFC3339.test(text) ? ageCell(text, nowMs) : '<invalid>';
}

/** Go's json.Marshal output: map keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped. */
function goJson(value: object): string {
  return canonicalJson(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
