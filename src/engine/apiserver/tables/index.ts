// Public surface of the Table printers used by the API server for `kubectl get`.
export { buildTable, type BuildTableOptions, type PartialObjectMetadata, type Table, type TableRow } from './table.js';
export type { Printer, TableCell, TableColumnDefinition, TableRowCondition } from './printer.js';
export { printerFor } from './printers.js';
export { createdAtPrinter, genericPrinter } from './default-printers.js';
export { crdPrinterFor, defaultCrdColumns, type CustomResourceColumnDefinition } from './custom-resource-printer.js';
export { ageCell, humanDuration } from './human-duration.js';
