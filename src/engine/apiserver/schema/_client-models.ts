// Reads the generated model classes of @kubernetes/client-node one at a time, on demand.
import { createRequire } from 'node:module';

/** One entry of a generated model's `getAttributeTypeMap()`: JSON field name, type string and format. */
export interface ModelAttribute {
  readonly baseName: string;
  readonly type: string;
  readonly format: string;
}

const MODELS = '@kubernetes/client-node/dist/gen/models/';
const requireModel = createRequire(import.meta.url);

function canRequireEsm(): boolean {
  return Reflect.get(process.features, 'require_module') === true;
}

// Loading one model file costs well under a millisecond, the whole barrel about 200 ms, so models are
// required one by one. require() of ES modules exists from Node 20.19 / 22.12; older runtimes load the
// barrel once at start-up instead.
const barrel: unknown = canRequireEsm() ? undefined : await import(`${MODELS}all.js`);

function isAttribute(x: unknown): x is ModelAttribute {
  return typeof x === 'object' && x !== null && typeof Reflect.get(x, 'baseName') === 'string'
    && typeof Reflect.get(x, 'type') === 'string' && typeof Reflect.get(x, 'format') === 'string';
}

function loadModule(name: string): unknown {
  if (barrel !== undefined) return barrel;
  try {
    return requireModel(`${MODELS}${name}.js`);
  } catch (e) {
    if (Reflect.get(Object(e), 'code') === 'MODULE_NOT_FOUND') return undefined;
    throw e;
  }
}

/** The attribute list of model `name` (e.g. `V1PodSpec`), or undefined when client-node has no such model. */
export function modelAttributes(name: string): readonly ModelAttribute[] | undefined {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) return undefined;
  const mod = loadModule(name);
  if (typeof mod !== 'object' || mod === null) return undefined;
  const cls: unknown = Reflect.get(mod, name);
  if (typeof cls !== 'function') return undefined;
  const getMap: unknown = Reflect.get(cls, 'getAttributeTypeMap');
  if (typeof getMap !== 'function') return undefined;
  const list: unknown = Reflect.apply(getMap, cls, []);
  return Array.isArray(list) ? list.filter(isAttribute) : undefined;
}
