// apiextensions.k8s.io/v1 CustomResourceDefinition: the parts Sluice serves from.
import { isJsonObject, type KubeObject } from './meta.js';

export interface CrdScale {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

export interface CrdPrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  format?: string;
  description?: string;
  priority?: number;
}

/** One entry of `spec.versions`. */
export interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  schema?: { openAPIV3Schema?: Record<string, unknown> };
  subresources?: { status?: Record<string, unknown>; scale?: CrdScale };
  additionalPrinterColumns?: CrdPrinterColumn[];
  deprecated?: boolean;
  deprecationWarning?: string;
}

export interface CrdNames {
  plural: string;
  singular?: string;
  kind: string;
  listKind?: string;
  shortNames?: string[];
  categories?: string[];
}

export interface CrdSpec {
  group: string;
  scope: 'Namespaced' | 'Cluster';
  names: CrdNames;
  versions: CrdVersion[];
}

export interface CustomResourceDefinition extends KubeObject {
  kind: 'CustomResourceDefinition';
  spec: CrdSpec;
}

/** Reads a CRD's spec after a shape check; undefined when unusable (validation rejects such CRDs earlier). */
export function crdSpecOf(crd: KubeObject): CrdSpec | undefined {
  const spec = crd['spec'];
  if (!isJsonObject(spec) || typeof spec['group'] !== 'string' || !isJsonObject(spec['names']) || !Array.isArray(spec['versions'])) return undefined;
  const names = spec['names'];
  if (typeof names['plural'] !== 'string' || typeof names['kind'] !== 'string') return undefined;
  if (!spec['versions'].every((v) => isJsonObject(v) && typeof v['name'] === 'string')) return undefined;
  return spec as unknown as CrdSpec;
}
