// PATCH /…/<resource>/<name>[/status]: JSON patch, JSON merge patch, strategic merge patch (built-ins only)
// and server-side apply (approximated as create-or-merge; managedFields are not tracked).
import { ApiError, notFound } from '../../../api/api-error.js';
import { decodeKubeObject, type KubeObject } from '../../../api/meta.js';
import type { ApiRequest, ApiResponse } from '../http-types.js';
import { applyJsonPatch } from '../patch/json-patch.js';
import { applyMergePatch } from '../patch/json-merge-patch.js';
import type { ResourceDef } from '../registry/resource-def.js';
import { toServed } from '../render.js';
import { contentType, parseBody } from '../request-body.js';
import type { ServerContext } from '../server-context.js';
import { createObject } from './create.js';
import { commitUpdate, updatedResponse, updateOptionsOf } from './update.js';

const JSON_PATCH = 'application/json-patch+json';
const MERGE_PATCH = 'application/merge-patch+json';
const STRATEGIC = 'application/strategic-merge-patch+json';
const APPLY = 'application/apply-patch+yaml';

function unsupported(def: ResourceDef): ApiError {
  const accepted = def.hooks.strategicMerge ? [JSON_PATCH, MERGE_PATCH, STRATEGIC, APPLY] : [JSON_PATCH, MERGE_PATCH, APPLY];
  return new ApiError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
}

/** Applies a patch of the given media type to the served form of an object. */
export function applyPatch(def: ResourceDef, type: string, current: KubeObject, patch: unknown): KubeObject {
  let result: unknown;
  switch (type) {
    case JSON_PATCH: result = applyJsonPatch(current, patch); break;
    case MERGE_PATCH: result = applyMergePatch(current, patch); break;
    case STRATEGIC:
      if (!def.hooks.strategicMerge) throw unsupported(def);
      result = def.hooks.strategicMerge(current, patch);
      break;
    case APPLY:
      result = def.hooks.strategicMerge ? def.hooks.strategicMerge(current, patch) : applyMergePatch(current, patch);
      break;
    default: throw unsupported(def);
  }
  try {
    return decodeKubeObject(result);
  } catch {
    throw new ApiError('BadRequest', 'the patch does not produce an object');
  }
}

/** PATCH handler (main resource or /status). */
export function patchObject(ctx: ServerContext, def: ResourceDef, req: ApiRequest, namespace: string | undefined, name: string, status: boolean): ApiResponse {
  const type = contentType(req);
  const opts = updateOptionsOf(req, status);
  const old = ctx.store.get(def.storage, def.namespaced ? namespace ?? '' : '', name);
  if (!old && type === APPLY && !status) return createObject(ctx, def, req, namespace);
  if (![JSON_PATCH, MERGE_PATCH, STRATEGIC, APPLY].includes(type)) throw unsupported(def);
  const patch = parseBody(req);
  if (!old) throw notFound(def.resource, def.group, name);
  const next = applyPatch(def, type, toServed(def, old), patch);
  return updatedResponse(ctx, def, commitUpdate(ctx, def, next, old, opts), opts);
}
