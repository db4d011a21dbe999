// Structural schemas of Kubernetes' built-in types (PodTemplateSpec, JobSpec), derived from the attribute type maps
// of @kubernetes/client-node's generated models, so pod templates inside Rollouts, Experiments and job metrics are
// typed field for field as Kubernetes types them (Argo's CRDs type them fully too) and a typo such as
// `imagePullPolicyy` is reported under `fieldValidation=Strict` instead of being dropped.
import { createRequire } from 'node:module';
import type { JsonSchemaProps } from './json-schema-props.js';
import { ATOMIC_MODELS, LIST_MAP_KEYS, QUANTITY_FIELDS, QUANTITY_PATTERN, REQUIRED_FIELDS } from './kube-model-conventions.js';

interface ModelAttribute { baseName: string; type: string; format: string }

const MODELS = '@kubernetes/client-node/dist/gen/models/';
const requireModel = createRequire(import.meta.url);
// require() of ES modules exists from Node 20.19 / 22.12; older runtimes load the model barrel once instead.
const barrel: unknown = Reflect.get(process.features, 'require_module') === true ? undefined : await import(`${MODELS}all.js`);

function isAttribute(x: unknown): x is ModelAttribute {
  return typeof x === 'object' && x !== null && typeof Reflect.get(x, 'baseName') === 'string'
    && typeof Reflect.get(x, 'type') === 'string' && typeof Reflect.get(x, 'format') === 'string';
}

function modelAttributes(name: string): ModelAttribute[] | undefined {
  let mod: unknown = barrel;
  if (mod === undefined) {
    try { mod = requireModel(`${MODELS}${name}.js`); } catch { return undefined; }
  }
  const cls: unknown = typeof mod === 'object' && mod !== null ? Reflect.get(mod, name) : undefined;
  const getMap: unknown = typeof cls === 'function' ? Reflect.get(cls, 'getAttributeTypeMap') : undefined;
  if (typeof getMap !== 'function') return undefined;
  const list: unknown = Reflect.apply(getMap, cls, []);
  return Array.isArray(list) ? list.filter(isAttribute) : undefined;
}

const QUANTITY: JsonSchemaProps = { anyOf: [{ type: 'integer' }, { type: 'string' }], pattern: QUANTITY_PATTERN, 'x-kubernetes-int-or-string': true };
const ANY: JsonSchemaProps = { 'x-kubernetes-preserve-unknown-fields': true };
const STRING_MAP: JsonSchemaProps = { type: 'object', additionalProperties: { type: 'string' } };
/** Template metadata: Argo's CRDs keep only labels and annotations of an embedded ObjectMeta, and so do we. */
export const TEMPLATE_METADATA: JsonSchemaProps = { type: 'object', properties: { labels: STRING_MAP, annotations: STRING_MAP } };

function scalar(type: string, format: string): JsonSchemaProps | undefined {
  switch (type) {
    case 'string': return format === 'byte' ? { type: 'string', format } : { type: 'string' };
    case 'number': return format === 'int32' || format === 'int64' ? { type: 'integer', format } : { type: 'number' };
    case 'boolean': return { type: 'boolean' };
    case 'Date': return { type: 'string', format: 'date-time' };
    case 'IntOrString': return { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true };
    case 'any': case 'object': return ANY;
    default: return undefined;
  }
}

function typeSchema(type: string, format: string, quantity: boolean, stack: readonly string[]): JsonSchemaProps {
  const s = type.trim();
  const list = /^(?:Array|Set)<(.+)>$/.exec(s);
  if (list?.[1] !== undefined) return { type: 'array', items: typeSchema(list[1], format, quantity, stack) };
  const dict = /^\{\s*\[key: string\]:\s*(.+?);?\s*\}$/.exec(s);
  if (dict?.[1] !== undefined) return { type: 'object', additionalProperties: typeSchema(dict[1], format, quantity, stack) };
  if (quantity) return QUANTITY;
  return scalar(s, format) ?? modelSchema(s, stack);
}

function fieldSchema(model: string, a: ModelAttribute, stack: readonly string[]): JsonSchemaProps {
  const s = typeSchema(a.type, a.format, QUANTITY_FIELDS[model]?.includes(a.baseName) ?? false, stack);
  const keys = LIST_MAP_KEYS[model]?.[a.baseName];
  return keys === undefined ? s : { ...s, 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': [...keys] };
}

/**
 * The structural schema of client-node model `name` (`V1PodTemplateSpec`, `V1JobSpec`), every field typed.
 * Throws a TypeError for an unknown model or a recursive one (a structural schema cannot recurse).
 */
export function modelSchema(name: string, stack: readonly string[] = []): JsonSchemaProps {
  if (name === 'V1ObjectMeta') return TEMPLATE_METADATA;
  if (stack.includes(name)) throw new TypeError(`model ${name} is recursive (${[...stack, name].join(' → ')})`);
  const attributes = modelAttributes(name);
  if (attributes === undefined) throw new TypeError(`@kubernetes/client-node has no model ${name}`);
  const inner = [...stack, name];
  const properties = Object.fromEntries(attributes.map((a) => [a.baseName, fieldSchema(name, a, inner)]));
  const out: JsonSchemaProps = { type: 'object' };
  if (ATOMIC_MODELS.has(name)) out['x-kubernetes-map-type'] = 'atomic';
  const required = REQUIRED_FIELDS[name];
  if (required !== undefined) out.required = [...required];
  return { ...out, properties };
}
