// compileSchema: what kube-apiserver does with a CRD version's openAPIV3Schema for each custom resource —
// defaulting, pruning of unknown fields, and validation. Validation interprets the schema (crd-schema-validate.ts):
// the schema is preprocessed once into SchemaNodes (patterns compiled, formats resolved) and walked together with
// each object; no code is generated from the user-supplied schema.
import type { FieldError } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import { cloneJson } from '../../../lib/json.js';
import { asObject } from './_json.js';
import { applyDefaults, dropNonNullableNulls } from './crd-default.js';
import { pruneInPlace } from './crd-prune.js';
import { invariantErrors } from './crd-schema-invariants.js';
import { nodeRef } from './crd-schema-node.js';
import { scanSchema } from './crd-schema-scan.js';
import { validateNode } from './crd-schema-validate.js';

/** The per-schema operations the custom resource handler needs. All return new values; inputs are untouched. */
export interface CompiledSchema {
  /** Applies `default:` values (after dropping nulls of non-nullable fields that have no default). */
  default(obj: Readonly<KubeObject>): KubeObject;
  /** Drops fields the schema does not specify; `prunedPaths` (`spec.foo`) feed fieldValidation Strict/Warn. */
  prune(obj: Readonly<KubeObject>): { object: KubeObject; prunedPaths: string[] };
  /** Schema violations with Kubernetes' paths and messages; run it on the pruned, defaulted object. */
  validate(obj: Readonly<KubeObject>): FieldError[];
  /** Why the schema could not be compiled (then validate reports that at the root); undefined when it could. */
  readonly error: string | undefined;
}

/**
 * Compiles a structural `openAPIV3Schema`. A missing schema prunes everything but apiVersion, kind and
 * metadata (as Kubernetes does for a version without a schema) and validates nothing.
 * Example: with `spec.replicas: {type: integer}`, validating `spec.replicas: "two"` gives
 * `spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"`.
 */
export function compileSchema(openAPIV3Schema: unknown): CompiledSchema {
  // Preprocessing is cheap, but validation and serving ask for the same schemas again and again.
  const key = JSON.stringify(openAPIV3Schema) ?? '';
  const hit = compiledCache.get(key);
  if (hit) return hit;
  const built = buildSchema(openAPIV3Schema);
  if (compiledCache.size >= COMPILED_CACHE_SIZE) compiledCache.delete(compiledCache.keys().next().value ?? '');
  compiledCache.set(key, built);
  return built;
}

const COMPILED_CACHE_SIZE = 64;
const compiledCache = new Map<string, CompiledSchema>();

function buildSchema(openAPIV3Schema: unknown): CompiledSchema {
  const schema = asObject(openAPIV3Schema) ?? {};
  const scan = scanSchema(schema);
  const { error } = scan;
  const root = nodeRef(schema, scan);
  return {
    error,
    default(obj) {
      const out = cloneJson<KubeObject>(obj);
      dropNonNullableNulls(out, schema);
      applyDefaults(out, schema);
      return out;
    },
    prune(obj) {
      const out = cloneJson<KubeObject>(obj);
      return { object: out, prunedPaths: pruneInPlace(out, schema) };
    },
    validate(obj) {
      if (error !== undefined) return [{ type: 'Invalid', field: '', value: '', detail: `error building validator: ${error}` }];
      const node = root();
      const errs: FieldError[] = [];
      validateNode(node, obj, '', errs);
      return [...errs, ...invariantErrors(node, obj)];
    },
  };
}
