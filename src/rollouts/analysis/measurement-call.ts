// One provider call, as the controller runs it off the worker (analysis.go runMeasurements for one task): secret
// args are read now (never stored), the metric's args resolved, the provider called, and secret values redacted
// as `*****` from what goes into status. Nothing here throws: every failure becomes an outcome.
import type { Secret } from '../../api/core-v1.js';
import { R } from '../../api/resources.js';
import type { AnalysisRun, Argument, Measurement } from '../../api/rollouts-analysis.js';
import { rfc3339, type Clock } from '../../lib/clock.js';
import type { KubeClient } from '../../control/client.js';
import type { MetricProvider } from './metric-provider.js';
import { resolveMetricArgs } from './plan-metric-args.js';
import type { MeasurementCall, ProviderOutcome } from './plan-types.js';
import { errorMeasurement } from './provider-measurement.js';
import { providerFor, type ProviderSet } from './provider-registry.js';

/** What a provider call needs from the controller. */
export interface MeasurementDeps {
  readonly client: KubeClient;
  readonly providers: ProviderSet;
  readonly clock: Clock;
}

/** The call to make: a metric of the run, and the measurement to resume or terminate. */
export interface CallRequest {
  readonly metricName: string;
  readonly call: MeasurementCall;
  readonly measurement?: Measurement;
}

/** How secrets are masked in messages and metadata. */
export const REDACTED = '*****';

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The run's args with secret references read from their Secrets; the secret values are returned for redaction. */
export async function resolveSecretArgs(client: KubeClient, namespace: string, args: readonly Argument[]): Promise<{ ok: true; args: Argument[]; secrets: string[] } | { ok: false; error: string }> {
  const out: Argument[] = [];
  const secrets = new Set<string>();
  for (const arg of args) {
    const ref = arg.valueFrom?.secretKeyRef;
    if (ref === undefined) { out.push(arg); continue; }
    let secret: Secret;
    try {
      secret = await client.get<Secret>(R.secrets, namespace, ref.name);
    } catch (e) {
      return { ok: false, error: errText(e) };
    }
    const encoded = secret.data?.[ref.key];
    const plain = encoded !== undefined ? Buffer.from(encoded, 'base64').toString('utf8') : secret.stringData?.[ref.key];
    if (plain === undefined) return { ok: false, error: `key '${ref.key}' does not exist in secret '${ref.name}'` };
    secrets.add(plain);
    out.push({ name: arg.name, value: plain });
  }
  return { ok: true, args: out, secrets: [...secrets].filter((s) => s !== '') };
}

/** `text` with every secret value replaced by `*****`. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((t, s) => t.split(s).join(REDACTED), text);
}

function redactMap(m: Readonly<Record<string, string>> | undefined, secrets: readonly string[]): Record<string, string> | undefined {
  return m === undefined ? undefined : Object.fromEntries(Object.entries(m).map(([k, v]) => [k, redact(v, secrets)]));
}

async function invoke(p: MetricProvider, req: CallRequest, metric: Parameters<MetricProvider['run']>[0], run: Readonly<AnalysisRun>, signal: AbortSignal, nowMs: number): Promise<Measurement> {
  const m = req.measurement;
  if (req.call === 'run' || m === undefined) return p.run(metric, run, signal);
  if (req.call === 'resume') return p.resume !== undefined ? p.resume(metric, run, m, signal) : p.run(metric, run, signal);
  if (p.terminate !== undefined) return p.terminate(metric, run, m, signal);
  // Nothing to stop (the measurement was in flight in a controller that has since restarted).
  return { ...m, phase: 'Inconclusive', finishedAt: m.finishedAt ?? rfc3339(nowMs) };
}

/** Makes one provider call for `run` and returns its outcome (never rejects). */
export async function callProvider(deps: MeasurementDeps, run: Readonly<AnalysisRun>, req: CallRequest, signal: AbortSignal): Promise<ProviderOutcome> {
  const startedAtMs = deps.clock.now();
  const spec = (run.spec.metrics ?? []).find((m) => m.name === req.metricName);
  const failed = (message: string): ProviderOutcome => ({ outcome: 'measured', call: req.call, measurement: errorMeasurement(startedAtMs, deps.clock.now(), message, req.measurement) });
  if (spec === undefined) return failed(`metric "${req.metricName}" is not in the run's spec`);
  const args = await resolveSecretArgs(deps.client, run.metadata.namespace ?? '', run.spec.args ?? []);
  if (!args.ok) return { outcome: 'argsError', message: args.error };
  const metric = resolveMetricArgs(spec, args.args);
  if (!metric.ok) return { outcome: 'argsError', message: redact(metric.error, args.secrets) };
  const found = providerFor(deps.providers, metric.value);
  if (!found.ok) return failed(found.error);
  let measurement: Measurement;
  try {
    measurement = await invoke(found.provider, req, metric.value, run, signal, startedAtMs);
  } catch (e) {
    measurement = errorMeasurement(startedAtMs, deps.clock.now(), errText(e), req.measurement);
  }
  const message = measurement.message !== undefined ? { message: redact(measurement.message, args.secrets) } : {};
  const metadata = redactMap(measurement.metadata, args.secrets);
  const metricMetadata = redactMap(found.provider.metadata?.(metric.value), args.secrets);
  return {
    outcome: 'measured', call: req.call,
    measurement: { ...measurement, ...message, ...(metadata !== undefined ? { metadata } : {}) },
    ...(metricMetadata !== undefined ? { metricMetadata } : {}),
  };
}
