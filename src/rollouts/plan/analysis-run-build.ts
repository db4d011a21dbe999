// Building the AnalysisRun a Rollout starts (rollout/analysis.go newAnalysisRunFromRollout, utils/analysis helpers):
// templates (nested, cluster-scoped) merged, args resolved, name/labels/annotations/ownerRef set.
import type { AnalysisRun, AnalysisTemplateRef, AnalysisTemplateSpec, Argument, DryRun, MeasurementRetention, Metric, RolloutAnalysis } from '../../api/rollouts-v1alpha1.js';
import { POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, ROLLOUT_TYPE_LABEL, STEP_INDEX_LABEL, type RolloutType } from '../../api/rollouts-constants.js';
import type { RolloutSnapshot } from './snapshot.js';
import type { RO } from './rollout-defaults.js';
import type { RS } from './replica-set-counts.js';
import { mergeArgs, resolveRolloutArgs } from './analysis-args.js';

type Built<T> = { ok: true; value: T } | { ok: false; error: string };
interface Named { name: string; spec: AnalysisTemplateSpec }

/**
 * The templates a reference list resolves to, nested ones included, each once (namespaced first, then cluster).
 * A missing one is an error: "AnalysisTemplate 'x' not found".
 */
export function resolveTemplates(snap: Readonly<RolloutSnapshot>, refs: readonly AnalysisTemplateRef[]): Built<{ templates: Named[]; clusterTemplates: Named[] }> {
  const templates: Named[] = [];
  const clusterTemplates: Named[] = [];
  const visit = (list: readonly AnalysisTemplateRef[], depth: number): string | undefined => {
    if (depth > 10) return 'analysis templates nest too deeply';
    for (const ref of list) {
      const cluster = ref.clusterScope === true;
      const t = cluster ? snap.clusterAnalysisTemplates[ref.templateName] : snap.analysisTemplates[ref.templateName];
      if (t === undefined) return `${cluster ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate'} '${ref.templateName}' not found`;
      const into = cluster ? clusterTemplates : templates;
      if (!into.some((n) => n.name === ref.templateName)) into.push({ name: ref.templateName, spec: t.spec });
      const err = visit(t.spec.templates ?? [], depth + 1);
      if (err !== undefined) return err;
    }
    return undefined;
  };
  const error = visit(refs, 0);
  return error !== undefined ? { ok: false, error } : { ok: true, value: { templates, clusterTemplates } };
}

/** Metrics, args, dryRun and measurementRetention of several templates merged (FlattenTemplates). */
export function flattenTemplates(all: readonly Named[]): Built<Required<Pick<AnalysisTemplateSpec, 'metrics' | 'args' | 'dryRun' | 'measurementRetention'>>> {
  const metrics: Metric[] = all.flatMap((t) => t.spec.metrics ?? []);
  const dupMetric = firstDuplicate(metrics.map((m) => m.name));
  if (dupMetric !== undefined) return { ok: false, error: `two metrics have the same name '${dupMetric}'` };
  const dryRun: DryRun[] = all.flatMap((t) => t.spec.dryRun ?? []);
  const dupDry = firstDuplicate(dryRun.map((d) => d.metricName));
  if (dupDry !== undefined) return { ok: false, error: `two Dry-Run metric rules have the same name '${dupDry}'` };
  const retention: MeasurementRetention[] = all.flatMap((t) => t.spec.measurementRetention ?? []);
  const dupRet = firstDuplicate(retention.map((d) => d.metricName));
  if (dupRet !== undefined) return { ok: false, error: `two Measurement Retention metric rules have the same name '${dupRet}'` };
  const args: Argument[] = [];
  for (const a of all.flatMap((t) => t.spec.args ?? [])) {
    const i = args.findIndex((p) => p.name === a.name);
    const prev = args[i];
    if (prev === undefined) { args.push(a); continue; }
    if (prev.value !== undefined && a.value !== undefined && prev.value !== a.value) {
      return { ok: false, error: `Argument \`${a.name}\` specified multiple times with different values: '${prev.value}', '${a.value}'` };
    }
    if (prev.value === undefined) args[i] = a;
  }
  return { ok: true, value: { metrics, args, dryRun, measurementRetention: retention } };
}

function firstDuplicate(names: readonly string[]): string | undefined {
  return names.find((n, i) => names.indexOf(n) !== i);
}

/** Who asks for the run and under what name suffix. */
export interface RunRole { type: RolloutType; infix: string; stepIndex?: number }

/**
 * The AnalysisRun for `analysis`: name `<rollout>-<hash>-<revision>[-<infix>]`, labels hash + rollout-type
 * (+ step-index) + analysisRunMetadata labels + the Rollout's matchLabels, annotations revision + metadata,
 * controller ownerRef to the Rollout. The name may still need a collision suffix (see nameForNewRun).
 */
export function buildAnalysisRun(snap: Readonly<RolloutSnapshot>, ro: RO, analysis: Readonly<RolloutAnalysis>, role: RunRole, stableRS: RS | undefined, newRS: RS | undefined): Built<AnalysisRun> {
  const resolved = resolveTemplates(snap, analysis.templates ?? []);
  if (!resolved.ok) return resolved;
  const flat = flattenTemplates([...resolved.value.templates, ...resolved.value.clusterTemplates]);
  if (!flat.ok) return flat;
  const rolloutArgs = resolveRolloutArgs(analysis.args, ro, stableRS, newRS);
  if (!rolloutArgs.ok) return { ok: false, error: rolloutArgs.error };
  const args = mergeArgs(rolloutArgs.args, flat.value.args);
  if (!args.ok) return { ok: false, error: args.error };
  const dryRun = [...(analysis.dryRun ?? []), ...flat.value.dryRun];
  const retention = [...(analysis.measurementRetention ?? []), ...flat.value.measurementRetention];
  const hash = newRS?.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] ?? '';
  const revision = ro.metadata.annotations?.[REVISION_ANNOTATION] ?? '';
  const name = [ro.metadata.name ?? '', hash, revision, ...(role.infix !== '' ? [role.infix] : [])].join('-');
  const labels: Record<string, string> = {
    [POD_TEMPLATE_HASH_LABEL]: hash, [ROLLOUT_TYPE_LABEL]: role.type,
    ...(role.stepIndex !== undefined ? { [STEP_INDEX_LABEL]: String(role.stepIndex) } : {}),
    ...(analysis.analysisRunMetadata?.labels ?? {}), ...(ro.spec.selector?.matchLabels ?? {}),
  };
  const annotations = { [REVISION_ANNOTATION]: revision, ...(analysis.analysisRunMetadata?.annotations ?? {}) };
  const run: AnalysisRun = {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun',
    metadata: {
      name, namespace: ro.metadata.namespace ?? '', labels, annotations,
      ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: ro.metadata.name ?? '', uid: ro.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      metrics: flat.value.metrics, args: args.args,
      ...(dryRun.length > 0 ? { dryRun } : {}), ...(retention.length > 0 ? { measurementRetention: retention } : {}),
    },
  };
  return { ok: true, value: run };
}
