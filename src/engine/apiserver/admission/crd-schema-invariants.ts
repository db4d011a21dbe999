// The checks kube-apiserver runs on a custom resource after schema validation, walking only the structural
// skeleton (properties, additionalProperties, items — never anyOf/oneOf/allOf/not): embedded resources first, then
// list-type uniqueness. Map entries are addressed as keys here (`spec.jobs[nightly]`), as Kubernetes does.
import type { FieldError } from '../../../api/field-error.js';
import { isJsonObject } from '../../../api/meta.js';
import { child, index, key } from './_field.js';
import { embeddedResourceErrors } from './crd-schema-embedded.js';
import { listTypeErrors } from './crd-schema-list-type.js';
import type { SchemaNode } from './crd-schema-node.js';

interface Found {
  readonly embedded: FieldError[];
  readonly lists: FieldError[];
}

function walkObject(node: SchemaNode, o: Record<string, unknown>, path: string, found: Found): void {
  if (node.embedded) found.embedded.push(...embeddedResourceErrors(o, path));
  const rules = node.object;
  if (rules === undefined) return;
  const additional = typeof rules.additional === 'function' ? rules.additional : undefined;
  for (const [k, v] of Object.entries(o)) {
    const property = rules.byName.get(k);
    if (property !== undefined) walk(property(), v, child(path, k), found);
    else if (additional !== undefined) walk(additional(), v, key(path, k), found);
  }
}

function walk(node: SchemaNode, x: unknown, path: string, found: Found): void {
  if (!node.hasInvariants) return;
  if (Array.isArray(x)) {
    if (node.listType !== undefined) found.lists.push(...listTypeErrors(node.listType, x, path));
    const items = node.array?.items;
    if (items === undefined) return;
    const itemNode = items();
    x.forEach((v, i) => walk(itemNode, v, index(path, i), found));
  } else if (isJsonObject(x)) walkObject(node, x, path, found);
}

/** Embedded-resource and list-type errors of `x` against `node`, in the order Kubernetes reports them. */
export function invariantErrors(node: SchemaNode, x: unknown): FieldError[] {
  const found: Found = { embedded: [], lists: [] };
  walk(node, x, '', found);
  return [...found.embedded, ...found.lists];
}
