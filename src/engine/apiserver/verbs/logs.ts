// GET /api/v1/namespaces/<ns>/pods/<name>/log: a container's output, optionally followed.
import { ApiError } from '../../../api/api-error.js';
import { isJsonObject } from '../../../api/meta.js';
import type { ApiRequest, ApiResponse } from '../http-types.js';
import type { ResourceDef } from '../registry/resource-def.js';
import type { ServerContext } from '../server-context.js';
import { mustGet } from './read.js';

function containerNames(pod: unknown): string[] {
  const spec = isJsonObject(pod) && isJsonObject(pod['spec']) ? pod['spec'] : {};
  const list = Array.isArray(spec['containers']) ? spec['containers'] : [];
  return list.map((c) => (isJsonObject(c) && typeof c['name'] === 'string' ? c['name'] : ''));
}

const optionalInt = (v: string | null): number | undefined => (v === null || v === '' ? undefined : Number(v));

/** Serves a pod's log through the kubelet's log source. */
export function podLog(ctx: ServerContext, def: ResourceDef, req: ApiRequest, namespace: string, name: string): ApiResponse {
  const pod = mustGet(ctx, def, namespace, name);
  const names = containerNames(pod);
  const container = req.query.get('container') ?? (names.length === 1 ? names[0] : undefined);
  if (container === undefined) {
    throw new ApiError('BadRequest', `a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`);
  }
  if (!names.includes(container)) throw new ApiError('BadRequest', `container ${container} is not valid for pod ${name}`);
  if (!ctx.logs) throw new ApiError('ServiceUnavailable', 'no kubelet is running to serve logs');
  const opts = {
    follow: req.query.get('follow') === 'true',
    previous: req.query.get('previous') === 'true',
    timestamps: req.query.get('timestamps') === 'true',
    ...(optionalInt(req.query.get('tailLines')) !== undefined ? { tailLines: optionalInt(req.query.get('tailLines')) ?? 0 } : {}),
    ...(optionalInt(req.query.get('sinceSeconds')) !== undefined ? { sinceSeconds: optionalInt(req.query.get('sinceSeconds')) ?? 0 } : {}),
    ...(optionalInt(req.query.get('limitBytes')) !== undefined ? { limitBytes: optionalInt(req.query.get('limitBytes')) ?? 0 } : {}),
  };
  const log = ctx.logs.open(namespace, name, container, opts);
  const headers = { 'content-type': 'text/plain' };
  const follow = log.follow;
  if (!opts.follow || !follow) return { status: 200, headers, body: log.initial };
  return {
    status: 200, headers,
    stream: (sink) => {
      if (log.initial) sink.write(log.initial);
      return follow((t) => sink.write(t), () => sink.end());
    },
  };
}
