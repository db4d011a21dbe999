// PUT /…/<resource>/<name>[/status]: the update path shared by PUT, PATCH and the scale subresource.
import { ApiError, conflict } from '../../../api/api-error.js';
import { isJsonObject, type KubeObject } from '../../../api/meta.js';
import { deepEqual } from '../../../lib/deep-equal.js';
import { dropNulls } from '../../../lib/json.js';
import { jsonResponse, type ApiRequest, type ApiResponse } from '../http-types.js';
import { prepareStatusUpdate, prepareUpdate } from '../object-lifecycle.js';
import type { ResourceDef } from '../registry/resource-def.js';
import { objectJson, toServed } from '../render.js';
import { decodeObjectBody } from '../request-body.js';
import { warningHeader, type RequestScope, type ServerContext } from '../server-context.js';
import { applyDefaults, checkTypeMeta, decodeChecked, fieldValidationOf, toStorage, validateOrThrow, type FieldValidation } from './admit.js';
import { namespaceFinalizers } from './delete.js';
import { mustGet } from './read.js';

export interface UpdateOptions {
  status: boolean;
  /** The namespace `finalize` subresource: only `spec.finalizers` changes. */
  finalize?: boolean;
  dryRun: boolean;
  mode: FieldValidation;
  scope: RequestScope;
}

function checkPreconditions(def: ResourceDef, next: KubeObject, old: KubeObject): void {
  const name = old.metadata.name ?? '';
  const rv = next.metadata.resourceVersion;
  if (rv !== undefined && rv !== '' && rv !== old.metadata.resourceVersion) throw conflict(def.resource, def.group, name);
  const uid = next.metadata.uid;
  if (uid !== undefined && uid !== '' && uid !== old.metadata.uid) {
    throw conflict(def.resource, def.group, name, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${old.metadata.uid ?? ''}`);
  }
}

const withoutRv = (o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata, resourceVersion: '' } });

/** Admits `next` (served version) as the new state of `old` and commits it. Returns the stored object. */
export function commitUpdate(ctx: ServerContext, def: ResourceDef, next: KubeObject, old: KubeObject, opts: UpdateOptions): KubeObject {
  const typed = checkTypeMeta(def, dropNulls(next));
  if (typed.metadata.name !== undefined && typed.metadata.name !== old.metadata.name) {
    throw new ApiError('BadRequest', `the name of the object (${typed.metadata.name}) does not match the name on the URL (${old.metadata.name ?? ''})`);
  }
  checkPreconditions(def, typed, old);
  const decoded = decodeChecked(def, typed, opts.mode, opts.scope);
  let updated: KubeObject;
  if (opts.status) {
    updated = prepareStatusUpdate(toStorage(def, decoded), old);
  } else if (opts.finalize) {
    const spec = isJsonObject(decoded['spec']) ? decoded['spec'] : {};
    updated = { ...old, spec: { ...(isJsonObject(old['spec']) ? old['spec'] : {}), finalizers: spec['finalizers'] ?? [] } };
  } else {
    updated = prepareUpdate(def, applyDefaults(def, toStorage(def, decoded), old), old);
  }
  validateOrThrow(def, updated, old);
  updated = { ...updated, metadata: { ...updated.metadata, resourceVersion: old.metadata.resourceVersion ?? '' } };
  if (deepEqual(withoutRv(updated), withoutRv(old)) || opts.dryRun) return opts.dryRun ? updated : old;
  const finalizers = [...(updated.metadata.finalizers ?? []), ...namespaceFinalizers(def, updated)];
  if (updated.metadata.deletionTimestamp !== undefined && finalizers.length === 0 && (updated.metadata.deletionGracePeriodSeconds ?? 0) === 0) {
    ctx.store.update(def.storage, updated, { expectedRv: old.metadata.resourceVersion ?? '' });
    return ctx.store.delete(def.storage, updated.metadata.namespace ?? '', updated.metadata.name ?? '');
  }
  return ctx.store.update(def.storage, updated, { expectedRv: old.metadata.resourceVersion ?? '' });
}

/** Response for a committed (or dry-run) update. */
export function updatedResponse(ctx: ServerContext, def: ResourceDef, obj: KubeObject, opts: UpdateOptions): ApiResponse {
  const body = opts.dryRun ? JSON.stringify(toServed(def, obj)) : objectJson(ctx, def, obj);
  return jsonResponse(200, body, warningHeader(opts.scope.warnings));
}

/** Options of a write request from its query string. */
export function updateOptionsOf(req: ApiRequest, status: boolean): UpdateOptions {
  return { status, dryRun: req.query.get('dryRun') === 'All', mode: fieldValidationOf(req.query), scope: { warnings: [] } };
}

/** PUT handler (main resource or /status). */
export function updateObject(ctx: ServerContext, def: ResourceDef, req: ApiRequest, namespace: string | undefined, name: string, status: boolean, finalize = false): ApiResponse {
  const opts = { ...updateOptionsOf(req, status), finalize };
  const body = decodeObjectBody(req);
  const old = mustGet(ctx, def, namespace, name);
  return updatedResponse(ctx, def, commitUpdate(ctx, def, body, old, opts), opts);
}
