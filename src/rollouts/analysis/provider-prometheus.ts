// The `prometheus` metric provider (metricproviders/prometheus): an instant query (or a range query whose `start`
// and `end` are expressions such as `now() - duration("5m")`) against `address` or ARGO_ROLLOUTS_PROMETHEUS_ADDRESS,
// with custom headers and basic auth; the resolved query is recorded in the metric's metadata.
import type { AnalysisRun, Measurement, Metric, PrometheusMetric } from '../../api/rollouts-analysis.js';
import { ROLLOUT_DEFAULTS } from '../../api/rollouts-constants.js';
import { systemClock, type Clock } from '../../lib/clock.js';
import { parseGoDurationMs } from '../plan/pause-duration.js';
import { evalTime } from './evaluate-condition.js';
import { formatGoFloat } from './go-format.js';
import { httpRequest, type HttpCall } from './http-request.js';
import type { MetricProvider } from './metric-provider.js';
import { errorMeasurement, judgeValue } from './provider-measurement.js';
import { readPrometheusAnswer } from './prometheus-response.js';

/** The environment variable naming the default Prometheus address. */
export const PROMETHEUS_ADDRESS_ENV = 'ARGO_ROLLOUTS_PROMETHEUS_ADDRESS';
/** Key of the resolved query in the metric result's metadata. */
export const RESOLVED_QUERY_KEY = 'ResolvedPrometheusQuery';

type Built = { ok: true; call: HttpCall } | { ok: false; error: string };

function isUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol !== '' && u.host !== '';
  } catch {
    return false;
  }
}

function addressOf(prom: Readonly<PrometheusMetric>, env: Readonly<Record<string, string | undefined>>): { ok: true; url: string } | { ok: false; error: string } {
  const address = prom.address !== undefined && prom.address !== '' ? prom.address : env[PROMETHEUS_ADDRESS_ENV] ?? '';
  if (address === '') return { ok: false, error: 'prometheus address is not configured' };
  if (!isUrl(address)) return { ok: false, error: 'prometheus address is not is url format' };
  return { ok: true, url: address.replace(/\/+$/, '') };
}

function headersOf(prom: Readonly<PrometheusMetric>): { ok: true; headers: Record<string, string> } | { ok: false; error: string } {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  for (const h of prom.headers ?? []) headers[h.key] = h.value;
  const auth = prom.authentication;
  const basic = auth?.basicAuth;
  if ((basic?.username ?? '') !== '' || (basic?.password ?? '') !== '') {
    if ((basic?.username ?? '') === '') return { ok: false, error: 'missing mandatory parameter in metric for basic auth setup: username' };
    if ((basic?.password ?? '') === '') return { ok: false, error: 'missing mandatory parameter in metric for basic auth setup: password' };
    headers['Authorization'] = `Basic ${Buffer.from(`${basic?.username ?? ''}:${basic?.password ?? ''}`).toString('base64')}`;
  }
  if ((auth?.oauth2?.tokenUrl ?? '') !== '') return { ok: false, error: 'oauth2 authentication is not supported by Sluice\'s prometheus provider' };
  if (auth?.sigv4 !== undefined && (prom.address ?? '').includes('aps-workspaces')) return { ok: false, error: 'sigv4 authentication is not supported by Sluice\'s prometheus provider' };
  return { ok: true, headers };
}

function formOf(prom: Readonly<PrometheusMetric>, nowMs: number): { ok: true; path: string; form: URLSearchParams } | { ok: false; error: string } {
  const query = prom.query ?? '';
  if (prom.rangeQuery === undefined) return { ok: true, path: '/api/v1/query', form: new URLSearchParams({ query, time: formatGoFloat(nowMs / 1000) }) };
  const start = evalTime(prom.rangeQuery.start ?? '', nowMs);
  if (!start.ok) return { ok: false, error: `failed to parse rangeQuery.start as time: ${start.error}` };
  const end = evalTime(prom.rangeQuery.end ?? '', nowMs);
  if (!end.ok) return { ok: false, error: `failed to parse rangeQuery.end as time: ${end.error}` };
  const stepMs = parseGoDurationMs(prom.rangeQuery.step ?? '');
  if (stepMs === undefined) return { ok: false, error: `failed to parse rangeQuery.step as duration: time: invalid duration ${JSON.stringify(prom.rangeQuery.step ?? '')}` };
  const form = new URLSearchParams({ query, start: formatGoFloat(start.ms / 1000), end: formatGoFloat(end.ms / 1000), step: formatGoFloat(stepMs / 1000) });
  return { ok: true, path: '/api/v1/query_range', form };
}

/** The HTTP request for one measurement, or the spec error Argo reports. */
export function prometheusRequestOf(prom: Readonly<PrometheusMetric>, env: Readonly<Record<string, string | undefined>>, nowMs: number, signal: AbortSignal): Built {
  if (prom.timeout !== undefined && prom.timeout < 0) return { ok: false, error: 'prometheus timeout should not be negative' };
  const address = addressOf(prom, env);
  if (!address.ok) return address;
  const headers = headersOf(prom);
  if (!headers.ok) return headers;
  const form = formOf(prom, nowMs);
  if (!form.ok) return form;
  // Argo's default when unset; a 0 timeout would fail every query at once, so it also means the default here.
  const seconds = prom.timeout !== undefined && prom.timeout > 0 ? prom.timeout : ROLLOUT_DEFAULTS.prometheusTimeoutSeconds;
  const call: HttpCall = {
    method: 'POST', url: `${address.url}${form.path}`, headers: headers.headers, body: form.form.toString(),
    timeoutMs: seconds * 1000, insecure: prom.insecure === true, signal,
  };
  return { ok: true, call };
}

/** Options of the Prometheus provider. */
export interface PrometheusProviderOptions {
  clock?: Clock;
  /** Where ARGO_ROLLOUTS_PROMETHEUS_ADDRESS is read (default: process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The Prometheus provider. */
export class PrometheusProvider implements MetricProvider {
  readonly type = 'Prometheus';
  private readonly clock: Clock;
  private readonly env: Readonly<Record<string, string | undefined>>;

  constructor(opts: PrometheusProviderOptions = {}) {
    this.clock = opts.clock ?? systemClock;
    this.env = opts.env ?? process.env;
  }

  metadata(metric: Readonly<Metric>): Record<string, string> | undefined {
    const q = metric.provider.prometheus?.query ?? '';
    return q !== '' ? { [RESOLVED_QUERY_KEY]: q } : undefined;
  }

  async run(metric: Readonly<Metric>, _run: Readonly<AnalysisRun>, signal: AbortSignal): Promise<Measurement> {
    const startedAtMs = this.clock.now();
    const prom = metric.provider.prometheus;
    if (prom === undefined) return errorMeasurement(startedAtMs, startedAtMs, 'prometheus provider not configured');
    const req = prometheusRequestOf(prom, this.env, startedAtMs, signal);
    if (!req.ok) return errorMeasurement(startedAtMs, this.clock.now(), req.error);
    let answer;
    try {
      const reply = await httpRequest(req.call);
      answer = readPrometheusAnswer(reply.status, reply.body);
    } catch (e) {
      return errorMeasurement(startedAtMs, this.clock.now(), e instanceof Error ? e.message : String(e));
    }
    if (!answer.ok) return errorMeasurement(startedAtMs, this.clock.now(), answer.error);
    const m = judgeValue(metric, answer.value, answer.text, startedAtMs, this.clock.now());
    if (answer.warnings.length > 0) m.metadata = { ...m.metadata, warnings: answer.warnings.map((w) => `"${w}"`).join(', ') };
    return m;
  }
}
