// Turns stored objects into what a client asked for: the served version as JSON, a list, or a Table.
import { ApiError } from '../../api/api-error.js';
import { isJsonObject, type KubeObject } from '../../api/meta.js';
import { humanAge } from './generic-age.js';
import type { ResourceDef, TableContent } from './registry/resource-def.js';
import type { ServerContext } from './server-context.js';

/** True when the Accept header asks for a meta.k8s.io Table (`kubectl get` human output). */
export function wantsTable(accept: string | undefined): boolean {
  return accept !== undefined && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}

/** The object as the requested version shows it. */
export function toServed(def: ResourceDef, stored: KubeObject): KubeObject {
  return def.hooks.toVersion ? def.hooks.toVersion(stored) : stored;
}

/** JSON text of one object in the served version (cached when no conversion is needed). */
export function objectJson(ctx: ServerContext, def: ResourceDef, stored: KubeObject): string {
  return def.hooks.toVersion ? JSON.stringify(def.hooks.toVersion(stored)) : ctx.store.serialize(stored);
}

/** JSON text of a list; items are concatenated from cached per-object JSON. */
export function listJson(ctx: ServerContext, def: ResourceDef, items: readonly KubeObject[], rv: string, cont?: string): string {
  const apiVersion = def.group === '' ? def.version : `${def.group}/${def.version}`;
  const meta = cont ? { resourceVersion: rv, continue: cont } : { resourceVersion: rv };
  const head = `{"kind":${JSON.stringify(def.listKind)},"apiVersion":${JSON.stringify(apiVersion)},"metadata":${JSON.stringify(meta)},"items":[`;
  return head + items.map((o) => objectJson(ctx, def, o)).join(',') + ']}';
}

/** What each Table row carries (`?includeObject=`): nothing, PartialObjectMetadata (the default) or the object. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** `includeObject` from the query; an unknown value is a 400 as on Kubernetes. */
export function includeObjectOf(query: URLSearchParams): IncludeObject {
  const v = query.get('includeObject') ?? 'Metadata';
  if (v === '' || v === 'Metadata') return 'Metadata';
  if (v === 'None' || v === 'Object') return v;
  throw new ApiError('BadRequest', `includeObject: Unsupported value: "${v}": supported values: "Metadata", "None", "Object"`);
}

/** A meta.k8s.io/v1 Table envelope; row objects as `include` asks (kubectl's `--sort-by` asks for whole objects). */
export function tableJson(def: ResourceDef, objects: readonly KubeObject[], nowMs: number, rv: string, cont?: string, include: IncludeObject = 'Metadata'): string {
  const served = objects.map((o) => toServed(def, o));
  const content = def.hooks.table ? def.hooks.table(served, nowMs) : defaultTable(served, nowMs);
  const metadata = cont ? { resourceVersion: rv, continue: cont } : { resourceVersion: rv };
  return JSON.stringify({
    kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata,
    columnDefinitions: content.columnDefinitions,
    rows: content.rows.map((r, i) => {
      if (include === 'None') return { cells: r.cells };
      const whole = include === 'Object' ? served[i] : undefined;
      return { cells: r.cells, object: whole === undefined ? partialMetadata(r.object) : servedWithType(def, whole) };
    }),
  });
}

function defaultTable(objects: readonly KubeObject[], nowMs: number): TableContent {
  return {
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 },
      { name: 'Age', type: 'string', format: '', description: 'Time since the object was created.', priority: 0 },
    ],
    rows: objects.map((o) => ({ cells: [o.metadata.name ?? '', humanAge(o.metadata.creationTimestamp, nowMs)], object: o })),
  };
}

function servedWithType(def: ResourceDef, o: KubeObject): KubeObject {
  return { ...o, apiVersion: def.group === '' ? def.version : `${def.group}/${def.version}`, kind: def.kind };
}

function partialMetadata(o: KubeObject): KubeObject {
  const metadata = isJsonObject(o.metadata) ? o.metadata : {};
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata };
}
