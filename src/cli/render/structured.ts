// `-o json` / `-o yaml`: structured output (Argo's CLI has none: issue #4137).
import { stringify } from 'yaml';

/** Output formats. */
export type StructuredFormat = 'json' | 'yaml';

/** `value` as pretty JSON or YAML, ending with a newline. */
export function renderStructured(value: unknown, format: StructuredFormat): string {
  return format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : stringify(value);
}

/** One JSON document per line (watch streams). */
export function renderJsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
