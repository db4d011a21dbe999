// batch/v1 Job validation (batch validation.go and the Job strategy, 1.32).
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { matchesSelector } from '../../../api/label-selector.js';
import { cloneJson } from '../../../lib/json.js';
import { deepEqual } from '../../../lib/deep-equal.js';
import { IMMUTABLE, immutable, key, nonNegative, readInt, uniqueErrors } from './_field.js';
import { asObject, asString, isAbsent, stringMap, type JsonObject } from './_json.js';
import { isDNS1123Label, nameIsDNSSubdomain } from './metadata.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import { validatePodTemplateSpec } from './validate-pod-spec.js';
import { selectorMatchesTemplate, toLabelSelector, validateLabelSelector } from './validate-selector.js';
import { JOB_LABELS } from './defaults-job.js';

const MAX_PARALLELISM_INDEXED = 100000;

function hasLabel(labels: Record<string, string>, name: string, expected: string): FieldError[] {
  const path = key('spec.template.metadata.labels', name);
  if (!(name in labels)) return [fieldErr.required(path, `must be '${expected}'`)];
  return labels[name] === expected ? [] : [fieldErr.invalid(path, labels, `must be '${expected}'`)];
}

/** validateGeneratedSelector: with manualSelector unset the template must carry the generated labels. */
function validateGeneratedSelector(job: JsonObject, requirePrefixed: boolean): FieldError[] {
  const spec = asObject(job['spec']) ?? {};
  if (spec['manualSelector'] === true || isAbsent(spec['selector'])) return [];
  const meta = asObject(job['metadata']) ?? {};
  const uid = asString(meta['uid']) ?? '';
  const name = asString(meta['name']) ?? '';
  const errs = uid === '' ? [fieldErr.required('metadata.uid')] : [];
  const labels = stringMap(asObject(asObject(spec['template'])?.['metadata'])?.['labels']);
  const expected: Record<string, string> = { [JOB_LABELS.legacyControllerUid]: uid, [JOB_LABELS.legacyJobName]: name };
  errs.push(...hasLabel(labels, JOB_LABELS.legacyControllerUid, uid), ...hasLabel(labels, JOB_LABELS.legacyJobName, name));
  if (requirePrefixed) {
    errs.push(...hasLabel(labels, JOB_LABELS.controllerUid, uid), ...hasLabel(labels, JOB_LABELS.jobName, name));
    expected[JOB_LABELS.controllerUid] = uid;
    expected[JOB_LABELS.jobName] = name;
  }
  const sel = toLabelSelector(spec['selector']);
  if (sel !== undefined && !matchesSelector(sel, expected)) errs.push(fieldErr.invalid('spec.selector', spec['selector'], '`selector` not auto-generated'));
  return errs;
}

