// The API server as one function from request to response: authentication is the adapter's job, everything
// else happens here. It never throws: failures become metav1.Status responses.
import { ApiError, isApiError, toApiError, toStatus } from '../../api/api-error.js';
import { logger } from '../../lib/log.js';
import { jsonResponse, type ApiHandler, type ApiRequest, type ApiResponse } from './http-types.js';
import { handleNonResource } from './non-resource.js';
import { parseResourcePath } from './request-info.js';
import { handleResource } from './resource-handler.js';
import type { ServerContext } from './server-context.js';

const log = logger('apiserver');

/** Renders an error as a Status response. */
export function statusResponse(e: ApiError): ApiResponse {
  return jsonResponse(e.code, toStatus(e));
}

function route(ctx: ServerContext, req: ApiRequest, serverAddress: string): ApiResponse {
  const nonResource = handleNonResource(ctx.registry, req, serverAddress);
  if (nonResource) return nonResource;
  const info = parseResourcePath(req.method, req.path, req.query);
  if (!info) throw new ApiError('NotFound', 'the server could not find the requested resource');
  return handleResource(ctx, req, info);
}

/** Creates the request handler over a server context. */
export function createApiHandler(ctx: ServerContext, serverAddress: () => string): ApiHandler {
  return (req) => {
    try {
      return Promise.resolve(route(ctx, req, serverAddress()));
    } catch (e) {
      if (!isApiError(e)) log.error('request failed', { method: req.method, path: req.path, error: e instanceof Error ? e.stack ?? e.message : String(e) });
      return Promise.resolve(statusResponse(toApiError(e)));
    }
  };
}
