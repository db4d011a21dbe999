// Builds TypeNodes from the attribute type maps of @kubernetes/client-node's generated models.
import { modelAttributes, type ModelAttribute } from './_client-models.js';
import { isQuantityField } from './_quantity-fields.js';
import type { LeafKind, ObjectNode, TypeNode } from './type-node.js';

const objects = new Map<string, ObjectNode | null>();
const leaves = new Map<string, TypeNode>();

function leaf(t: LeafKind, format = ''): TypeNode {
  const key = `${t}/${format}`;
  let node = leaves.get(key);
  if (node === undefined) {
    node = format === '' ? { t } : { t, format };
    leaves.set(key, node);
  }
  return node;
}

function scalar(type: string, format: string): TypeNode | undefined {
  switch (type) {
    case 'string': return format === 'byte' ? leaf('string', 'byte') : leaf('string');
    case 'number':
      return format === 'int32' || format === 'int64' ? leaf('integer', format) : leaf('number', format);
    case 'boolean': return leaf('boolean');
    case 'Date': case 'V1MicroTime': return leaf('time', format);
    case 'IntOrString': return leaf('intOrString');
    case 'any': case 'object': return leaf('any');
    default: return undefined;
  }
}

/**
 * Parses one client-node type string: `string`, `number` (+ format), `boolean`, `Date`, `V1MicroTime`, `IntOrString`,
 * `any`, `Array<T>`, `Set<T>`, `{ [key: string]: T; }` or a model name. Unknown names become `any`.
 */
export function parseTypeString(type: string, format: string): TypeNode {
  const s = type.trim();
  const list = /^(?:Array|Set)<(.+)>$/.exec(s);
  if (list?.[1] !== undefined) return { t: 'array', items: parseTypeString(list[1], format) };
  const map = /^\{\s*\[key: string\]:\s*(.+?);?\s*\}$/.exec(s);
  if (map?.[1] !== undefined) return { t: 'map', values: parseTypeString(map[1], format) };
  return scalar(s, format) ?? typeByName(s) ?? leaf('any');
}

function fieldNode(model: string, baseName: string, type: string, format: string): TypeNode {
  const node = parseTypeString(type, format);
  if (!isQuantityField(model, baseName)) return node;
  return node.t === 'map' ? { t: 'map', values: leaf('quantity') } : leaf('quantity');
}

function objectNode(name: string, attributes: readonly ModelAttribute[]): ObjectNode {
  let fields: ReadonlyMap<string, TypeNode> | undefined;
  return {
    t: 'object',
    name,
    fields(): ReadonlyMap<string, TypeNode> {
      if (fields === undefined) {
        const built = new Map<string, TypeNode>();
        for (const a of attributes) built.set(a.baseName, fieldNode(name, a.baseName, a.type, a.format));
        fields = built;
      }
      return fields;
    },
  };
}

/**
 * The object node of a client-node model (`V1PodSpec`, `CoreV1Event`), or undefined when there is none.
 * Memoized; the model's own fields are built on the first `fields()` call.
 */
export function typeByName(name: string): ObjectNode | undefined {
  const cached = objects.get(name);
  if (cached !== undefined) return cached ?? undefined;
  const attributes = modelAttributes(name);
  const node = attributes === undefined ? null : objectNode(name, attributes);
  objects.set(name, node);
  return node ?? undefined;
}