function validateCompletionMode(spec: JsonObject, ints: Record<string, number | undefined>): FieldError[] {
  const mode = spec['completionMode'];
  const errs: FieldError[] = [];
  if (!isAbsent(mode) && mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(fieldErr.notSupported('spec.completionMode', mode, ['NonIndexed', 'Indexed']));
  if (mode === 'Indexed') {
    if (ints['completions'] === undefined) errs.push(fieldErr.required('spec.completions', 'when completion mode is Indexed'));
    const parallelism = ints['parallelism'];
    if (parallelism !== undefined && parallelism > MAX_PARALLELISM_INDEXED) {
      errs.push(fieldErr.invalid('spec.parallelism', parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
    }
  } else {
    for (const f of ['backoffLimitPerIndex', 'maxFailedIndexes']) {
      if (ints[f] !== undefined) errs.push(fieldErr.invalid(`spec.${f}`, ints[f], 'requires indexed completion mode'));
    }
  }
  return errs;
}

function validateRestartPolicy(spec: JsonObject): FieldError[] {
  const path = 'spec.template.spec.restartPolicy';
  const restartPolicy = asObject(asObject(spec['template'])?.['spec'])?.['restartPolicy'] ?? '';
  if (restartPolicy === 'Always' || restartPolicy === '') return [fieldErr.required(path, 'valid values: "OnFailure", "Never"')];
  if (restartPolicy !== 'OnFailure' && restartPolicy !== 'Never') return [fieldErr.notSupported(path, restartPolicy, ['OnFailure', 'Never'])];
  if (!isAbsent(spec['podFailurePolicy']) && restartPolicy !== 'Never') {
    return [fieldErr.invalid(path, restartPolicy, 'only "Never" is supported when podFailurePolicy is specified')];
  }
  return [];
}

function validatePodReplacementPolicy(spec: JsonObject): FieldError[] {
  const policy = spec['podReplacementPolicy'];
  if (isAbsent(policy)) return [];
  if (!isAbsent(spec['podFailurePolicy'])) return policy === 'Failed' ? [] : [fieldErr.notSupported('spec.podReplacementPolicy', policy, ['Failed'])];
  return policy === 'Failed' || policy === 'TerminatingOrFailed' ? [] : [fieldErr.notSupported('spec.podReplacementPolicy', policy, ['Failed', 'TerminatingOrFailed'])];
}

/** ValidateJobSpec: counts, completion mode, template, restart policy, selector and its match. */
function validateJobSpec(spec: JsonObject): FieldError[] {
  const errs: FieldError[] = [];
  const ints: Record<string, number | undefined> = {};
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes']) {
    ints[f] = readInt(spec, f, `spec.${f}`, errs);
    errs.push(...nonNegative(`spec.${f}`, ints[f]));
  }
  if (ints['maxFailedIndexes'] !== undefined && ints['backoffLimitPerIndex'] === undefined) {
    errs.push(fieldErr.required('spec.backoffLimitPerIndex', 'when maxFailedIndexes is specified'));
  }
  errs.push(...validateCompletionMode(spec, ints), ...validatePodReplacementPolicy(spec));
  errs.push(...validatePodTemplateSpec(spec['template'], 'spec.template'), ...validateRestartPolicy(spec));
  if (isAbsent(spec['selector'])) errs.push(fieldErr.required('spec.selector'));
  else errs.push(...validateLabelSelector(spec['selector'], 'spec.selector'));
  errs.push(...selectorMatchesTemplate(spec['selector'], spec['template'], 'spec.template'));
  return errs;
}

function indexedHostname(job: JsonObject, spec: JsonObject): FieldError[] {
  const completions = spec['completions'];
  if (spec['completionMode'] !== 'Indexed' || typeof completions !== 'number' || completions <= 0) return [];
  const name = asString(asObject(job['metadata'])?.['name']) ?? '';
  const host = `${name}-${completions - 1}`;
  return isDNS1123Label(host).length === 0 ? [] : [fieldErr.invalid('metadata.name', name, `will not able to create pod with invalid DNS label: ${host}`)];
}

function validateJobCreateLike(job: JsonObject, requirePrefixed: boolean): FieldError[] {
  const spec = asObject(job['spec']) ?? {};
  return [
    ...validateObjectMeta(job['metadata'], nameIsDNSSubdomain),
    ...validateGeneratedSelector(job, requirePrefixed),
    ...validateJobSpec(spec),
    ...indexedHostname(job, spec),
  ];
}

/** The template may change only in its scheduling directives, and only while the Job is suspended and never started. */
function validateTemplateUpdate(spec: JsonObject, oldSpec: JsonObject, oldStarted: boolean): FieldError[] {
  const template = asObject(spec['template']) ?? {};
  const munged = cloneJson(asObject(oldSpec['template']) ?? {});
  if (oldSpec['suspend'] === true && !oldStarted) {
    const meta = asObject(template['metadata']) ?? {};
    const mungedMeta = asObject(munged['metadata']) ?? {};
    munged['metadata'] = { ...mungedMeta, labels: meta['labels'], annotations: meta['annotations'] };
    const podSpec = asObject(template['spec']) ?? {};
    const mungedSpec = asObject(munged['spec']) ?? {};
    const affinity = { ...(asObject(mungedSpec['affinity']) ?? {}), nodeAffinity: asObject(podSpec['affinity'])?.['nodeAffinity'] };
    const hasAffinity = Object.values(affinity).some((v) => v !== undefined);
    munged['spec'] = { ...mungedSpec, nodeSelector: podSpec['nodeSelector'], tolerations: podSpec['tolerations'],
      schedulingGates: podSpec['schedulingGates'], affinity: hasAffinity ? affinity : podSpec['affinity'] };
  }
  return deepEqual(template, munged) ? [] : [fieldErr.invalid('spec.template', template, IMMUTABLE)];
}

function validateCompletionsUpdate(spec: JsonObject, oldSpec: JsonObject): FieldError[] {
  if (spec['completionMode'] !== 'Indexed' || deepEqual(spec['completions'], oldSpec['completions'])) {
    return immutable('spec.completions', spec['completions'], oldSpec['completions']);
  }
  // Elastic Indexed Jobs: completions may change together with parallelism.
  if (isAbsent(spec['completions']) || spec['completions'] === spec['parallelism']) return [];
  return [fieldErr.invalid('spec.completions', spec['completions'], 'can only be modified in tandem with spec.parallelism')];
}

/** A Job; on update the selector, template, completion mode and failure policies are immutable. */
export function validateJob(job: JsonObject, old?: JsonObject): FieldError[] {
  if (old === undefined) return validateJobCreateLike(job, true);
  const spec = asObject(job['spec']) ?? {};
  const oldSpec = asObject(old['spec']) ?? {};
  const oldLabels = stringMap(asObject(asObject(oldSpec['template'])?.['metadata'])?.['labels']);
  const oldStarted = !isAbsent(asObject(old['status'])?.['startTime']);
  return uniqueErrors([
    ...validateJobCreateLike(job, JOB_LABELS.controllerUid in oldLabels && JOB_LABELS.jobName in oldLabels),
    ...validateObjectMetaUpdate(job['metadata'], old['metadata']),
    ...validateCompletionsUpdate(spec, oldSpec),
    ...immutable('spec.selector', spec['selector'], oldSpec['selector']),
    ...validateTemplateUpdate(spec, oldSpec, oldStarted),
    ...immutable('spec.completionMode', spec['completionMode'], oldSpec['completionMode']),
    ...immutable('spec.podFailurePolicy', spec['podFailurePolicy'], oldSpec['podFailurePolicy']),
    ...immutable('spec.backoffLimitPerIndex', spec['backoffLimitPerIndex'], oldSpec['backoffLimitPerIndex']),
  ]);
}
