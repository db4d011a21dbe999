// Strategic merge of one map: the recursion at the heart of strategic merge patch.
import { isJsonObject } from '../../../api/meta.js';
import { childNode, itemNode, type TypeNode } from '../schema/type-node.js';
import { SET_ORDER, applyElementOrders, directiveTarget } from './_smp-element-order.js';
import { ERR_PRIMITIVE_LIST, ERR_RETAIN_KEYS, badPatch, unknownPatchType } from './_smp-errors.js';
import { freshList, mergeList, type JsonMap } from './_smp-list.js';
import { patchMetaOf, type PatchMeta } from './patch-meta.js';

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM = '$deleteFromPrimitiveList';

function isDirectiveKey(key: string): boolean {
  return key.startsWith(SET_ORDER) || key.startsWith(DELETE_FROM);
}

// `$retainKeys: [...]`: keys of the live map not listed are dropped; the patch may only set listed keys.
function retainKeys(out: Map<string, unknown>, patch: JsonMap): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS)) return;
  const keep = patch[RETAIN_KEYS];
  if (!Array.isArray(keep)) throw badPatch(ERR_RETAIN_KEYS);
  const allowed = new Set<unknown>(keep);
  for (const [key, value] of Object.entries(patch)) {
    if (value !== null && key !== RETAIN_KEYS && !isDirectiveKey(key) && !allowed.has(key)) throw badPatch(ERR_RETAIN_KEYS);
  }
  for (const key of [...out.keys()]) if (!allowed.has(key)) out.delete(key);
}

// `$deleteFromPrimitiveList/<list>: [...]`: removes those values from a live primitive list.
function deleteFromList(out: Map<string, unknown>, field: string, values: unknown): void {
  if (values === null) return;
  if (!Array.isArray(values)) throw badPatch(ERR_PRIMITIVE_LIST);
  const live = out.get(field);
  if (!Array.isArray(live)) return;
  if ([...values, ...live].some((v) => typeof v === 'object' && v !== null)) throw badPatch(ERR_PRIMITIVE_LIST);
  const drop = new Set<unknown>(values);
  out.set(field, live.filter((v) => !drop.has(v)));
}

// A patch value with nothing (or something of another type) to merge into; undefined means "remove".
function freshValue(value: unknown, node: TypeNode | undefined): { value: unknown } | undefined {
  if (isJsonObject(value)) return value[DIRECTIVE] === 'delete' ? undefined : { value: mergeMap(undefined, value, node) };
  if (Array.isArray(value)) return { value: freshList(value, itemNode(node), mergeMap) };
  return { value };
}

function mergeMember(out: Map<string, unknown>, key: string, value: unknown, node: TypeNode | undefined): void {
  if (key.startsWith('$') && node?.t === 'object' && !node.fields().has(key)) {
    throw badPatch(`unknown strategic merge patch directive ${JSON.stringify(key)}`);
  }
  if (value === null) {
    out.delete(key);
    return;
  }
  const child = childNode(node, key);
  const meta: PatchMeta = patchMetaOf(node, key);
  const current = out.get(key);
  if (isJsonObject(current) && isJsonObject(value) && !meta.strategies.includes('replace')) {
    out.set(key, mergeMap(current, value, child));
  } else if (Array.isArray(current) && Array.isArray(value)) {
    out.set(key, mergeList(current, value, meta, itemNode(child), mergeMap));
  } else {
    const fresh = freshValue(value, child);
    if (fresh === undefined) out.delete(key);
    else out.set(key, fresh.value);
  }
}

function mapDirective(patch: JsonMap, node: TypeNode | undefined): JsonMap {
  const directive = patch[DIRECTIVE];
  if (directive === 'delete') return {};
  if (directive !== 'replace') throw unknownPatchType(directive, patch);
  return mergeMap(undefined, Object.fromEntries(Object.entries(patch).filter(([k]) => k !== DIRECTIVE)), node);
}

/**
 * Merges a patch map into a live map (undefined: builds the map from the patch alone, dropping nulls and
 * directives). Never mutates its inputs; unchanged subtrees of `original` are shared, not copied.
 */
export function mergeMap(original: JsonMap | undefined, patch: JsonMap, node: TypeNode | undefined): JsonMap {
  if (Object.hasOwn(patch, DIRECTIVE)) return mapDirective(patch, node);
  // A Map plus Object.fromEntries keeps a member named "__proto__" an ordinary member.
  const out = new Map<string, unknown>(Object.entries(original ?? {}));
  retainKeys(out, patch);
  const ordered = applyElementOrders(out, patch, node, mergeMap);
  const deletions: Array<[field: string, values: unknown]> = [];
  for (const [key, value] of Object.entries(patch)) {
    if (key === RETAIN_KEYS || key.startsWith(SET_ORDER) || ordered.has(key)) continue;
    if (key.startsWith(DELETE_FROM)) deletions.push([directiveTarget(key, DELETE_FROM, ERR_PRIMITIVE_LIST), value]);
    else mergeMember(out, key, value, node);
  }
  // Deletions run last so that a value both added and deleted by one patch ends up deleted.
  for (const [field, values] of deletions) deleteFromList(out, field, values);
  return Object.fromEntries(out);
}
