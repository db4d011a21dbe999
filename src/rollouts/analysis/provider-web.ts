// The `web` metric provider (metricproviders/webmetric): one HTTP request per measurement. A non-2xx answer is an
// Error; a JSON body is read at `jsonPath` (default `{$}`) and judged as a typed value, shown in status as Go's
// json.Marshal writes it; any other body is judged as a string.
import type { AnalysisRun, Measurement, Metric, WebMetric } from '../../api/rollouts-analysis.js';
import { ROLLOUT_DEFAULTS } from '../../api/rollouts-constants.js';
import { systemClock, type Clock } from '../../lib/clock.js';
import { tryParseJson } from '../../lib/json.js';
import { goJsonMarshal } from './go-format.js';
import { httpRequest, type HttpCall } from './http-request.js';
import type { MetricProvider } from './metric-provider.js';
import { errorMeasurement, judgeValue } from './provider-measurement.js';
import { firstJsonPathValue } from './web-json-path.js';

/** The request a web metric describes, or the spec error Argo reports for it. */
export function webRequestOf(web: Readonly<WebMetric>, signal: AbortSignal): { ok: true; call: HttpCall } | { ok: false; error: string } {
  const method = web.method ?? 'GET';
  const hasBody = web.body !== undefined && web.body !== '';
  const hasJson = web.jsonBody !== undefined && web.jsonBody !== null;
  if (hasBody && hasJson) return { ok: false, error: 'use either Body or JSONBody; both cannot exists for WebMetric payload' };
  if ((hasBody || hasJson) && method === 'GET') return { ok: false, error: 'Body/JSONBody can only be used with POST or PUT WebMetric Method types' };
  if (web.authentication?.oauth2?.tokenUrl !== undefined && web.authentication.oauth2.tokenUrl !== '') {
    return { ok: false, error: 'oauth2 authentication is not supported by Sluice\'s web provider' };
  }
  const headers: Record<string, string> = {};
  for (const h of web.headers ?? []) headers[h.key] = h.value;
  if (hasJson) headers['Content-Type'] = 'application/json';
  const seconds = web.timeoutSeconds !== undefined && web.timeoutSeconds > 0 ? web.timeoutSeconds : ROLLOUT_DEFAULTS.webTimeoutSeconds;
  const body = hasJson ? JSON.stringify(web.jsonBody) : hasBody ? web.body : undefined;
  const call: HttpCall = {
    method, url: web.url, headers, timeoutMs: seconds * 1000, insecure: web.insecure === true, signal,
    ...(body !== undefined ? { body } : {}),
  };
  return { ok: true, call };
}

/** The web provider. */
export class WebProvider implements MetricProvider {
  readonly type = 'Web';

  constructor(private readonly clock: Clock = systemClock) {}

  async run(metric: Readonly<Metric>, _run: Readonly<AnalysisRun>, signal: AbortSignal): Promise<Measurement> {
    const startedAtMs = this.clock.now();
    const web = metric.provider.web;
    if (web === undefined) return errorMeasurement(startedAtMs, this.clock.now(), 'web provider not configured');
    const req = webRequestOf(web, signal);
    if (!req.ok) return errorMeasurement(startedAtMs, this.clock.now(), req.error);
    let reply;
    try {
      reply = await httpRequest(req.call);
    } catch (e) {
      return errorMeasurement(startedAtMs, this.clock.now(), e instanceof Error ? e.message : String(e));
    }
    if (reply.status < 200 || reply.status >= 300) {
      return errorMeasurement(startedAtMs, this.clock.now(), `received non 2xx response code: ${reply.status}`);
    }
    const parsed = tryParseJson(reply.body);
    if (!parsed.ok) return judgeValue(metric, reply.body, reply.body, startedAtMs, this.clock.now());
    const found = firstJsonPathValue(web.jsonPath, parsed.value);
    if (!found.ok) return errorMeasurement(startedAtMs, this.clock.now(), found.error);
    return judgeValue(metric, found.value, goJsonMarshal(found.value), startedAtMs, this.clock.now());
  }
}
