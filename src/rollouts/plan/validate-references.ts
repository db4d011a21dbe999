// Validation of what the Rollout references (rollout/controller.go getRolloutReferencedResources +
// validation_references.go): Services exist, fit and are not another Rollout's; AnalysisTemplates exist and merge.
import type { FieldError } from '../../api/field-error.js';
import { fieldErr } from '../../api/field-error.js';
import type { RolloutAnalysis } from '../../api/rollouts-v1alpha1.js';
import { MANAGED_BY_ROLLOUTS_ANNOTATION, POD_TEMPLATE_HASH_LABEL } from '../../api/rollouts-constants.js';
import type { RolloutSnapshot } from './snapshot.js';
import { flattenTemplates, resolveTemplates } from './analysis-run-build.js';
import { backgroundAnalysisOf } from './analysis-canary.js';

/** The Services the Rollout names, with the field path Argo reports them under. */
function referencedServices(snap: Readonly<RolloutSnapshot>): [path: string, name: string][] {
  const { blueGreen, canary } = snap.rollout.spec.strategy;
  const out: [string, string | undefined][] = blueGreen !== undefined
    ? [['spec.strategy.blueGreen.activeService', blueGreen.activeService], ['spec.strategy.blueGreen.previewService', blueGreen.previewService]]
    : [['spec.strategy.canary.stableService', canary?.stableService], ['spec.strategy.canary.canaryService', canary?.canaryService],
      ['spec.strategy.canary.pingPong.pingService', canary?.pingPong?.pingService], ['spec.strategy.canary.pingPong.pongService', canary?.pingPong?.pongService]];
  return out.filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
}

/** The analyses the Rollout names, with their template paths, in Argo's order. */
function referencedAnalyses(snap: Readonly<RolloutSnapshot>): [path: string, analysis: Readonly<RolloutAnalysis>][] {
  const { blueGreen, canary } = snap.rollout.spec.strategy;
  const out: [string, Readonly<RolloutAnalysis> | undefined][] = blueGreen !== undefined
    ? [['spec.strategy.blueGreen.prePromotionAnalysis.templates', blueGreen.prePromotionAnalysis], ['spec.strategy.blueGreen.postPromotionAnalysis.templates', blueGreen.postPromotionAnalysis]]
    : [...(canary?.steps ?? []).map((s, i): [string, Readonly<RolloutAnalysis> | undefined] => [`spec.strategy.canary.steps[${i}].analysis.templates`, s.analysis]),
      ['spec.strategy.canary.analysis.templates', backgroundAnalysisOf(snap.rollout)]];
  return out.filter((e): e is [string, Readonly<RolloutAnalysis>] => e[1] !== undefined);
}

/**
 * Errors about referenced objects: a missing Service (`services "x" not found`), a Service selecting labels the
 * pods lack, one managed by another Rollout, a missing AnalysisTemplate, templates that do not merge.
 */
export function validateReferences(snap: Readonly<RolloutSnapshot>): FieldError[] {
  const ro = snap.rollout;
  const notFound: FieldError[] = [];
  const errs: FieldError[] = [];
  for (const [path, name] of referencedServices(snap)) {
    const svc = snap.services[name];
    if (svc === undefined) { notFound.push(fieldErr.invalid(path, name, `services "${name}" not found`)); continue; }
    for (const [k, v] of Object.entries(svc.spec.selector ?? {})) {
      if (k !== POD_TEMPLATE_HASH_LABEL && ro.spec.template?.metadata?.labels?.[k] !== v) errs.push(fieldErr.invalid(path, name, `Service "${name}" has unmatch label "${k}" in rollout`));
    }
    const owner = svc.metadata.annotations?.[MANAGED_BY_ROLLOUTS_ANNOTATION];
    if (owner !== undefined && owner !== ro.metadata.name) errs.push(fieldErr.invalid(path, name, `Service "${name}" is managed by another Rollout`));
  }
  for (const [path, analysis] of referencedAnalyses(snap)) {
    const resolved = resolveTemplates(snap, analysis.templates ?? []);
    if (!resolved.ok) {
      const missing = /'([^']*)'/.exec(resolved.error)?.[1] ?? '';
      notFound.push(fieldErr.invalid(path, missing, resolved.error));
      continue;
    }
    const all = [...resolved.value.templates, ...resolved.value.clusterTemplates];
    const flat = flattenTemplates(all);
    if (!flat.ok) errs.push(fieldErr.invalid(path, `templateNames: [${resolved.value.templates.map((t) => t.name).join(' ')}]`, flat.error));
  }
  // Argo fails on the first object it cannot fetch before it validates the ones it found.
  return [...notFound, ...errs];
}
