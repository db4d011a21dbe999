// Turns a CustomResourceDefinition into the ResourceDefs it serves.
import { crdSpecOf, type CrdSpec, type CrdVersion } from '../../../api/apiextensions-v1.js';
import type { KubeObject } from '../../../api/meta.js';
import { defineResource, type ResourceDef, type ResourceHooks } from './resource-def.js';

export type { CrdSpec, CrdVersion };
export { crdSpecOf };

/** Builds the served defs of a CRD; `hooksFor` supplies schema-driven behaviour per version. */
export function crdDefs(crd: KubeObject, hooksFor: (spec: CrdSpec, v: CrdVersion) => ResourceHooks): ResourceDef[] {
  const spec = crdSpecOf(crd);
  if (!spec) return [];
  const storageVersion = spec.versions.find((v) => v.storage)?.name ?? spec.versions[0]?.name ?? 'v1';
  return spec.versions.filter((v) => v.served).map((v) => {
    const def = defineResource({
      group: spec.group, version: v.name, resource: spec.names.plural, kind: spec.names.kind,
      singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
      listKind: spec.names.listKind ?? `${spec.names.kind}List`,
      namespaced: spec.scope !== 'Cluster',
      shortNames: spec.names.shortNames ?? [], categories: spec.names.categories ?? [],
      storageVersion: `${spec.group}/${storageVersion}`,
      hasStatus: v.subresources?.status !== undefined,
      custom: true,
      hooks: hooksFor(spec, v),
    });
    if (v.subresources?.scale) def.scale = v.subresources.scale;
    if (v.deprecated) def.deprecationWarning = v.deprecationWarning ?? `${spec.group}/${v.name} ${spec.names.kind} is deprecated`;
    return def;
  });
}
