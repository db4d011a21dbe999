// What the API server knows about one served resource version: names for discovery, scope, subresources,
// where it is stored, and the hooks (defaulting, validation, printing, patch schema) that give it behaviour.
import type { FieldError } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import type { ResourceKey } from '../../store/store.js';

/** Scale subresource mapping (CRD `subresources.scale`, or the built-in spec.replicas/status.replicas). */
export interface ScaleSpec {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

/** Behaviour hooks of a resource; all pure. Missing hooks mean "nothing to do". */
export interface ResourceHooks {
  /** Fills defaults; returns a new object. `old` is the stored object on update (Services keep their clusterIP). */
  default?(obj: KubeObject, old: KubeObject | undefined): KubeObject;
  /** Semantic validation; `old` on update. */
  validate?(obj: KubeObject, old: KubeObject | undefined): FieldError[];
  /**
   * Decoding check for strict field validation: unknown fields (Kubernetes paths) and type errors
   * (full messages). Custom resources also prune here, returning the pruned object.
   */
  decode?(obj: KubeObject): { object: KubeObject; unknownFields: string[]; typeErrors: string[] };
  /** Applies a strategic merge patch; absent ⇒ strategic merge patch is refused with 415. */
  strategicMerge?(original: KubeObject, patch: unknown): unknown;
  /** Builds the Table for `kubectl get`; absent ⇒ the generic Name/Age table. */
  table?(objects: readonly KubeObject[], nowMs: number): TableContent;
  /** Converts a stored object to this served version (identity when absent). */
  toVersion?(stored: KubeObject): KubeObject;
  /** Converts a request object of this version to the storage version (identity when absent). */
  fromVersion?(obj: KubeObject): KubeObject;
}

/** Columns and rows of a meta.k8s.io/v1 Table, without the envelope. */
export interface TableContent {
  columnDefinitions: { name: string; type: string; format: string; description: string; priority: number }[];
  rows: { cells: unknown[]; object: KubeObject }[];
}

/** One served group/version/resource. */
export interface ResourceDef {
  group: string;
  version: string;
  /** Plural resource name, e.g. `deployments`. */
  resource: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Where objects live: the storage group/resource shared by all versions (`networking.k8s.io/ingresses`). */
  storage: ResourceKey;
  /** apiVersion objects are stored with. */
  storageVersion: string;
  hasStatus: boolean;
  scale?: ScaleSpec;
  /** Extra subresources for discovery (e.g. `log` on pods). */
  extraSubresources: string[];
  /** Printed `Warning:` header when this version is used (deprecated versions). */
  deprecationWarning?: string;
  /** True for custom resources: strategic merge patch is refused, generation covers all non-metadata content. */
  custom: boolean;
  hooks: ResourceHooks;
}

export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Convenience constructor with the common defaults filled in. */
export function defineResource(d: Partial<ResourceDef> & Pick<ResourceDef, 'group' | 'version' | 'resource' | 'kind'>): ResourceDef {
  const storage = d.storage ?? (d.group === '' ? d.resource : `${d.group}/${d.resource}`);
  return {
    singular: d.kind.toLowerCase(),
    listKind: `${d.kind}List`,
    namespaced: true,
    shortNames: [],
    categories: [],
    verbs: ALL_VERBS,
    storageVersion: d.group === '' ? d.version : `${d.group}/${d.version}`,
    hasStatus: false,
    extraSubresources: [],
    custom: false,
    hooks: {},
    ...d,
    storage,
  };
}
