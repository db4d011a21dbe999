// Leaf constructors of the schema builder: strings, integers, booleans, int-or-string, enums, times, and the
// schemaless escape hatches (`preserveUnknown`, `embedded`, `opaque`).
import type { KubeObject, Time } from '../meta.js';
import { described, lazy, schemaOf, type CommonOptions, type Schema } from './schema.js';

/** Options of `str()`. */
export interface StringOptions extends CommonOptions {
  format?: string;
  pattern?: string;
  default?: string;
}

/** Options of `int()` / `int64()`. */
export interface IntegerOptions extends CommonOptions {
  minimum?: number;
  maximum?: number;
}

/** A string. */
export function str(opts: StringOptions = {}): Schema<string> {
  const { description: _d, ...rest } = opts;
  return schemaOf({ ...described(opts), type: 'string', ...rest });
}

/**
 * A string the schema leaves open (as Argo's CRD does) but our code only reads and writes as `T`, e.g.
 * `stringOf<'Stable' | 'Latest'>()`. Bad values are the controller's to report (InvalidSpec), as in Argo.
 */
export function stringOf<T extends string>(opts: CommonOptions = {}): Schema<T> {
  return schemaOf({ ...described(opts), type: 'string' });
}

/** A string restricted to `values` (enforced by the API server), optionally defaulted by it. */
export function enumOf<const V extends string>(values: readonly V[], opts: CommonOptions & { default?: NoInfer<V> } = {}): Schema<V> {
  return schemaOf({ ...described(opts), type: 'string', enum: [...values], ...(opts.default === undefined ? {} : { default: opts.default }) });
}

/** An RFC 3339 timestamp (`metav1.Time`). */
export function time(opts: CommonOptions = {}): Schema<Time> {
  return schemaOf({ ...described(opts), type: 'string', format: 'date-time' });
}

/** A 32-bit integer (Go `int32`, the common case in Kubernetes and Argo types). */
export function int(opts: IntegerOptions = {}): Schema<number> {
  const { description: _d, ...rest } = opts;
  return schemaOf({ ...described(opts), type: 'integer', format: 'int32', ...rest });
}

/** A 64-bit integer (Go `int64`). */
export function int64(opts: IntegerOptions = {}): Schema<number> {
  const { description: _d, ...rest } = opts;
  return schemaOf({ ...described(opts), type: 'integer', format: 'int64', ...rest });
}

/** A boolean. */
export function bool(opts: CommonOptions = {}): Schema<boolean> {
  return schemaOf({ ...described(opts), type: 'boolean' });
}

/** Kubernetes' IntOrString: a number or a string (`maxSurge: 1`, `maxSurge: "25%"`). */
export function intOrString(opts: CommonOptions = {}): Schema<number | string> {
  return schemaOf({ ...described(opts), anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true });
}

/** An object that must stay empty (`requiredDuringSchedulingIgnoredDuringExecution: {}`): every field is pruned. */
export function emptyObj(opts: CommonOptions = {}): Schema<Record<string, never>> {
  return schemaOf({ ...described(opts), type: 'object' });
}

/** An object whose content is not checked: nothing inside is pruned (plugin configs, JSON bodies). */
export function preserveUnknown(opts: CommonOptions = {}): Schema<Record<string, unknown>> {
  return schemaOf({ ...described(opts), type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
}

/** A whole Kubernetes object (apiVersion, kind, metadata checked as a resource's; the rest kept as is). */
export function embedded(opts: CommonOptions = {}): Schema<KubeObject> {
  return schemaOf({ ...described(opts), type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true });
}

/**
 * Keeps `node`'s full OpenAPI form (so the API server prunes and validates inside it) while the code sees it as
 * a plain JSON object: for parts of Argo's API that Sluice stores but does not interpret (kayenta, cloudWatch, …).
 */
export function opaque(node: Schema<object>): Schema<Record<string, unknown>> {
  return lazy(() => node.json);
}
