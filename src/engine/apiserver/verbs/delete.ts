// DELETE: preconditions, propagation policy (Background, Foreground, Orphan via finalizers, as Kubernetes
// does it), graceful deletion of running pods, and finalizers that hold an object until controllers let go.
import { ApiError, conflict } from '../../../api/api-error.js';
import { isJsonObject, type KubeObject } from '../../../api/meta.js';
import { rfc3339 } from '../../../lib/clock.js';
import { jsonResponse, type ApiRequest, type ApiResponse } from '../http-types.js';
import type { ResourceDef } from '../registry/resource-def.js';
import { objectJson, toServed } from '../render.js';
import { parseBody } from '../request-body.js';
import type { ServerContext } from '../server-context.js';
import { mustGet, selectorsOf, selects } from './read.js';

export const ORPHAN_FINALIZER = 'orphan';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  propagationPolicy: PropagationPolicy;
  gracePeriodSeconds?: number;
  preconditions: { uid?: string; resourceVersion?: string };
  dryRun: boolean;
}

function deleteOptionsOf(req: ApiRequest): DeleteOptions {
  const body = req.body && req.body.length > 0 ? parseBody(req) : {};
  return deleteOptionsFrom(isJsonObject(body) ? body : {}, req.query);
}

/** DeleteOptions from a body (a DELETE's, or an Eviction's `deleteOptions`) and the query. */
export function deleteOptionsFrom(b: Readonly<Record<string, unknown>>, query: URLSearchParams): DeleteOptions {
  const policy = b['propagationPolicy'] ?? query.get('propagationPolicy') ?? (b['orphanDependents'] === true ? 'Orphan' : 'Background');
  if (policy !== 'Background' && policy !== 'Foreground' && policy !== 'Orphan') {
    throw new ApiError('BadRequest', `propagationPolicy must be one of Background, Foreground, Orphan: got ${JSON.stringify(policy)}`);
  }
  const grace = b['gracePeriodSeconds'] ?? query.get('gracePeriodSeconds') ?? undefined;
  const pre = isJsonObject(b['preconditions']) ? b['preconditions'] : {};
  const dryRunList = Array.isArray(b['dryRun']) ? b['dryRun'] : [];
  const opts: DeleteOptions = {
    propagationPolicy: policy,
    preconditions: {
      ...(typeof pre['uid'] === 'string' ? { uid: pre['uid'] } : {}),
      ...(typeof pre['resourceVersion'] === 'string' ? { resourceVersion: pre['resourceVersion'] } : {}),
    },
    dryRun: query.get('dryRun') === 'All' || dryRunList.includes('All'),
  };
  if (grace !== undefined && grace !== null) opts.gracePeriodSeconds = Number(grace);
  return opts;
}

/** The grace period a running pod gets, or 0 when it can go at once (not yet on a node, or asked for 0). */
function podGraceSeconds(def: ResourceDef, obj: KubeObject, requested: number | undefined): number {
  if (def.kind !== 'Pod' || def.custom) return 0;
  const spec = isJsonObject(obj['spec']) ? obj['spec'] : {};
  if (!spec['nodeName']) return 0;
  if (requested !== undefined) return Math.max(0, requested);
  const fromSpec = spec['terminationGracePeriodSeconds'];
  return typeof fromSpec === 'number' ? fromSpec : 30;
}

/** A Namespace's `spec.finalizers` (the `kubernetes` finalizer that empties it before it goes). */
export function namespaceFinalizers(def: ResourceDef, obj: KubeObject): string[] {
  if (def.kind !== 'Namespace' || def.custom) return [];
  const spec = obj['spec'];
  const list = isJsonObject(spec) && Array.isArray(spec['finalizers']) ? spec['finalizers'] : [];
  return list.filter((f): f is string => typeof f === 'string');
}

function withoutFinalizers<T extends { finalizers?: string[] }>(meta: T): Omit<T, 'finalizers'> {
  const { finalizers: _omitted, ...rest } = meta;
  return rest;
}

