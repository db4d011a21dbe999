// Which provider measures a metric: the provider key the metric sets (validation has already checked there is
// exactly one). Sluice implements job, web and prometheus; a metric naming another provider gets an Error
// measurement saying so.
import type { Metric } from '../../api/rollouts-analysis.js';
import type { MetricProvider } from './metric-provider.js';

/** The providers available to the controller, by the metric's provider key. */
export type ProviderSet = Readonly<Partial<Record<'job' | 'web' | 'prometheus', MetricProvider>>>;

/** The provider for `metric`, or an error message. */
export function providerFor(providers: ProviderSet, metric: Readonly<Metric>): { ok: true; provider: MetricProvider } | { ok: false; error: string } {
  const p = metric.provider;
  const key = p.job !== undefined ? 'job' : p.web !== undefined ? 'web' : p.prometheus !== undefined ? 'prometheus' : undefined;
  const provider = key !== undefined ? providers[key] : undefined;
  if (key !== undefined && provider !== undefined) return { ok: true, provider };
  const named = Object.keys(p).filter((k) => k !== 'plugin').concat(Object.keys(p.plugin ?? {}).map((k) => `plugin ${k}`));
  if (named.length === 0) return { ok: false, error: `no valid provider in metric '${metric.name}'` };
  return { ok: false, error: `metric provider "${named.join(', ')}" is not supported by Sluice (supported: ${Object.keys(providers).join(', ')})` };
}
