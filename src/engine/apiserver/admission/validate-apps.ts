// apps/v1 Deployment and ReplicaSet validation (apps validation.go plus the apps/v1 strategies, 1.32).
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { child, immutable, invalidEach, nonNegative, readInt } from './_field.js';
import { asArray, asObject, asString, isAbsent, type JsonObject } from './_json.js';
import { isValidPercent, nameIsDNSSubdomain } from './metadata.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import { validatePodTemplateSpec } from './validate-pod-spec.js';
import { selectorMatchesTemplate, toLabelSelector, validateLabelSelector } from './validate-selector.js';

/** Selector presence and syntax, selector/template agreement, template rules for replica controllers. */
function validateReplicaSpecCommon(spec: JsonObject, errs: FieldError[]): void {
  const selector = spec['selector'];
  if (isAbsent(selector)) {
    errs.push(fieldErr.required('spec.selector'));
  } else {
    errs.push(...validateLabelSelector(selector, 'spec.selector'));
    const sel = asObject(selector) ?? {};
    const size = Object.keys(asObject(sel['matchLabels']) ?? {}).length + (asArray(sel['matchExpressions']) ?? []).length;
    if (size === 0) errs.push(fieldErr.invalid('spec.selector', selector, 'empty selector is invalid for deployment'));
  }
  if (!isAbsent(selector) && toLabelSelector(selector) === undefined) {
    errs.push(fieldErr.invalid('spec.selector', selector, 'invalid label selector'));
    return;
  }
  errs.push(...templateForReplicaSet(spec['template'], selector));
}

/** ValidatePodTemplateSpecForReplicaSet: selector match, template, restartPolicy Always, no activeDeadlineSeconds. */
function templateForReplicaSet(template: unknown, selector: unknown): FieldError[] {
  const tpl = asObject(template);
  if (tpl === undefined) return [fieldErr.required('spec.template')];
  const errs = [...selectorMatchesTemplate(selector, tpl, 'spec.template'), ...validatePodTemplateSpec(tpl, 'spec.template')];
  const podSpec = asObject(tpl['spec']) ?? {};
  const restartPolicy = isAbsent(podSpec['restartPolicy']) ? '' : podSpec['restartPolicy'];
  if (restartPolicy !== 'Always') errs.push(fieldErr.notSupported('spec.template.spec.restartPolicy', restartPolicy, ['Always']));
  if (!isAbsent(podSpec['activeDeadlineSeconds'])) {
    errs.push(fieldErr.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}

/** getIntOrPercentValue: `25%` → 25, 3 → 3; strings that are not percents read as their integer value or 0. */
function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return 0;
  const s = v.endsWith('%') && isValidPercent(v).length === 0 ? v.slice(0, -1) : v;
  return /^-?\d+$/.test(s) ? Number(s) : 0;
}

function positiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') return invalidEach(path, v, isValidPercent(v));
  if (typeof v === 'number') return nonNegative(path, v);
  return isAbsent(v) ? [] : [fieldErr.invalid(path, v, "must be an integer or percentage (e.g '5%%')")];
}

/** ValidateRollingUpdateDeployment. Example: maxSurge 0 and maxUnavailable "0%" → `may not be 0 when \`maxSurge\` is 0`. */
function validateRollingUpdate(ru: JsonObject, path: string): FieldError[] {
  const maxUnavailablePath = child(path, 'maxUnavailable');
  const errs = [...positiveIntOrPercent(ru['maxUnavailable'], maxUnavailablePath), ...positiveIntOrPercent(ru['maxSurge'], child(path, 'maxSurge'))];
  const maxUnavailable = ru['maxUnavailable'] ?? 0;
  if (intOrPercentValue(ru['maxUnavailable']) === 0 && intOrPercentValue(ru['maxSurge']) === 0) {
    errs.push(fieldErr.invalid(maxUnavailablePath, maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
  }
  if (typeof maxUnavailable === 'string' && isValidPercent(maxUnavailable).length === 0 && intOrPercentValue(maxUnavailable) > 100) {
    errs.push(fieldErr.invalid(maxUnavailablePath, maxUnavailable, 'must not be greater than 100%'));
  }
  return errs;
}

function validateStrategy(strategy: JsonObject): FieldError[] {
  const type = asString(strategy['type']) ?? '';
  const rollingUpdate = strategy['rollingUpdate'];
  if (type === 'Recreate') {
    return isAbsent(rollingUpdate) ? [] : [fieldErr.forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'")];
  }
  if (type === 'RollingUpdate') {
    const ru = asObject(rollingUpdate);
    return ru === undefined
      ? [fieldErr.required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil')]
      : validateRollingUpdate(ru, 'spec.strategy.rollingUpdate');
  }
  return [fieldErr.notSupported('spec.strategy', strategy, ['Recreate', 'RollingUpdate'])];
}

function validateDeploymentSpec(spec: JsonObject): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...nonNegative('spec.replicas', readInt(spec, 'replicas', 'spec.replicas', errs)));
  validateReplicaSpecCommon(spec, errs);
  errs.push(...validateStrategy(asObject(spec['strategy']) ?? {}));
  const minReady = readInt(spec, 'minReadySeconds', 'spec.minReadySeconds', errs) ?? 0;
  errs.push(...nonNegative('spec.minReadySeconds', minReady));
  errs.push(...nonNegative('spec.revisionHistoryLimit', readInt(spec, 'revisionHistoryLimit', 'spec.revisionHistoryLimit', errs)));
  const deadline = readInt(spec, 'progressDeadlineSeconds', 'spec.progressDeadlineSeconds', errs);
  if (deadline !== undefined) {
    errs.push(...nonNegative('spec.progressDeadlineSeconds', deadline));
    if (deadline <= minReady) errs.push(fieldErr.invalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'));
  }
  return errs;
}

/** A Deployment; on update the apps/v1 strategy also makes `spec.selector` immutable. */
export function validateDeployment(obj: JsonObject, old?: JsonObject): FieldError[] {
  const spec = asObject(obj['spec']) ?? {};
  if (old === undefined) return [...validateObjectMeta(obj['metadata'], nameIsDNSSubdomain), ...validateDeploymentSpec(spec)];
  const oldSpec = asObject(old['spec']) ?? {};
  return [
    ...validateObjectMetaUpdate(obj['metadata'], old['metadata']),
    ...validateDeploymentSpec(spec),
    ...immutable('spec.selector', spec['selector'], oldSpec['selector']),
  ];
}

function validateReplicaSetSpec(spec: JsonObject): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...nonNegative('spec.replicas', readInt(spec, 'replicas', 'spec.replicas', errs)));
  errs.push(...nonNegative('spec.minReadySeconds', readInt(spec, 'minReadySeconds', 'spec.minReadySeconds', errs)));
  validateReplicaSpecCommon(spec, errs);
  return errs;
}

/** A ReplicaSet; on update `spec.selector` is immutable (apps/v1). */
export function validateReplicaSet(obj: JsonObject, old?: JsonObject): FieldError[] {
  const spec = asObject(obj['spec']) ?? {};
  if (old === undefined) return [...validateObjectMeta(obj['metadata'], nameIsDNSSubdomain), ...validateReplicaSetSpec(spec)];
  return [
    ...validateObjectMetaUpdate(obj['metadata'], old['metadata']),
    ...validateReplicaSetSpec(spec),
    ...immutable('spec.selector', spec['selector'], asObject(old['spec'])?.['selector']),
  ];
}
