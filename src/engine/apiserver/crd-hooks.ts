// Behaviour of custom resources from their CRD: structural-schema pruning, defaulting and validation,
// printer columns, and apiVersion conversion between served versions (conversion strategy None).
import type { CrdSpec, CrdVersion } from '../../api/apiextensions-v1.js';
import type { KubeObject } from '../../api/meta.js';
import { compileSchema, type CompiledSchema } from './admission/index.js';
import type { ResourceHooks } from './registry/resource-def.js';
import { tableContent } from './table-content.js';
import { buildTable, crdPrinterFor, defaultCrdColumns } from './tables/index.js';

/** Hooks for one served version of a CRD. */
export function crdHooks(spec: CrdSpec, v: CrdVersion): ResourceHooks {
  const schema = v.schema?.openAPIV3Schema;
  // Schemas are prepared on first use, not when the CRD is served.
  let compiledSchema: CompiledSchema | undefined;
  const compiled = schema === undefined ? undefined : { get: (): CompiledSchema => (compiledSchema ??= compileSchema(schema)) };
  const apiVersion = `${spec.group}/${v.name}`;
  const columns = v.additionalPrinterColumns && v.additionalPrinterColumns.length > 0 ? v.additionalPrinterColumns : defaultCrdColumns;
  const printer = crdPrinterFor(columns);
  const storageKey = `${spec.group}/${spec.names.plural}`;
  const hooks: ResourceHooks = {
    toVersion: (stored: KubeObject) => (stored.apiVersion === apiVersion ? stored : { ...stored, apiVersion }),
    table: (objects, nowMs) => tableContent(buildTable(storageKey, objects, nowMs, { printer })),
  };
  if (compiled) {
    hooks.decode = (obj) => {
      const { object, prunedPaths } = compiled.get().prune(obj);
      return { object, unknownFields: prunedPaths, typeErrors: [] };
    };
    hooks.default = (obj) => compiled.get().default(obj);
    hooks.validate = (obj) => compiled.get().validate(obj);
  }
  return hooks;
}
