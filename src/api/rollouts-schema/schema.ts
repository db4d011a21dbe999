// A tiny schema builder in the TypeBox style: every constructor returns a node holding its OpenAPI v3 structural
// schema (`json`) and, at the type level only, the TypeScript type of the values it accepts (`Static<typeof node>`).
// The CRDs under deploy/crds are generated from these nodes; test/crds/types-agree.test.ts proves the Static types
// equal the hand-written interfaces in src/api/rollouts-*.ts.
import type { JsonSchemaProps, ValidationRule } from './json-schema-props.js';

declare const staticType: unique symbol;

/** A schema node: its OpenAPI form, plus the TypeScript type `T` it describes (type level only, never set). */
export interface Schema<T> {
  readonly json: JsonSchemaProps;
  readonly [staticType]?: T;
}

/** The TypeScript type a schema node describes. */
export type Static<S> = S extends Schema<infer T> ? T : never;

/** Flattens an intersection of object types into one object type (for readable hovers and exact comparisons). */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** What `obj()` takes: field name → schema. */
export type Properties = { readonly [field: string]: Schema<unknown> };

/** The Static type of `obj(P, { required: R[] })`: listed fields required, the rest optional. */
export type ObjectStatic<P extends Properties, R extends string> = Simplify<
  { -readonly [K in keyof P as K extends R ? K : never]-?: Static<P[K]> } &
  { -readonly [K in keyof P as K extends R ? never : K]?: Static<P[K]> }
>;

/** Keywords every constructor accepts. */
export interface CommonOptions {
  description?: string;
}

/** Options of `obj()`. */
export interface ObjectOptions<R extends string> extends CommonOptions {
  required?: readonly R[];
  /** `atomic`: the object is replaced as a whole by server-side apply (label selectors). */
  mapType?: 'atomic';
  /** CEL rules enforced by real API servers (the embedded one ignores them, as it does not run CEL). */
  validations?: ValidationRule[];
}

/** Options of `arr()`. */
export interface ArrayOptions extends CommonOptions {
  listType?: 'atomic' | 'set' | 'map';
  /** With `listType: 'map'`: the item fields identifying an entry; they must be required in the item schema. */
  listMapKeys?: string[];
}

/** Wraps an OpenAPI node as a schema of type `T`. The building block of every constructor, and the escape hatch. */
export function schemaOf<T>(json: JsonSchemaProps): Schema<T> {
  return { json };
}

/**
 * A node whose OpenAPI form is built on first use (the Kubernetes pod template is derived from
 * @kubernetes/client-node's models; importing a schema module must not load them).
 */
export function lazy<T>(build: () => JsonSchemaProps): Schema<T> {
  let built: JsonSchemaProps | undefined;
  return { get json(): JsonSchemaProps { return (built ??= build()); } };
}

/** `{ description }` when the options carry one, else `{}` (spread first into a node). */
export const described = (opts: CommonOptions | undefined): JsonSchemaProps => (opts?.description === undefined ? {} : { description: opts.description });

/** An object with the given fields; unknown fields are pruned (and reported under `fieldValidation=Strict`). */
export function obj<const P extends Properties, const R extends keyof P & string = never>(properties: P, opts: ObjectOptions<R> = {}): Schema<ObjectStatic<P, R>> {
  const json: JsonSchemaProps = { ...described(opts), type: 'object' };
  if (opts.mapType !== undefined) json['x-kubernetes-map-type'] = opts.mapType;
  if (opts.validations !== undefined) json['x-kubernetes-validations'] = opts.validations;
  if (opts.required !== undefined && opts.required.length > 0) json.required = [...opts.required];
  let props: Record<string, JsonSchemaProps> | undefined;
  return {
    get json(): JsonSchemaProps {
      props ??= Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, s.json]));
      return { ...json, properties: props };
    },
  };
}

/** A list of `items`. */
export function arr<T>(items: Schema<T>, opts: ArrayOptions = {}): Schema<T[]> {
  const json: JsonSchemaProps = { ...described(opts), type: 'array' };
  if (opts.listType !== undefined) json['x-kubernetes-list-type'] = opts.listType;
  if (opts.listMapKeys !== undefined) json['x-kubernetes-list-map-keys'] = opts.listMapKeys;
  return { get json(): JsonSchemaProps { return { ...json, items: items.json }; } };
}

/** A map from any string key to `values` (`additionalProperties`). */
export function map<T>(values: Schema<T>, opts: CommonOptions = {}): Schema<Record<string, T>> {
  return { get json(): JsonSchemaProps { return { ...described(opts), type: 'object', additionalProperties: values.json }; } };
}
