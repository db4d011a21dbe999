// FieldSchemas of built-in Kubernetes types (PodTemplateSpec, Service, Ingress, ObjectMeta …) read from the
// attribute maps of @kubernetes/client-node's generated models, loaded on first use.
import type { FieldSchema, LeafKind, ModelResolver } from './field-schema.js';

interface Attribute { baseName: string; type: string; format: string }

function isAttribute(x: unknown): x is Attribute {
  return typeof x === 'object' && x !== null && typeof Reflect.get(x, 'baseName') === 'string' && typeof Reflect.get(x, 'type') === 'string';
}

function attributesOf(mod: object, name: string): Attribute[] | undefined {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) return undefined;
  const cls: unknown = Reflect.get(mod, name);
  if (typeof cls !== 'function') return undefined;
  const getMap: unknown = Reflect.get(cls, 'getAttributeTypeMap');
  if (typeof getMap !== 'function') return undefined;
  const list: unknown = Reflect.apply(getMap, cls, []);
  return Array.isArray(list) ? list.filter(isAttribute) : undefined;
}

const leaf = (kind: LeafKind): FieldSchema => ({ t: 'leaf', kind });

/** `string`, `number`+format, `boolean`, `Date`, `IntOrString`, `Array<T>`, `{ [key: string]: T; }`, or a model name. */
function parseType(type: string, format: string): FieldSchema {
  const s = type.trim();
  const list = /^(?:Array|Set)<(.+)>$/.exec(s);
  if (list?.[1] !== undefined) return { t: 'array', items: parseType(list[1], format) };
  const map = /^\{\s*\[key: string\]:\s*(.+?);?\s*\}$/.exec(s);
  if (map?.[1] !== undefined) return { t: 'map', values: parseType(map[1], format) };
  switch (s) {
    case 'string': return leaf('string');
    case 'number': return leaf(format === 'int32' || format === 'int64' ? 'int' : 'number');
    case 'boolean': return leaf('bool');
    case 'Date': return leaf('string');
    case 'IntOrString': return leaf('intOrString');
    case 'any': case 'object': return leaf('any');
    default: return /^[A-Z]/.test(s) ? { t: 'model', name: s } : leaf('any');
  }
}

// client-node types a resource.Quantity as a string; YAML users write `cpu: 1` as a number, which Go accepts.
function quantityFriendly(schema: FieldSchema): FieldSchema {
  if (schema.t === 'leaf' && schema.kind === 'string') return leaf('intOrString');
  if (schema.t === 'map') return { t: 'map', values: quantityFriendly(schema.values) };
  return schema;
}

const QUANTITY_FIELDS = new Set(['limits', 'requests', 'sizeLimit', 'divisor', 'overhead']);

/** A resolver over the client-node models; loads the package on the first call (about 200 ms). */
export async function loadK8sModels(): Promise<ModelResolver> {
  const mod: object = await import('@kubernetes/client-node');
  const cache = new Map<string, FieldSchema | undefined>();
  return (name: string): FieldSchema | undefined => {
    if (cache.has(name)) return cache.get(name);
    const attrs = attributesOf(mod, name);
    const schema: FieldSchema | undefined = attrs === undefined ? undefined : {
      t: 'object',
      fields: Object.fromEntries(attrs.map((a) => {
        const parsed = parseType(a.type, a.format);
        return [a.baseName, QUANTITY_FIELDS.has(a.baseName) ? quantityFriendly(parsed) : parsed];
      })),
    };
    cache.set(name, schema);
    return schema;
  };
}
