// Server-owned metadata and the status/spec split, applied on every write (the registry "strategy").
import { ApiError } from '../../api/api-error.js';
import { isJsonObject, type KubeObject, type ObjectMeta } from '../../api/meta.js';
import { deepEqual } from '../../lib/deep-equal.js';
import type { ResourceDef } from './registry/resource-def.js';

/** What the write path needs besides the object: time and identity sources. */
export interface CreateContext {
  nowIso: string;
  uid: string;
  /** Random suffix for generateName (5 chars). */
  suffix: string;
}

/** Status a freshly created object starts with, for built-ins that reset it (Kubernetes PrepareForCreate). */
function initialStatus(def: ResourceDef, obj: KubeObject): unknown {
  if (def.custom) return undefined;
  switch (def.kind) {
    case 'Pod': return { phase: 'Pending', qosClass: 'BestEffort' };
    case 'Service': case 'Ingress': return { loadBalancer: {} };
    case 'Namespace': return { phase: 'Active' };
    case 'CustomResourceDefinition': return obj['status'];
    default: return {};
  }
}

/** Fills server-owned metadata on create: name from generateName, uid, creationTimestamp, generation. */
export function prepareCreate(def: ResourceDef, obj: KubeObject, namespace: string | undefined, ctx: CreateContext): KubeObject {
  const meta: ObjectMeta = { ...obj.metadata };
  if (meta.resourceVersion) throw new ApiError('BadRequest', 'resourceVersion should not be set on objects to be created');
  if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${ctx.suffix}`;
  if (def.namespaced) {
    if (meta.namespace && namespace && meta.namespace !== namespace) {
      throw new ApiError('BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
    }
    meta.namespace = namespace ?? meta.namespace ?? 'default';
  } else {
    delete meta.namespace;
  }
  meta.uid = ctx.uid;
  meta.creationTimestamp = ctx.nowIso;
  meta.generation = 1;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.managedFields;
  const out: KubeObject = { ...obj, metadata: meta };
  if (def.hasStatus) {
    const status = initialStatus(def, obj);
    if (status === undefined) delete out['status']; else out['status'] = status;
  }
  return out;
}

/** Content that drives `metadata.generation`: everything but metadata (and status when it is a subresource). */
function generationContent(def: ResourceDef, obj: KubeObject): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...obj };
  delete rest['metadata'];
  delete rest['apiVersion'];
  delete rest['kind'];
  if (def.hasStatus) delete rest['status'];
  return rest;
}

/**
 * Carries server-owned fields across an update of the main resource: identity and timestamps from `old`,
 * status from `old` when status is a subresource, generation bumped when the content changed.
 */
export function prepareUpdate(def: ResourceDef, obj: KubeObject, old: KubeObject): KubeObject {
  const meta: ObjectMeta = {
    ...obj.metadata,
    name: old.metadata.name ?? '',
    uid: old.metadata.uid ?? '',
    creationTimestamp: old.metadata.creationTimestamp ?? '',
    generation: old.metadata.generation ?? 1,
  };
  if (old.metadata.namespace !== undefined) meta.namespace = old.metadata.namespace;
  if (old.metadata.deletionTimestamp !== undefined) meta.deletionTimestamp = old.metadata.deletionTimestamp;
  else delete meta.deletionTimestamp;
  if (old.metadata.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
  delete meta.managedFields;
  const out: KubeObject = { ...obj, metadata: meta };
  if (def.hasStatus) {
    if (old['status'] === undefined) delete out['status']; else out['status'] = old['status'];
  }
  if (!deepEqual(generationContent(def, out), generationContent(def, old))) meta.generation = (old.metadata.generation ?? 1) + 1;
  return out;
}

/** An update through `/status`: only status changes; everything else stays as stored. */
export function prepareStatusUpdate(obj: KubeObject, old: KubeObject): KubeObject {
  const out: KubeObject = { ...old };
  if (obj['status'] === undefined) delete out['status']; else out['status'] = obj['status'];
  return out;
}

/** True when the object is marked for deletion and nothing holds it any more. */
export function isReadyToRemove(obj: KubeObject): boolean {
  return obj.metadata.deletionTimestamp !== undefined && (obj.metadata.finalizers ?? []).length === 0;
}

/** Reads a value at a simple JSONPath such as `.spec.replicas` (used by the scale subresource). */
export function readPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.replace(/^\./, '').split('.')) {
    if (!isJsonObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** Returns a copy of `obj` with `value` written at a simple JSONPath, creating objects on the way. */
export function writePath(obj: KubeObject, path: string, value: unknown): KubeObject {
  const parts = path.replace(/^\./, '').split('.');
  const write = (cur: unknown, i: number): unknown => {
    const base = isJsonObject(cur) ? { ...cur } : {};
    const key = parts[i] ?? '';
    base[key] = i === parts.length - 1 ? value : write(base[key], i + 1);
    return base;
  };
  const out = write(obj, 0);
  return isJsonObject(out) ? { ...obj, ...out } : obj;
}
