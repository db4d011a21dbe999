// ObjectMeta validation on create and update (apimachinery api/validation/objectmeta.go plus core's
// finalizer rule). Namespace presence and its match with the URL are the request handler's business.
import { fieldErr, type FieldError } from '../../../api/field-error.js';
import { child, immutable, index, invalidEach, nonNegative, tooLong } from './_field.js';
import { asArray, asNumber, asObject, asString, byteLength, isAbsent, objectsOf, type JsonObject } from './_json.js';
import { isDNS1123Label, isQualifiedName, isValidLabelValue, type NameValidator } from './metadata.js';

const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** Label keys and values (`metadata.labels: Invalid value: "-x": …`); the path is the map, not the key. */
export function validateLabels(labels: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(asObject(labels) ?? {})) {
    errs.push(...invalidEach(path, k, isQualifiedName(k)));
    if (typeof v === 'string') errs.push(...invalidEach(path, v, isValidLabelValue(v)));
  }
  return errs;
}

/** Annotation keys (case-insensitive qualified names) and the 256 KiB total size. */
export function validateAnnotations(annotations: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(asObject(annotations) ?? {})) {
    errs.push(...invalidEach(path, k, isQualifiedName(k.toLowerCase())));
    total += byteLength(k) + (typeof v === 'string' ? byteLength(v) : 0);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}

/** A finalizer name: a qualified name, and either one of the standard names or prefixed (`example.com/x`). */
export function validateFinalizerName(name: string, path: string): FieldError[] {
  const errs = invalidEach(path, name, isQualifiedName(name));
  if (!name.includes('/') && !STANDARD_FINALIZERS.has(name)) {
    errs.push(fieldErr.invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified'));
  }
  return errs;
}

function validateFinalizers(finalizers: unknown, path: string): FieldError[] {
  const names = (asArray(finalizers) ?? []).filter((f): f is string => typeof f === 'string');
  const errs = names.flatMap((f) => invalidEach(path, f, isQualifiedName(f)));
  names.forEach((f, i) => {
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(fieldErr.invalid(index(path, i), f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  if (names.includes('orphan') && names.includes('foregroundDeletion')) {
    errs.push(fieldErr.invalid(path, names, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

function validateOwnerReferences(refs: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of objectsOf(refs)) {
    const apiVersion = asString(ref['apiVersion']) ?? '';
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
    if (version === '') errs.push(fieldErr.invalid(child(path, 'apiVersion'), apiVersion, 'version must not be empty'));
    for (const f of ['kind', 'name', 'uid'] as const) {
      const v = asString(ref[f]) ?? '';
      if (v === '') errs.push(fieldErr.invalid(child(path, f), v, `${f} must not be empty`));
    }
    if (ref['controller'] !== true) continue;
    const name = `${asString(ref['kind']) ?? ''}/${asString(ref['name']) ?? ''}`;
    if (firstController === '') firstController = name;
    else errs.push(fieldErr.invalid(path, refs, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${name}`));
  }
  return errs;
}

/** The checks shared by create and update: labels, annotations, owner references, finalizers. */
function validateMetaContents(meta: JsonObject, path: string): FieldError[] {
  return [
    ...nonNegative(child(path, 'generation'), asNumber(meta['generation'])),
    ...validateLabels(meta['labels'], child(path, 'labels')),
    ...validateAnnotations(meta['annotations'], child(path, 'annotations')),
    ...validateOwnerReferences(meta['ownerReferences'], child(path, 'ownerReferences')),
    ...validateFinalizers(meta['finalizers'], child(path, 'finalizers')),
  ];
}

/** ValidateObjectMeta: name (or generateName) per `nameFn`, namespace syntax, labels, annotations, … */
export function validateObjectMeta(metadata: unknown, nameFn: NameValidator, path = 'metadata'): FieldError[] {
  const meta = asObject(metadata) ?? {};
  const errs: FieldError[] = [];
  const generateName = asString(meta['generateName']) ?? '';
  if (generateName !== '') errs.push(...invalidEach(child(path, 'generateName'), generateName, nameFn(generateName, true)));
  const name = asString(meta['name']) ?? '';
  if (name === '') errs.push(fieldErr.required(child(path, 'name'), 'name or generateName is required'));
  else errs.push(...invalidEach(child(path, 'name'), name, nameFn(name, false)));
  const namespace = asString(meta['namespace']) ?? '';
  if (namespace !== '') errs.push(...invalidEach(child(path, 'namespace'), namespace, isDNS1123Label(namespace)));
  return [...errs, ...validateMetaContents(meta, path)];
}

/**
 * ValidateObjectMetaUpdate. The server copies uid and creationTimestamp from the stored object before this
 * runs (as Kubernetes' BeforeUpdate does), so only values the client actually changed are reported.
 */
export function validateObjectMetaUpdate(metadata: unknown, oldMetadata: unknown, path = 'metadata'): FieldError[] {
  const meta = asObject(metadata) ?? {};
  const old = asObject(oldMetadata) ?? {};
  const errs: FieldError[] = [];
  if (!isAbsent(old['deletionTimestamp'])) errs.push(...noNewFinalizers(meta['finalizers'], old['finalizers'], child(path, 'finalizers')));
  const generation = asNumber(meta['generation']);
  const oldGeneration = asNumber(old['generation']);
  if (generation !== undefined && oldGeneration !== undefined && generation < oldGeneration) {
    errs.push(fieldErr.invalid(child(path, 'generation'), generation, 'must not be decremented'));
  }
  errs.push(...immutable(child(path, 'name'), meta['name'], old['name']));
  if (!isAbsent(meta['namespace'])) errs.push(...immutable(child(path, 'namespace'), meta['namespace'], old['namespace'] ?? ''));
  if (!isAbsent(meta['uid'])) errs.push(...immutable(child(path, 'uid'), meta['uid'], old['uid']));
  return [...errs, ...validateMetaContents(meta, path)];
}

function noNewFinalizers(next: unknown, prev: unknown, path: string): FieldError[] {
  const before = new Set((asArray(prev) ?? []).filter((f) => typeof f === 'string'));
  const extra = [...new Set((asArray(next) ?? []).filter((f): f is string => typeof f === 'string' && !before.has(f)))].sort();
  if (extra.length === 0) return [];
  const list = extra.map((f) => JSON.stringify(f)).join(', ');
  return [fieldErr.forbidden(path, `no new finalizers can be added if the object is being deleted, found new finalizers []string{${list}}`)];
}
