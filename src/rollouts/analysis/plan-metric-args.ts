// `{{args.name}}` templating of metrics (utils/analysis ResolveMetricArgs + utils/template ResolveQuotedArgs):
// the metric is serialised to JSON, every `{{ tag }}` is replaced by the JSON-escaped value of `args.<name>`, and
// the text is decoded again. Every argument must have a value; a tag naming no argument is an error.
import { isJsonObject } from '../../api/meta.js';
import type { Argument, Metric } from '../../api/rollouts-analysis.js';

/** A value, or the error Argo reports. */
export type Resolved<T> = { ok: true; value: T } | { ok: false; error: string };

/** The placeholder Argo substitutes for secret arguments when it only needs to validate (getResolvedMetricsWithoutSecrets). */
export const SECRET_PLACEHOLDER = 'temp-for-secret';

function isMetricShape(v: unknown): v is Metric {
  return isJsonObject(v) && typeof v['name'] === 'string' && isJsonObject(v['provider']);
}

/**
 * Substitutes `{{args.x}}` tags in `template` (whitespace inside the braces is ignored). Values are inserted as they
 * are; `quote` escapes them for a JSON string first. `"up{{ args.x }}"` with x=`"5"` → `"up5"`.
 */
export function resolveArgsInText(template: string, args: readonly Argument[], quote = false): Resolved<string> {
  const values = new Map<string, string>();
  for (const arg of args) {
    if (arg.value === undefined) return { ok: false, error: `argument "${arg.name}" was not supplied` };
    values.set(`args.${arg.name}`, quote ? JSON.stringify(arg.value).slice(1, -1) : arg.value);
  }
  let out = '';
  let unresolved: string | undefined;
  let at = 0;
  for (let open = template.indexOf('{{'); open >= 0; open = template.indexOf('{{', at)) {
    const close = template.indexOf('}}', open + 2);
    if (close < 0) return { ok: false, error: `cannot find end tag="}}" in the template=${JSON.stringify(template)} starting from ${JSON.stringify(template.slice(open))}` };
    const tag = template.slice(open + 2, close);
    const value = values.get(tag.trim());
    if (value === undefined) unresolved = `failed to resolve {{${tag}}}`;
    out += template.slice(at, open) + (value ?? '');
    at = close + 2;
  }
  out += template.slice(at);
  return unresolved !== undefined ? { ok: false, error: unresolved } : { ok: true, value: out };
}

/** The metric with its `{{args.*}}` resolved, as ResolveMetricArgs does (through its JSON form). */
export function resolveMetricArgs(metric: Readonly<Metric>, args: readonly Argument[]): Resolved<Metric> {
  const text = resolveArgsInText(JSON.stringify(metric), args, true);
  if (!text.ok) return text;
  let decoded: unknown;
  try {
    decoded = JSON.parse(text.value);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  return isMetricShape(decoded) ? { ok: true, value: decoded } : { ok: false, error: `metric ${metric.name} is malformed after resolving arguments` };
}

/** Args with every secret reference replaced by a placeholder value (for validation and scheduling). */
export function argsWithoutSecrets(args: readonly Argument[]): Argument[] {
  return args.map((a) => (a.valueFrom?.secretKeyRef !== undefined ? { name: a.name, value: SECRET_PLACEHOLDER } : a));
}

/** Every metric resolved with secrets replaced by placeholders; the first error wins. */
export function resolveMetricsWithoutSecrets(metrics: readonly Metric[], args: readonly Argument[]): Resolved<Metric[]> {
  const safeArgs = argsWithoutSecrets(args);
  const out: Metric[] = [];
  for (const m of metrics) {
    const r = resolveMetricArgs(m, safeArgs);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
}
