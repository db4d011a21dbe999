// Reading a Prometheus HTTP API answer (/api/v1/query, /api/v1/query_range) as Argo's provider does: a scalar is a
// number, a vector or matrix is a flat number[] (every sample of every series), shown in status as Go prints
// sample values (`0.5`, `[0.01,0.02]`, `NaN`, `+Inf`); errors are `<errorType>: <error>` as client_golang words them.
import { isJsonObject } from '../../api/meta.js';
import { tryParseJson } from '../../lib/json.js';
import { formatGoFloat } from './go-format.js';

/** A query's value and its text, warnings, or the error. */
export type PromValue =
  | { ok: true; value: number | number[]; text: string; warnings: string[] }
  | { ok: false; error: string };

/** A sample value as Prometheus sends it ("1.5", "NaN", "+Inf", "-Inf"). */
export function parseSampleValue(s: unknown): number {
  if (s === '+Inf' || s === 'Inf') return Infinity;
  if (s === '-Inf') return -Infinity;
  return typeof s === 'string' ? Number(s) : Number.NaN;
}

function sampleOf(pair: unknown): number {
  return Array.isArray(pair) ? parseSampleValue(pair[1]) : Number.NaN;
}

function flatten(resultType: string, result: unknown): number[] | undefined {
  if (!Array.isArray(result)) return undefined;
  if (resultType === 'vector') return result.filter(isJsonObject).map((s) => sampleOf(s['value']));
  return result.filter(isJsonObject).flatMap((s) => (Array.isArray(s['values']) ? s['values'].map(sampleOf) : []));
}

function errorOf(status: number, body: unknown, raw: string): string {
  if (isJsonObject(body) && typeof body['error'] === 'string') return `${String(body['errorType'] ?? 'error')}: ${body['error']}`;
  const kind = status >= 500 ? 'server' : 'client';
  return `${kind}_error: ${kind} error: ${status}${raw !== '' ? ` ${raw.slice(0, 200)}` : ''}`;
}

/**
 * The value of an answer. `{"status":"success","data":{"resultType":"vector","result":[{"value":[1,"0.02"]}]}}`
 * → `[0.02]`, text "[0.02]".
 */
export function readPrometheusAnswer(status: number, raw: string): PromValue {
  const parsed = tryParseJson(raw);
  const body = parsed.ok ? parsed.value : undefined;
  const ok = status >= 200 && status < 300 && isJsonObject(body) && body['status'] === 'success';
  if (!ok) return { ok: false, error: errorOf(status, body, parsed.ok ? '' : raw) };
  const data = body['data'];
  const warnings = Array.isArray(body['warnings']) ? body['warnings'].map(String) : [];
  if (!isJsonObject(data)) return { ok: false, error: 'bad_response: no data in the answer' };
  const type = String(data['resultType'] ?? '');
  if (type === 'scalar') {
    const v = sampleOf(data['result']);
    return { ok: true, value: v, text: formatGoFloat(v), warnings };
  }
  if (type !== 'vector' && type !== 'matrix') return { ok: false, error: 'Prometheus metric type not supported' };
  const values = flatten(type, data['result']);
  if (values === undefined) return { ok: false, error: 'bad_response: malformed result' };
  return { ok: true, value: values, text: `[${values.map(formatGoFloat).join(',')}]`, warnings };
}
