// Cell formats shared by several printers: label selectors, label maps and container lists, written the
// way apimachinery's labels package and the upstream printers write them.
import type { LabelSelector } from '../../../api/label-selector.js';
import type { Container } from '../../../api/core-v1.js';

/**
 * A structured selector in apimachinery's string form, or `undefined` when it is invalid (In/NotIn
 * without values, Exists/DoesNotExist with values, unknown operator). Requirements are sorted by key;
 * matchLabels print `key=value`, matchExpressions `key in (a,b)` / `key notin (a)` / `key` / `!key`,
 * values sorted. Example: `{matchLabels: {app: 'demo'}, matchExpressions: [{key: 'tier', operator: 'In',
 * values: ['web']}]}` → `app=demo,tier in (web)`.
 */
export function selectorString(sel: Readonly<LabelSelector> | undefined): string | undefined {
  if (sel === undefined) return '';
  const parts: [key: string, text: string][] = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => [k, `${k}=${v}`]);
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort();
    const needsValues = e.operator === 'In' || e.operator === 'NotIn';
    if (needsValues !== values.length > 0) return undefined;
    switch (e.operator) {
      case 'In': parts.push([e.key, `${e.key} in (${values.join(',')})`]); break;
      case 'NotIn': parts.push([e.key, `${e.key} notin (${values.join(',')})`]); break;
      case 'Exists': parts.push([e.key, e.key]); break;
      case 'DoesNotExist': parts.push([e.key, `!${e.key}`]); break;
      default: return undefined;
    }
  }
  return parts.sort((a, b) => compareStrings(a[0], b[0])).map(([, text]) => text).join(',');
}

/** metav1.FormatLabelSelector: the string form, `<none>` when it selects everything or nothing, `<error>` when invalid. */
export function formatLabelSelector(sel: Readonly<LabelSelector> | undefined): string {
  const s = selectorString(sel);
  return s === undefined ? '<error>' : s === '' ? '<none>' : s;
}

/** labels.FormatLabels: `key=value` pairs sorted as strings and joined by commas, or `<none>`. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`).sort(compareStrings);
  return pairs.length === 0 ? '<none>' : pairs.join(',');
}

/** The Containers and Images cells: names and images joined by commas, in template order. */
export function containerCells(containers: readonly Readonly<Container>[]): [names: string, images: string] {
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image ?? '').join(',')];
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
