// Printers for resources without a kind-specific one.
import { parseTime, rfc3339 } from '../../../lib/clock.js';
import { crdPrinterFor } from './custom-resource-printer.js';
import { column, nameCell, nameColumn, type Printer } from './printer.js';

/** Name and Age: what a custom resource without printer columns shows, and Sluice's fallback for anything unknown. */
export const genericPrinter: Printer = crdPrinterFor([]);

/**
 * The upstream server's default table: Name and `Created At`, the creation time in RFC 3339 UTC
 * (`2025-01-01T00:00:00Z`; the zero time `0001-01-01T00:00:00Z` when unset). `kubectl get crd` shows this.
 */
export const createdAtPrinter: Printer = {
  columns: [nameColumn, column('Created At', 'date', 'Time the object was created (metadata.creationTimestamp).')],
  cells: (obj) => {
    const ms = parseTime(obj.metadata.creationTimestamp);
    return [nameCell(obj), Number.isNaN(ms) ? '0001-01-01T00:00:00Z' : rfc3339(ms)];
  },
};
