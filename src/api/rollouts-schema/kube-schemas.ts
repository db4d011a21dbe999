// Schema nodes for the Kubernetes types Argo's kinds embed: label selectors, label/annotation maps, pod templates
// and job specs.
import type { PodTemplateSpec } from '../core-v1.js';
import type { LabelSelectorRequirement } from '../label-selector.js';
import { modelSchema } from './kube-model-schema.js';
import { arr, lazy, map, obj, type Schema } from './schema.js';
import { str, stringOf } from './scalars.js';

/** A map of strings (labels, annotations, metadata). */
export const stringMap = map(str());

/** `{labels, annotations}`: what Argo lets a role (canary, stable, preview, active) or a run add to its objects. */
export const labelsAndAnnotations = obj({ labels: stringMap, annotations: stringMap });

const requirement = obj({
  key: str(),
  operator: stringOf<LabelSelectorRequirement['operator']>(),
  values: arr(str(), { listType: 'atomic' }),
}, { required: ['key', 'operator'] });

const selectorFields = { matchLabels: stringMap, matchExpressions: arr(requirement, { listType: 'atomic' }) };

/** metav1.LabelSelector, replaced as a whole by server-side apply (as in Kubernetes' own schema). */
export const labelSelector = obj(selectorFields, { mapType: 'atomic' });

/** A label selector that may not change once set (Argo's `.spec.selector is immutable` rule). */
export const immutableLabelSelector = obj(selectorFields, {
  mapType: 'atomic',
  validations: [{ rule: 'self == oldSelf', message: '.spec.selector is immutable' }],
});

/**
 * core/v1 PodTemplateSpec, every field typed from Kubernetes' models; metadata keeps labels and annotations.
 * The code sees it as src/api/core-v1.ts's PodTemplateSpec (the subset Sluice reads; other fields pass through).
 */
export const podTemplate: Schema<PodTemplateSpec> = lazy(() => modelSchema('V1PodTemplateSpec'));

/** batch/v1 JobSpec (the job metric provider), typed from Kubernetes' models; opaque to the code. */
export const jobSpec: Schema<Record<string, unknown>> = lazy(() => modelSchema('V1JobSpec'));
