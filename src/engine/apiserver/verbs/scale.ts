// The scale subresource (autoscaling/v1 Scale) of Deployments, ReplicaSets and custom resources that declare one.
import { conflict, notFound } from '../../../api/api-error.js';
import { invalid } from '../../../api/field-error.js';
import { decodeKubeObject, isJsonObject, type KubeObject } from '../../../api/meta.js';
import { jsonResponse, type ApiRequest, type ApiResponse } from '../http-types.js';
import { applyJsonPatch } from '../patch/json-patch.js';
import { applyMergePatch } from '../patch/json-merge-patch.js';
import { readPath, writePath } from '../object-lifecycle.js';
import type { ResourceDef, ScaleSpec } from '../registry/resource-def.js';
import { contentType, parseBody } from '../request-body.js';
import type { ServerContext } from '../server-context.js';
import { mustGet } from './read.js';
import { commitUpdate, updateOptionsOf } from './update.js';
import { toServed } from '../render.js';

function scaleSpecOf(def: ResourceDef): ScaleSpec {
  if (!def.scale) throw notFound(`${def.resource}/scale`, def.group, '');
  return def.scale;
}

/** The Scale view of an object. */
export function scaleOf(def: ResourceDef, obj: KubeObject): KubeObject {
  const spec = scaleSpecOf(def);
  const served = toServed(def, obj);
  const replicas = readPath(served, spec.specReplicasPath);
  const statusReplicas = readPath(served, spec.statusReplicasPath);
  const selector = spec.labelSelectorPath ? readPath(served, spec.labelSelectorPath) : undefined;
  const status: Record<string, unknown> = { replicas: typeof statusReplicas === 'number' ? statusReplicas : 0 };
  if (typeof selector === 'string') status['selector'] = selector;
  else if (isJsonObject(selector)) status['selector'] = labelSelectorString(served);
  const m = obj.metadata;
  return {
    kind: 'Scale', apiVersion: 'autoscaling/v1',
    metadata: { name: m.name ?? '', namespace: m.namespace ?? '', uid: m.uid ?? '', resourceVersion: m.resourceVersion ?? '', creationTimestamp: m.creationTimestamp ?? '' },
    spec: { replicas: typeof replicas === 'number' ? replicas : 0 },
    status,
  };
}

// Deployments and ReplicaSets keep a structured selector; Scale reports its string form.
function labelSelectorString(obj: KubeObject): string {
  const spec = obj['spec'];
  const sel = isJsonObject(spec) && isJsonObject(spec['selector']) ? spec['selector'] : {};
  const labels = isJsonObject(sel['matchLabels']) ? sel['matchLabels'] : {};
  return Object.keys(labels).sort().map((k) => `${k}=${String(labels[k])}`).join(',');
}

/** GET …/scale */
export function getScale(ctx: ServerContext, def: ResourceDef, namespace: string | undefined, name: string): ApiResponse {
  return jsonResponse(200, scaleOf(def, mustGet(ctx, def, namespace, name)));
}

/** PUT or PATCH …/scale: computes the new Scale, then writes spec.replicas through the normal update path. */
export function writeScale(ctx: ServerContext, def: ResourceDef, req: ApiRequest, namespace: string | undefined, name: string): ApiResponse {
  const spec = scaleSpecOf(def);
  const old = mustGet(ctx, def, namespace, name);
  const current = scaleOf(def, old);
  const body = parseBody(req);
  let next: KubeObject;
  if (req.method === 'PUT') next = decodeKubeObject(body);
  else if (contentType(req) === 'application/json-patch+json') next = decodeKubeObject(applyJsonPatch(current, body));
  else next = decodeKubeObject(applyMergePatch(current, body));
  const rv = next.metadata.resourceVersion;
  if (rv && rv !== old.metadata.resourceVersion) {
    throw conflict(def.resource, def.group, name);
  }
  const replicas = isJsonObject(next['spec']) ? next['spec']['replicas'] : undefined;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw invalid('Scale', 'autoscaling', name, [{ type: 'Invalid', field: 'spec.replicas', value: replicas, detail: 'must be greater than or equal to 0' }]);
  }
  const opts = updateOptionsOf(req, false);
  const updated = commitUpdate(ctx, def, { ...writePath(toServed(def, old), spec.specReplicasPath, replicas), metadata: { ...old.metadata, resourceVersion: '' } }, old, opts);
  return jsonResponse(200, scaleOf(def, updated));
}
