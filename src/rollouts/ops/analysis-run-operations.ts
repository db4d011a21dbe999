// AnalysisRun operations of the plugin: `create analysisrun --from TEMPLATE [--global]` and `terminate analysisrun`.
import { R } from '../../api/resources.js';
import type { AnalysisRun, AnalysisTemplate, ClusterAnalysisTemplate } from '../../api/rollouts-v1alpha1.js';
import type { KubeClient } from '../../control/index.js';
import { buildRunFromTemplate, parseArgFlags, type RunNaming } from './analysis-run-from-template.js';

/** Bad `-a` flags or unresolved template args. */
export class AnalysisRunInputError extends Error {
  override readonly name = 'AnalysisRunInputError';
}

/** Creates an AnalysisRun from AnalysisTemplate `from` (or ClusterAnalysisTemplate with `global`). */
export async function createAnalysisRunFromTemplate(client: KubeClient, opts: RunNaming & { from: string; global?: boolean; argFlags?: readonly string[] }): Promise<AnalysisRun> {
  const parsed = parseArgFlags(opts.argFlags ?? []);
  if (!parsed.ok) throw new AnalysisRunInputError(parsed.error);
  const template = opts.global === true
    ? await client.get<ClusterAnalysisTemplate>(R.clusteranalysistemplates, undefined, opts.from)
    : await client.get<AnalysisTemplate>(R.analysistemplates, opts.namespace, opts.from);
  const built = buildRunFromTemplate(template, parsed.args, opts);
  if (!built.ok) throw new AnalysisRunInputError(built.error);
  return client.create<AnalysisRun>(R.analysisruns, built.run);
}

/** `terminate analysisrun NAME`: `spec.terminate=true` (merge patch). */
export async function terminateAnalysisRun(client: KubeClient, ns: string, name: string): Promise<AnalysisRun> {
  return client.patch<AnalysisRun>(R.analysisruns, ns, name, 'merge', { spec: { terminate: true } });
}
