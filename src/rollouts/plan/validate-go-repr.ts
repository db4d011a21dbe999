// Rendering field errors exactly as Go's field.Error prints them, for the InvalidSpec condition message.
import type { FieldError } from '../../api/field-error.js';

/**
 * A field error as Go's field.Error prints it (`spec.strategy.steps[0].setWeight: Invalid value: 120: SetWeight needs
 * to be between 0 and 100`): strings quoted, numbers bare, string maps as `map[string]string{"k":"v"}`.
 */
export function formatArgoFieldError(e: FieldError): string {
  const detail = e.detail !== undefined && e.detail !== '' ? `: ${e.detail}` : '';
  switch (e.type) {
    case 'Invalid': return e.value === undefined && e.detail?.startsWith('Internal error') === true ? `${e.field}: ${e.detail}` : `${e.field}: Invalid value: ${goValue(e.value)}${detail}`;
    case 'Required': return `${e.field}: Required value${detail}`;
    case 'NotSupported': return `${e.field}: Unsupported value: ${goValue(e.value)}${detail}`;
    case 'Forbidden': return `${e.field}: Forbidden${detail}`;
    case 'Duplicate': return `${e.field}: Duplicate value: ${goValue(e.value)}`;
    default: return `${e.field}: ${e.type}${detail}`;
  }
}

/** A value whose Go `%#v` rendering is given verbatim (structs Go prints with their type name). */
export interface GoRepr { goRepr: string }

/** Go's `%#v` of an intstr.IntOrString: `intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}`. */
export function goIntOrString(v: number | string): GoRepr {
  return { goRepr: typeof v === 'number' ? `intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}` : `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}` };
}

/** Go's `%#v` of a metav1.LabelSelector. */
export function goLabelSelector(sel: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] }): GoRepr {
  const labels = sel.matchLabels === undefined ? 'map[string]string(nil)' : goValue(sel.matchLabels);
  const exprs = sel.matchExpressions === undefined ? '[]v1.LabelSelectorRequirement(nil)' : `[]v1.LabelSelectorRequirement{${sel.matchExpressions.length} items}`;
  return { goRepr: `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}` };
}

/** A value as Go's field.Error renders it: strings quoted, numbers bare, string maps and known structs as `%#v`. */
export function goValue(v: unknown): string {
  if (typeof v === 'object' && v !== null && 'goRepr' in v && typeof v.goRepr === 'string') return v.goRepr;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string')) {
    const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[string]string{${entries.map(([k, x]) => `${JSON.stringify(k)}:${JSON.stringify(x)}`).join(', ')}}`;
  }
  return JSON.stringify(v);
}
