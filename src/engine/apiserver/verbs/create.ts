// POST /…/<resource>: decode, admit, store. A refused request changes nothing.
import { alreadyExists, ApiError, notFound } from '../../../api/api-error.js';
import { rfc3339 } from '../../../lib/clock.js';
import { dropNulls } from '../../../lib/json.js';
import { jsonResponse, type ApiRequest, type ApiResponse } from '../http-types.js';
import { prepareCreate } from '../object-lifecycle.js';
import type { ResourceDef } from '../registry/resource-def.js';
import { objectJson, toServed } from '../render.js';
import { decodeObjectBody } from '../request-body.js';
import { warningHeader, type RequestScope, type ServerContext } from '../server-context.js';
import { checkTypeMeta, decodeChecked, defaultAndValidate, fieldValidationOf, toStorage } from './admit.js';
import type { KubeObject } from '../../../api/meta.js';

/** Fails unless the namespace exists and is not terminating. */
export function checkNamespaceWritable(ctx: ServerContext, namespace: string): void {
  const ns = ctx.store.get('namespaces', '', namespace);
  if (!ns) throw notFound('namespaces', '', namespace);
  if (ns.metadata.deletionTimestamp !== undefined) {
    throw new ApiError('Forbidden', `unable to create new content in namespace ${namespace} because it is being terminated`);
  }
}

/** Admits a new object of `def` in `namespace` and stores it (or only returns it on dry run). */
export function createStored(ctx: ServerContext, def: ResourceDef, raw: KubeObject, namespace: string | undefined,
  opts: { dryRun: boolean; mode: 'Strict' | 'Warn' | 'Ignore'; scope: RequestScope }): KubeObject {
  const typed = checkTypeMeta(def, dropNulls(raw));
  const decoded = decodeChecked(def, typed, opts.mode, opts.scope);
  const prepared = prepareCreate(def, toStorage(def, decoded), def.namespaced ? namespace : undefined, {
    nowIso: rfc3339(ctx.clock.now()), uid: ctx.newUid(), suffix: ctx.randomSuffix(),
  });
  if (def.namespaced) checkNamespaceWritable(ctx, prepared.metadata.namespace ?? 'default');
  // Refuse a duplicate before the (possibly expensive) admission work; the store checks again on write.
  if (prepared.metadata.name && ctx.store.get(def.storage, def.namespaced ? prepared.metadata.namespace ?? '' : '', prepared.metadata.name)) {
    throw alreadyExists(def.resource, def.group, prepared.metadata.name);
  }
  const admitted = defaultAndValidate(def, prepared, undefined);
  if (opts.dryRun) return admitted;
  return ctx.store.create(def.storage, admitted);
}

/** POST handler. */
export function createObject(ctx: ServerContext, def: ResourceDef, req: ApiRequest, namespace: string | undefined): ApiResponse {
  const scope: RequestScope = { warnings: [] };
  const dryRun = req.query.get('dryRun') === 'All';
  const stored = createStored(ctx, def, decodeObjectBody(req), namespace, { dryRun, mode: fieldValidationOf(req.query), scope });
  const body = dryRun ? JSON.stringify(toServed(def, stored)) : objectJson(ctx, def, stored);
  return jsonResponse(201, body, warningHeader(scope.warnings));
}
