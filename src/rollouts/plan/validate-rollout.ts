// Rollout spec validation (pkg/apis/rollouts/validation; argo-rollouts.md §1.9). Argo reports only the first error,
// as the InvalidSpec condition; we return all of them, in Argo's order, and format the first exactly as Argo does.
import type { FieldError } from '../../api/field-error.js';
import { fieldErr } from '../../api/field-error.js';
import { isEmptySelector, matchesSelector } from '../../api/label-selector.js';
import type { RO } from './rollout-defaults.js';
import { progressDeadlineSecondsOf, replicasOf, revisionHistoryLimitOf } from './rollout-defaults.js';
import { validateCanaryStrategy } from './validate-canary.js';
import { validateAntiAffinity } from './validate-steps.js';
import { goLabelSelector } from './validate-go-repr.js';

export { formatArgoFieldError } from './validate-go-repr.js';

const MISSING = (field: string): string => `Rollout has missing field '${field}'`;

/** Every problem with the spec, first the ones Argo reports first. An empty list means valid. */
export function validateRollout(ro: RO): FieldError[] {
  return [...validateSpec(ro), ...validateStrategy(ro)];
}

function validateSpec(ro: RO): FieldError[] {
  const { spec } = ro;
  const errs: FieldError[] = [];
  const replicas = replicasOf(ro);
  if (replicas < 0) errs.push(fieldErr.invalid('spec.replicas', replicas, 'must be greater than or equal to 0'));
  if (spec.workloadRef === undefined) {
    if (spec.selector === undefined) errs.push(fieldErr.required('spec.selector', MISSING('.spec.selector')));
    else if (isEmptySelector(spec.selector)) errs.push(fieldErr.invalid('spec.selector', goLabelSelector(spec.selector), 'empty selector is invalid for deployment'));
  }
  if (spec.workloadRef !== undefined && spec.template !== undefined && (spec.template.spec.containers ?? []).length > 0) {
    errs.push({ type: 'Invalid', field: 'spec.template', detail: 'Internal error: template must be empty for workload reference rollout' });
  }
  if (spec.workloadRef === undefined) errs.push(...validateTemplate(ro));
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds ?? 0));
  errs.push(...nonNegative('spec.revisionHistoryLimit', revisionHistoryLimitOf(ro)));
  const pds = progressDeadlineSecondsOf(ro);
  errs.push(...nonNegative('spec.progressDeadlineSeconds', pds));
  if (pds <= (spec.minReadySeconds ?? 0)) errs.push(fieldErr.invalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'));
  return errs;
}

function nonNegative(field: string, v: number): FieldError[] {
  return v < 0 ? [fieldErr.invalid(field, v, 'must be greater than or equal to 0')] : [];
}

// The part of ValidatePodTemplateSpecForReplicaSet users meet: labels must match the selector, there must be
// containers with names and images, and restartPolicy must be Always.
function validateTemplate(ro: RO): FieldError[] {
  const t = ro.spec.template;
  if (t === undefined) return [fieldErr.required('spec.template', MISSING('.spec.template'))];
  const errs: FieldError[] = [];
  const labels = t.metadata?.labels ?? {};
  if (ro.spec.selector !== undefined && !isEmptySelector(ro.spec.selector) && !matchesSelector(ro.spec.selector, labels)) {
    errs.push(fieldErr.invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
  }
  const containers = t.spec.containers ?? [];
  if (containers.length === 0) errs.push(fieldErr.required('spec.template.spec.containers'));
  containers.forEach((c, i) => {
    if ((c.name ?? '') === '') errs.push(fieldErr.required(`spec.template.spec.containers[${i}].name`));
    if ((c.image ?? '') === '') errs.push(fieldErr.required(`spec.template.spec.containers[${i}].image`));
  });
  const rp = t.spec.restartPolicy;
  if (rp !== undefined && rp !== 'Always') errs.push(fieldErr.notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  return errs;
}

// Argo passes `spec.strategy` as the path of the strategy's own fields, so canary errors read
// `spec.strategy.steps[0].setWeight`, not `spec.strategy.canary.steps[0]…`; we keep that.
function validateStrategy(ro: RO): FieldError[] {
  const { blueGreen, canary } = ro.spec.strategy;
  if (blueGreen === undefined && canary === undefined) {
    return [fieldErr.required('spec.strategy.strategy', MISSING('.spec.strategy.canary or .spec.strategy.blueGreen'))];
  }
  if (blueGreen !== undefined && canary !== undefined) {
    return [fieldErr.invalid('spec.strategy.strategy', 'blueGreen: true canary: true', 'Multiple Strategies can not be listed')];
  }
  if (canary !== undefined) return validateCanaryStrategy(ro, canary);
  const errs: FieldError[] = [];
  if (blueGreen === undefined) return errs;
  if (blueGreen.activeService === (blueGreen.previewService ?? '')) {
    errs.push(fieldErr.invalid('spec.strategy.activeService', blueGreen.activeService,
      'This rollout uses the same service for the active and preview services, but two different services are required.'));
  }
  const limit = blueGreen.scaleDownDelayRevisionLimit;
  if (limit !== undefined && revisionHistoryLimitOf(ro) < limit) {
    errs.push(fieldErr.invalid('spec.strategy.scaleDownDelayRevisionLimit', limit, "This rollout's revision history limit can not be smaller than the rollout's scale down limit"));
  }
  return [...errs, ...validateAntiAffinity(blueGreen.antiAffinity, 'spec.strategy.antiAffinity')];
}
