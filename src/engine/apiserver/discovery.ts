// Discovery documents: aggregated (apidiscovery.k8s.io/v2, what kubectl 1.32 asks for first) and the
// legacy per-group-version lists. Both are built from the registry, so CRDs appear the moment they are served.
import type { Registry } from './registry/registry.js';
import type { ResourceDef } from './registry/resource-def.js';

interface Subresource { subresource: string; responseKind: { group: string; version: string; kind: string }; verbs: string[] }

function subresourcesOf(d: ResourceDef): Subresource[] {
  const self = { group: d.group, version: d.version, kind: d.kind };
  const out: Subresource[] = [];
  if (d.hasStatus) out.push({ subresource: 'status', responseKind: self, verbs: ['get', 'patch', 'update'] });
  if (d.scale) out.push({ subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] });
  for (const s of d.extraSubresources) {
    if (s === 'eviction') out.push({ subresource: s, responseKind: { group: 'policy', version: 'v1', kind: 'Eviction' }, verbs: ['create'] });
    else out.push({ subresource: s, responseKind: self, verbs: s === 'log' ? ['get'] : ['update'] });
  }
  return out;
}

function aggregatedResource(d: ResourceDef): Record<string, unknown> {
  const r: Record<string, unknown> = {
    resource: d.resource,
    responseKind: { group: d.group, version: d.version, kind: d.kind },
    scope: d.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: d.singular,
    verbs: d.verbs,
  };
  if (d.shortNames.length > 0) r['shortNames'] = d.shortNames;
  if (d.categories.length > 0) r['categories'] = d.categories;
  const subs = subresourcesOf(d);
  if (subs.length > 0) r['subresources'] = subs;
  return r;
}

/** The aggregated discovery list for `/api` (core) or `/apis` (named groups). */
export function aggregatedDiscovery(registry: Registry, core: boolean, version: 'v2' | 'v2beta1'): Record<string, unknown> {
  const defs = registry.all();
  const items = registry.groups().filter((g) => (g.group === '') === core).map((g) => ({
    metadata: core ? {} : { name: g.group },
    versions: g.versions.map((v) => ({
      version: v,
      resources: defs.filter((d) => d.group === g.group && d.version === v).map(aggregatedResource),
      freshness: 'Current',
    })),
  }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
}

/** `GET /api` (legacy). */
export function apiVersions(serverAddress: string): Record<string, unknown> {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function groupEntry(group: string, versions: string[]): Record<string, unknown> {
  const gv = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { name: group, versions: gv, preferredVersion: gv[0] };
}

/** `GET /apis` (legacy). */
export function apiGroupList(registry: Registry): Record<string, unknown> {
  const groups = registry.groups().filter((g) => g.group !== '').map((g) => groupEntry(g.group, g.versions));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** `GET /apis/<group>` or undefined when the group is not served. */
export function apiGroup(registry: Registry, group: string): Record<string, unknown> | undefined {
  const g = registry.groups().find((x) => x.group === group && group !== '');
  return g ? { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(g.group, g.versions) } : undefined;
}

/** `GET /api/v1` or `/apis/<group>/<version>`, or undefined when not served. */
export function apiResourceList(registry: Registry, group: string, version: string): Record<string, unknown> | undefined {
  const defs = registry.all().filter((d) => d.group === group && d.version === version);
  if (defs.length === 0) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const d of defs) {
    const r: Record<string, unknown> = { name: d.resource, singularName: d.singular, namespaced: d.namespaced, kind: d.kind, verbs: d.verbs };
    if (d.shortNames.length > 0) r['shortNames'] = d.shortNames;
    if (d.categories.length > 0) r['categories'] = d.categories;
    resources.push(r);
    for (const s of subresourcesOf(d)) {
      const sub: Record<string, unknown> = { name: `${d.resource}/${s.subresource}`, singularName: '', namespaced: d.namespaced, kind: s.responseKind.kind, verbs: s.verbs };
      if (s.responseKind.group !== d.group) { sub['group'] = s.responseKind.group; sub['version'] = s.responseKind.version; }
      resources.push(sub);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group === '' ? version : `${group}/${version}`, resources };
}
