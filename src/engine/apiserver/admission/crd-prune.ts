// Pruning of fields a structural schema does not specify (apiextensions pruning algorithm, 1.32), in place
// on a fresh copy, recording each dropped path as `spec.foo` / `spec.steps[0].bar` for strict field validation.
import { child, index } from './_field.js';
import { asArray, asObject, type JsonObject } from './_json.js';

const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);
const OBJECT_META_FIELDS = new Set(['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation',
  'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences',
  'finalizers', 'managedFields']);

/** ObjectMeta of the resource root and of embedded resources keeps only ObjectMeta's own fields. */
function pruneObjectMeta(meta: unknown, path: string, pruned: string[]): void {
  const m = asObject(meta);
  if (m === undefined) return;
  for (const k of Object.keys(m)) {
    if (OBJECT_META_FIELDS.has(k)) continue;
    pruned.push(child(path, k));
    delete m[k];
  }
}

function pruneArray(list: readonly unknown[], items: JsonObject | undefined, path: string, pruned: string[]): void {
  list.forEach((v, i) => pruneValue(v, items, index(path, i), pruned));
}

function pruneObject(o: JsonObject, s: JsonObject | undefined, path: string, pruned: string[]): void {
  if (s === undefined) {
    for (const k of Object.keys(o)) {
      pruned.push(child(path, k));
      delete o[k];
    }
    return;
  }
  const embedded = s['x-kubernetes-embedded-resource'] === true;
  const properties = asObject(s['properties']) ?? {};
  const additional = s['additionalProperties'];
  for (const k of Object.keys(o)) {
    if (embedded && META_FIELDS.has(k)) {
      if (k === 'metadata') pruneObjectMeta(o[k], child(path, k), pruned);
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(properties, k)) pruneValue(o[k], asObject(properties[k]), child(path, k), pruned);
    else if (additional !== undefined && additional !== false) pruneValue(o[k], asObject(additional), child(path, k), pruned);
    else {
      if (!META_FIELDS.has(k) || path !== '') pruned.push(child(path, k));
      delete o[k];
    }
  }
}

/** x-kubernetes-preserve-unknown-fields: unknown fields stay, but specified ones are still pruned inside. */
function skipPrune(x: unknown, s: JsonObject, path: string, pruned: string[]): void {
  const list = asArray(x);
  if (list !== undefined) {
    const items = asObject(s['items']);
    if (items !== undefined) list.forEach((v, i) => skipPrune(v, items, index(path, i), pruned));
    return;
  }
  const o = asObject(x);
  if (o === undefined) return;
  const embedded = s['x-kubernetes-embedded-resource'] === true;
  const properties = asObject(s['properties']) ?? {};
  const additional = asObject(s['additionalProperties']);
  for (const k of Object.keys(o)) {
    if (embedded && META_FIELDS.has(k)) {
      if (k === 'metadata') pruneObjectMeta(o[k], child(path, k), pruned);
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(properties, k)) pruneValue(o[k], asObject(properties[k]), child(path, k), pruned);
    else if (additional !== undefined) pruneValue(o[k], additional, child(path, k), pruned);
  }
}

/** Prunes one value against its schema node (undefined node: everything below is unknown). */
function pruneValue(x: unknown, s: JsonObject | undefined, path: string, pruned: string[]): void {
  if (s !== undefined && s['x-kubernetes-preserve-unknown-fields'] === true) {
    skipPrune(x, s, path, pruned);
    return;
  }
  const list = asArray(x);
  if (list !== undefined) {
    pruneArray(list, asObject(s?.['items']), path, pruned);
    return;
  }
  const o = asObject(x);
  if (o !== undefined) pruneObject(o, s, path, pruned);
}

/**
 * Prunes `root` in place against `schema`, treating the root as a resource (apiVersion, kind and metadata are
 * kept; unknown metadata fields are dropped). Returns the dropped paths, sorted as Kubernetes sorts them.
 */
export function pruneInPlace(root: JsonObject, schema: JsonObject): string[] {
  const pruned: string[] = [];
  const rootSchema: JsonObject = { ...schema, 'x-kubernetes-embedded-resource': true };
  pruneValue(root, rootSchema, '', pruned);
  return pruned.sort();
}