/** Marks or removes one object according to `opts`; returns the object as left (or removed). */
export function deleteStored(ctx: ServerContext, def: ResourceDef, obj: KubeObject, opts: DeleteOptions): { object: KubeObject; removed: boolean } {
  const name = obj.metadata.name ?? '';
  if (opts.preconditions.uid && opts.preconditions.uid !== obj.metadata.uid) {
    throw conflict(def.resource, def.group, name, `Precondition failed: UID in precondition: ${opts.preconditions.uid}, UID in object meta: ${obj.metadata.uid ?? ''}`);
  }
  if (opts.preconditions.resourceVersion && opts.preconditions.resourceVersion !== obj.metadata.resourceVersion) {
    throw conflict(def.resource, def.group, name, `Precondition failed: ResourceVersion in precondition: ${opts.preconditions.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion ?? ''}`);
  }
  const finalizers = [...(obj.metadata.finalizers ?? [])];
  const specFinalizers = namespaceFinalizers(def, obj);
  const adding = opts.propagationPolicy === 'Orphan' ? ORPHAN_FINALIZER : opts.propagationPolicy === 'Foreground' ? FOREGROUND_FINALIZER : undefined;
  const alreadyDeleting = obj.metadata.deletionTimestamp !== undefined;
  if (adding && !alreadyDeleting && !finalizers.includes(adding)) finalizers.push(adding);
  const grace = podGraceSeconds(def, obj, opts.gracePeriodSeconds);
  if (finalizers.length === 0 && specFinalizers.length === 0 && grace === 0) {
    if (opts.dryRun) return { object: obj, removed: true };
    return { object: ctx.store.delete(def.storage, obj.metadata.namespace ?? '', name), removed: true };
  }
  if (alreadyDeleting && (obj.metadata.deletionGracePeriodSeconds ?? 0) <= grace && finalizers.length === (obj.metadata.finalizers ?? []).length) {
    return { object: obj, removed: false };
  }
  const nowMs = ctx.clock.now();
  const metadata = {
    ...obj.metadata, finalizers,
    deletionTimestamp: alreadyDeleting && grace > 0 ? obj.metadata.deletionTimestamp ?? rfc3339(nowMs) : rfc3339(nowMs + grace * 1000),
    deletionGracePeriodSeconds: grace,
  };
  const marked: KubeObject = { ...obj, metadata: finalizers.length === 0 ? withoutFinalizers(metadata) : metadata };
  if (specFinalizers.length > 0) marked['status'] = { ...(isJsonObject(obj['status']) ? obj['status'] : {}), phase: 'Terminating' };
  if (opts.dryRun) return { object: marked, removed: false };
  return { object: ctx.store.update(def.storage, marked, { expectedRv: obj.metadata.resourceVersion ?? '' }), removed: false };
}

/** DELETE of one object. */
export function deleteObject(ctx: ServerContext, def: ResourceDef, req: ApiRequest, namespace: string | undefined, name: string): ApiResponse {
  const obj = mustGet(ctx, def, namespace, name);
  const { object, removed } = deleteStored(ctx, def, obj, deleteOptionsOf(req));
  if (!removed) return jsonResponse(200, objectJson(ctx, def, object));
  return jsonResponse(200, {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success',
    details: { name, group: def.group, kind: def.resource, uid: object.metadata.uid ?? '' },
  });
}

/** DELETE of a collection (with selectors). */
export function deleteCollection(ctx: ServerContext, def: ResourceDef, req: ApiRequest, namespace: string | undefined): ApiResponse {
  const sel = selectorsOf(req.query);
  const opts = deleteOptionsOf(req);
  const victims = ctx.store.list(def.storage, def.namespaced ? namespace : undefined).filter((o) => selects(def, sel, o));
  const items = victims.map((o) => toServed(def, deleteStored(ctx, def, o, opts).object));
  const apiVersion = def.group === '' ? def.version : `${def.group}/${def.version}`;
  return jsonResponse(200, { kind: def.listKind, apiVersion, metadata: { resourceVersion: String(ctx.store.currentRv()) }, items });
}
