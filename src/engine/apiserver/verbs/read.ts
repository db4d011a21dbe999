// GET of one object and LIST of a collection, with label/field selectors and limit/continue paging.
import { ApiError, notFound } from '../../../api/api-error.js';
import { matchesFields, parseFieldSelector, type FieldRequirement } from '../../../api/field-selector.js';
import { matchesRequirements, parseSelector, type Requirement } from '../../../api/label-selector.js';
import type { KubeObject } from '../../../api/meta.js';
import { jsonResponse, type ApiRequest, type ApiResponse } from '../http-types.js';
import type { ResourceDef } from '../registry/resource-def.js';
import { includeObjectOf, listJson, objectJson, tableJson, toServed, wantsTable } from '../render.js';
import type { ServerContext } from '../server-context.js';

/** Compiled label and field selectors of a list or watch request. */
export interface Selectors {
  labels: Requirement[];
  fields: FieldRequirement[];
}

/** Parses `labelSelector` and `fieldSelector` query parameters. */
export function selectorsOf(query: URLSearchParams): Selectors {
  return { labels: parseSelector(query.get('labelSelector') ?? ''), fields: parseFieldSelector(query.get('fieldSelector') ?? '') };
}

/** True when the object (as the served version shows it) passes both selectors. */
export function selects(def: ResourceDef, sel: Selectors, obj: KubeObject): boolean {
  if (!matchesRequirements(sel.labels, obj.metadata.labels)) return false;
  return sel.fields.length === 0 || matchesFields(sel.fields, toServed(def, obj));
}

/** Reads one object or fails with NotFound in Kubernetes' wording. */
export function mustGet(ctx: ServerContext, def: ResourceDef, namespace: string | undefined, name: string): KubeObject {
  const obj = ctx.store.get(def.storage, def.namespaced ? namespace ?? '' : '', name);
  if (!obj) throw notFound(def.resource, def.group, name);
  return obj;
}

/** GET /…/<resource>/<name> */
export function getObject(ctx: ServerContext, def: ResourceDef, req: ApiRequest, namespace: string | undefined, name: string): ApiResponse {
  const obj = mustGet(ctx, def, namespace, name);
  if (wantsTable(req.headers['accept'])) {
    return jsonResponse(200, tableJson(def, [obj], ctx.clock.now(), obj.metadata.resourceVersion ?? '', undefined, includeObjectOf(req.query)));
  }
  return jsonResponse(200, objectJson(ctx, def, obj));
}

interface ContinueToken { rv: string; after: string }

function decodeContinue(token: string): ContinueToken {
  try {
    const v: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof v === 'object' && v !== null && 'after' in v && 'rv' in v && typeof v.after === 'string' && typeof v.rv === 'string') {
      return { rv: v.rv, after: v.after };
    }
  } catch { /* fall through to the error below */ }
  throw new ApiError('BadRequest', 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}

const positionOf = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

/** GET /…/<resource> */
export function listObjects(ctx: ServerContext, def: ResourceDef, req: ApiRequest, namespace: string | undefined): ApiResponse {
  const sel = selectorsOf(req.query);
  const all = ctx.store.list(def.storage, def.namespaced ? namespace : undefined).filter((o) => selects(def, sel, o));
  const cont = req.query.get('continue');
  const token = cont ? decodeContinue(cont) : undefined;
  const rv = token?.rv ?? String(ctx.store.currentRv());
  const start = token ? all.filter((o) => positionOf(o) > token.after) : all;
  const limit = Number(req.query.get('limit') ?? '0');
  const page = limit > 0 ? start.slice(0, limit) : start;
  const last = page[page.length - 1];
  const next = limit > 0 && start.length > limit && last
    ? Buffer.from(JSON.stringify({ rv, after: positionOf(last) })).toString('base64url')
    : undefined;
  if (wantsTable(req.headers['accept'])) return jsonResponse(200, tableJson(def, page, ctx.clock.now(), rv, next, includeObjectOf(req.query)));
  return jsonResponse(200, listJson(ctx, def, page, rv, next));
}
