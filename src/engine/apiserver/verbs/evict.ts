// POST …/pods/<name>/eviction (policy/v1 or v1beta1 Eviction): the Eviction API `kubectl drain` and
// controllers use to remove a pod politely. This server has no PodDisruptionBudgets, so every eviction is
// allowed and becomes a graceful delete with the Eviction's deleteOptions; answered 201 with a Success Status.
import { ApiError } from '../../../api/api-error.js';
import { isJsonObject } from '../../../api/meta.js';
import { jsonResponse, type ApiRequest, type ApiResponse } from '../http-types.js';
import type { ResourceDef } from '../registry/resource-def.js';
import { parseBody } from '../request-body.js';
import type { ServerContext } from '../server-context.js';
import { deleteOptionsFrom, deleteStored } from './delete.js';
import { mustGet } from './read.js';

const EVICTION_VERSIONS = ['policy/v1', 'policy/v1beta1'];

/** Handles one eviction request. */
export function evictPod(ctx: ServerContext, def: ResourceDef, req: ApiRequest, namespace: string, name: string): ApiResponse {
  const body = parseBody(req);
  if (!isJsonObject(body)) throw new ApiError('BadRequest', 'the request body must be an Eviction object');
  if (body['kind'] !== 'Eviction' || !EVICTION_VERSIONS.includes(String(body['apiVersion']))) {
    throw new ApiError('BadRequest', `the body must be a policy/v1 Eviction, got ${String(body['apiVersion'] ?? '')} ${String(body['kind'] ?? '')}`.trimEnd());
  }
  const meta = isJsonObject(body['metadata']) ? body['metadata'] : {};
  if (meta['name'] !== name) {
    throw new ApiError('BadRequest', `name in URL does not match name in Eviction object`);
  }
  const options = deleteOptionsFrom(isJsonObject(body['deleteOptions']) ? body['deleteOptions'] : {}, req.query);
  const pod = mustGet(ctx, def, namespace, name);
  if (pod.metadata.deletionTimestamp === undefined) deleteStored(ctx, def, pod, options);
  return jsonResponse(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}
