// Parses Kubernetes REST paths for the in-memory API: `/api/v1/namespaces/default/pods/web/status`.
import { R } from '../../api/resources.js';

/** The parts of a resource path. */
export interface Route {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** Parses a path (without query); undefined when it is not a resource path. */
export function parseRoute(pathname: string): Route | undefined {
  const segs = pathname.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  let group = '';
  let version: string | undefined;
  let i: number;
  if (segs[0] === 'api') { version = segs[1]; i = 2; } else if (segs[0] === 'apis') { group = segs[1] ?? ''; version = segs[2]; i = 3; } else return undefined;
  let namespace: string | undefined;
  if (segs[i] === 'namespaces' && segs.length > i + 2) { namespace = segs[i + 1]; i += 2; }
  const [resource, name, subresource, extra] = segs.slice(i);
  if (version === undefined || resource === undefined || extra !== undefined) return undefined;
  const known = Object.values(R).find((t) => t.group === group && t.resource === resource);
  const route: Route = { group, version, resource, kind: known?.kind ?? 'Unknown' };
  if (namespace !== undefined) route.namespace = namespace;
  if (name !== undefined) route.name = name;
  if (subresource !== undefined) route.subresource = subresource;
  return route;
}

/** Storage key of a route's resource: `apps/deployments`, or `pods` in the core group. */
export function resourceKeyOf(route: Route): string {
  return route.group === '' ? route.resource : `${route.group}/${route.resource}`;
}
