// The field schema of built-in kinds as a small type tree: what strict decoding and strategic merge patch walk.

/** Scalar kinds. `time` is an RFC 3339 string, `quantity` a resource.Quantity, `any` accepts every JSON value. */
export type LeafKind = 'string' | 'integer' | 'number' | 'boolean' | 'time' | 'intOrString' | 'quantity' | 'any';

/** A scalar node; `format` is the OpenAPI format (`int32`, `int64`, `double`, `byte`, `date-time`, …) if any. */
export interface LeafNode {
  readonly t: LeafKind;
  readonly format?: string;
}

/**
 * One node of the tree. Object nodes are lazy (`fields()` builds on first call and memoizes) because the
 * schemas are recursive (JSONSchemaProps contains JSONSchemaProps). `name` is the @kubernetes/client-node
 * model name (`V1PodSpec`).
 */
export type TypeNode =
  | { readonly t: 'object'; readonly name: string; fields(): ReadonlyMap<string, TypeNode> }
  | { readonly t: 'array'; readonly items: TypeNode }
  | { readonly t: 'map'; readonly values: TypeNode }
  | LeafNode;

/** An object node (a Go struct). */
export type ObjectNode = Extract<TypeNode, { t: 'object' }>;

/** The node of `key` inside `node`: a struct field, a map value; undefined when unknown or untyped. */
export function childNode(node: TypeNode | undefined, key: string): TypeNode | undefined {
  if (node === undefined) return undefined;
  if (node.t === 'object') return node.fields().get(key);
  if (node.t === 'map') return node.values;
  return undefined;
}

/** The element node of a list node; undefined when `node` is not a list. */
export function itemNode(node: TypeNode | undefined): TypeNode | undefined {
  return node?.t === 'array' ? node.items : undefined;
}
