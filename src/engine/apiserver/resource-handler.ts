// Dispatches a resource request to its verb handler.
import { ApiError } from '../../api/api-error.js';
import type { ApiRequest, ApiResponse } from './http-types.js';
import type { ResourceRequest } from './request-info.js';
import type { ResourceDef } from './registry/resource-def.js';
import type { ServerContext } from './server-context.js';
import { createObject } from './verbs/create.js';
import { deleteCollection, deleteObject } from './verbs/delete.js';
import { evictPod } from './verbs/evict.js';
import { podLog } from './verbs/logs.js';
import { selfReview } from './verbs/self-review.js';
import { patchObject } from './verbs/patch.js';
import { getObject, listObjects, mustGet } from './verbs/read.js';
import { isJsonObject } from '../../api/meta.js';
import { getScale, writeScale } from './verbs/scale.js';
import { updateObject } from './verbs/update.js';
import { watchObjects } from './verbs/watch.js';

const notServed = (): ApiError => new ApiError('NotFound', 'the server could not find the requested resource');

function methodNotAllowed(method: string): ApiError {
  return new ApiError('MethodNotAllowed', `the server does not allow this method on the requested resource (${method})`);
}

function subresource(ctx: ServerContext, def: ResourceDef, req: ApiRequest, info: ResourceRequest, name: string): ApiResponse {
  const ns = info.namespace;
  switch (info.subresource) {
    case 'status':
      if (!def.hasStatus) throw notServed();
      if (req.method === 'GET') return getObject(ctx, def, req, ns, name);
      if (req.method === 'PUT') return updateObject(ctx, def, req, ns, name, true);
      if (req.method === 'PATCH') return patchObject(ctx, def, req, ns, name, true);
      throw methodNotAllowed(req.method);
    case 'scale':
      if (!def.scale) throw notServed();
      if (req.method === 'GET') return getScale(ctx, def, ns, name);
      if (req.method === 'PUT' || req.method === 'PATCH') return writeScale(ctx, def, req, ns, name);
      throw methodNotAllowed(req.method);
    case 'log':
      if (def.kind !== 'Pod' || def.custom || req.method !== 'GET') throw notServed();
      return podLog(ctx, def, req, ns ?? 'default', name);
    case 'eviction':
      if (def.kind !== 'Pod' || def.custom || req.method !== 'POST') throw notServed();
      return evictPod(ctx, def, req, ns ?? 'default', name);
    case 'exec':
    case 'attach':
    case 'portforward':
      if (def.kind !== 'Pod' || def.custom) throw notServed();
      throw streamingNotAvailable(ctx, def, ns ?? 'default', name, info.subresource);
    case 'finalize':
      if (def.kind !== 'Namespace' || req.method !== 'PUT') throw notServed();
      return updateObject(ctx, def, req, ns, name, false, true);
    default: throw notServed();
  }
}

/** exec, attach and port-forward need a container runtime's streams; the runtime's pods are local processes. */
function streamingNotAvailable(ctx: ServerContext, def: ResourceDef, ns: string, name: string, sub: string): ApiError {
  const pod = mustGet(ctx, def, ns, name);
  const status = isJsonObject(pod['status']) ? pod['status'] : {};
  const ip = typeof status['podIP'] === 'string' ? status['podIP'] : '';
  if (sub === 'portforward') {
    return new ApiError('BadRequest', `port-forward is not needed with the Sluice runtime: pod "${name}" listens on its own loopback address${ip === '' ? '' : ` ${ip}`} on this machine, and Services on their cluster IPs`);
  }
  return new ApiError('BadRequest', `${sub} is not available in the Sluice runtime: pod "${name}" runs as processes on this machine${ip === '' ? '' : ` (pod IP ${ip})`}; run the command there`);
}

/** Handles a request addressed to a resource. */
export function handleResource(ctx: ServerContext, req: ApiRequest, info: ResourceRequest): ApiResponse {
  const def = ctx.registry.lookup(info.group, info.version, info.resource);
  if (!def) {
    const review = selfReview(req, info);
    if (review) return review;
    throw notServed();
  }
  if (!def.namespaced && info.namespace !== undefined) throw notServed();
  const response = dispatch(ctx, def, req, info);
  if (def.deprecationWarning) response.headers['warning'] = `299 - ${JSON.stringify(def.deprecationWarning)}`;
  return response;
}

function dispatch(ctx: ServerContext, def: ResourceDef, req: ApiRequest, info: ResourceRequest): ApiResponse {
  const ns = def.namespaced ? info.namespace : undefined;
  const name = info.name;
  if (name !== undefined && info.subresource !== undefined) return subresource(ctx, def, req, info, name);
  switch (info.verb) {
    case 'list': return listObjects(ctx, def, req, ns);
    case 'watch': return name === undefined ? watchObjects(ctx, def, req, ns) : notWatchable();
    case 'get': return getObject(ctx, def, req, ns, name ?? '');
    case 'create':
      if (name !== undefined) throw methodNotAllowed('POST');
      return createObject(ctx, def, req, ns);
    case 'update': return updateObject(ctx, def, req, ns, name ?? '', false);
    case 'patch': return patchObject(ctx, def, req, ns, name ?? '', false);
    case 'delete': return deleteObject(ctx, def, req, ns, name ?? '');
    case 'deletecollection': return deleteCollection(ctx, def, req, ns);
  }
}

function notWatchable(): never {
  throw new ApiError('BadRequest', 'watching a single object by name is not supported; use a list watch with fieldSelector=metadata.name=<name>');
}
