// Kubernetes JSONPath templates as the web provider uses them (`{$.data.ok}`, `{.items[0].value}`, default `{$}`),
// evaluated with jsonpath-plus in its safe mode (filter expressions never run as JavaScript). Like Argo, the first
// value the template produces is the measurement's value.
import { JSONPath } from 'jsonpath-plus';

/** The value at a template, or why there is none (worded as Argo's web provider reports it). */
export type PathValue = { ok: true; value: unknown } | { ok: false; error: string };

/** A Kubernetes JSONPath expression (inside the braces) as a jsonpath-plus path: `.a.b` → `$.a.b`. */
export function toJsonPathPlus(expr: string): string {
  const e = expr.trim();
  if (e.startsWith('$')) return e;
  if (e.startsWith('.') || e.startsWith('[')) return `$${e}`;
  return `$.${e}`;
}

/** The first value a Kubernetes JSONPath template yields from `doc`. `{$.data.ok}` over `{data: {ok: true}}` → true. */
export function firstJsonPathValue(template: string | undefined, doc: unknown): PathValue {
  const t = template === undefined || template === '' ? '{$}' : template;
  const open = t.indexOf('{');
  // Text before the first action is the first result of a template (k8s TextNode).
  if (open < 0) return t === '' ? { ok: false, error: 'result of web metric produced no value' } : { ok: true, value: t };
  if (open > 0) return { ok: true, value: t.slice(0, open) };
  const close = t.indexOf('}', open);
  if (close < 0) return { ok: false, error: `Could not find JSONPath in body: unclosed action in ${JSON.stringify(t)}` };
  const inner = t.slice(open + 1, close);
  if (toJsonPathPlus(inner) === '$') return { ok: true, value: doc === undefined ? null : doc };
  let found: unknown;
  try {
    found = JSONPath({ path: toJsonPathPlus(inner), json: jsonRoot(doc), wrap: true, eval: 'safe' });
  } catch (e) {
    return { ok: false, error: `Could not find JSONPath in body: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!Array.isArray(found) || found.length === 0) return { ok: false, error: `Could not find JSONPath in body: ${inner.trim()} is not found` };
  return { ok: true, value: found[0] };
}

// jsonpath-plus wants an object or array at the root; scalars are wrapped and unwrapped around `$`.
function jsonRoot(doc: unknown): null | boolean | number | string | object | unknown[] {
  if (doc === undefined) return null;
  if (typeof doc === 'object' || typeof doc === 'string' || typeof doc === 'number' || typeof doc === 'boolean') return doc;
  return null;
}
