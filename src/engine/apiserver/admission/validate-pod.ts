// Pod create and update validation (core ValidatePodCreate / ValidatePodUpdate, 1.32).
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { deepEqual } from '../../../lib/deep-equal.js';
import { cloneJson } from '../../../lib/json.js';
import { child, index } from './_field.js';
import { asObject, asString, objectsOf, type JsonObject } from './_json.js';
import { nameIsDNSSubdomain } from './metadata.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import { validatePodSpec } from './validate-pod-spec.js';

const POD_UPDATE_MESSAGE = 'pod updates may not change fields other than `spec.containers[*].image`,'
  + '`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),'
  + '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function imageWhitespace(containers: unknown, path: string): FieldError[] {
  return objectsOf(containers).flatMap((c, i) => {
    const image = asString(c['image']) ?? '';
    return image !== image.trim() ? [fieldErr.invalid(child(index(path, i), 'image'), image, 'must not have leading or trailing whitespace')] : [];
  });
}

function podSpecErrors(pod: JsonObject): FieldError[] {
  const spec = asObject(pod['spec']) ?? {};
  return [
    ...validatePodSpec(spec, 'spec'),
    ...imageWhitespace(spec['containers'], 'spec.containers'),
    ...imageWhitespace(spec['initContainers'], 'spec.initContainers'),
  ];
}

/** A new Pod: metadata, spec, and the create-only rules (no ephemeral containers, no nodeName with gates). */
export function validatePodCreate(pod: JsonObject): FieldError[] {
  const errs = [...validateObjectMeta(pod['metadata'], nameIsDNSSubdomain), ...podSpecErrors(pod)];
  const spec = asObject(pod['spec']) ?? {};
  if (objectsOf(spec['ephemeralContainers']).length > 0) errs.push(fieldErr.forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if ((asString(spec['nodeName']) ?? '') !== '' && objectsOf(spec['schedulingGates']).length > 0) {
    errs.push(fieldErr.forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

function sameCount(next: unknown, prev: unknown, path: string): FieldError[] {
  return objectsOf(next).length === objectsOf(prev).length ? [] : [fieldErr.forbidden(path, 'pod updates may not add or remove containers')];
}

/** The old spec with every field a Pod update may change taken from the new spec. */
function mungedOldSpec(spec: JsonObject, oldSpec: JsonObject): JsonObject {
  const munged = cloneJson(oldSpec);
  for (const list of ['containers', 'initContainers']) {
    const next = objectsOf(spec[list]);
    objectsOf(munged[list]).forEach((c, i) => { c['image'] = next[i]?.['image']; });
  }
  for (const f of ['activeDeadlineSeconds', 'tolerations', 'schedulingGates']) munged[f] = spec[f];
  // Binding: Kubernetes sets nodeName once through pods/binding; the embedded kubelet binds with an update.
  if ((asString(oldSpec['nodeName']) ?? '') === '' && spec['nodeName'] !== undefined) munged['nodeName'] = spec['nodeName'];
  const oldGrace = oldSpec['terminationGracePeriodSeconds'];
  if (typeof oldGrace === 'number' && oldGrace < 0 && spec['terminationGracePeriodSeconds'] === 1) munged['terminationGracePeriodSeconds'] = 1;
  return munged;
}

/** A Pod update: only images, activeDeadlineSeconds, tolerations and scheduling gates may change. */
export function validatePodUpdate(pod: JsonObject, old: JsonObject): FieldError[] {
  const errs = [...validateObjectMetaUpdate(pod['metadata'], old['metadata']), ...podSpecErrors(pod)];
  const spec = asObject(pod['spec']) ?? {};
  const oldSpec = asObject(old['spec']) ?? {};
  const countErrs = [
    ...sameCount(spec['containers'], oldSpec['containers'], 'spec.containers'),
    ...sameCount(spec['initContainers'], oldSpec['initContainers'], 'spec.initContainers'),
  ];
  if (countErrs.length > 0) return [...errs, ...countErrs];
  if (!deepEqual(spec, mungedOldSpec(spec, oldSpec))) errs.push(fieldErr.forbidden('spec', POD_UPDATE_MESSAGE));
  return errs;
}
