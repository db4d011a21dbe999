// Parses a Kubernetes REST path into what it addresses, like the apiserver's RequestInfoFactory.
import { ApiError } from '../../api/api-error.js';

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

/** A resource request: `/apis/apps/v1/namespaces/default/deployments/demo/scale`. */
export interface ResourceRequest {
  group: string;
  version: string;
  namespace: string | undefined;
  resource: string;
  name: string | undefined;
  subresource: string | undefined;
  verb: Verb;
}

/** Parses a resource path; returns undefined for non-resource paths (`/version`, `/api`, `/openapi/v2`…). */
export function parseResourcePath(method: string, path: string, query: URLSearchParams): ResourceRequest | undefined {
  const parts = path.split('/').filter((p) => p !== '').map(decodeSegment);
  let rest: string[];
  let group: string;
  if (parts[0] === 'api' && parts.length >= 3) { group = ''; rest = parts.slice(1); }
  else if (parts[0] === 'apis' && parts.length >= 4) { group = parts[1] ?? ''; rest = parts.slice(2); }
  else return undefined;
  const version = rest[0] ?? '';
  let tail = rest.slice(1);
  let namespace: string | undefined;
  // `/namespaces/x` is the namespace object itself; `/namespaces/x/<resource>` scopes to it.
  const namespaceSubresource = tail.length === 3 && (tail[2] === 'status' || tail[2] === 'finalize');
  if (tail[0] === 'namespaces' && tail.length >= 3 && !namespaceSubresource) { namespace = tail[1]; tail = tail.slice(2); }
  const [resource, name, subresource, ...extra] = tail;
  if (resource === undefined || extra.length > 0) return undefined;
  return { group, version, namespace, resource, name, subresource, verb: verbOf(method, name, query) };
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new ApiError('BadRequest', `invalid path segment "${s}"`);
  }
}

function verbOf(method: string, name: string | undefined, query: URLSearchParams): Verb {
  const watch = query.get('watch');
  switch (method) {
    case 'GET': return watch === 'true' || watch === '1' ? 'watch' : name === undefined ? 'list' : 'get';
    case 'POST': return 'create';
    case 'PUT': return 'update';
    case 'PATCH': return 'patch';
    case 'DELETE': return name === undefined ? 'deletecollection' : 'delete';
    default: throw new ApiError('MethodNotAllowed', `the server does not allow this method on the requested resource (${method})`);
  }
}
