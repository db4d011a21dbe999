// Go's text forms of values that end up in AnalysisRun status: `strconv.FormatFloat(f, 'f', -1, 64)` (Prometheus
// sample values) and `encoding/json.Marshal` (web metric values: sorted map keys, HTML characters escaped).

/**
 * A float as Go's `FormatFloat(f, 'f', -1, 64)` writes it: the shortest digits that read back exactly, never in
 * exponent form. `0.1` → "0.1", `1e21` → "1000000000000000000000", `1e-7` → "0.0000001", `NaN` → "NaN",
 * `Infinity` → "+Inf", `-0` → "-0".
 */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (Object.is(f, -0)) return '-0';
  const s = String(f);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (m === null) return s;
  const [, sign = '', lead = '', frac = '', expText = '0'] = m;
  const digits = lead + frac;
  const point = 1 + Number(expText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * JSON as Go's `json.Marshal` writes a decoded value: object keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped.
 * `{b: 1, a: "<x>"}` → `{"a":"\u003cx\u003e","b":1}`.
 */
export function goJsonMarshal(v: unknown): string {
  return (JSON.stringify(sortKeys(v)) ?? 'null')
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    Object.defineProperty(out, k, { value: sortKeys(x), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
