// `$setElementOrder/<list>`: the final order of a merged list, including items only the live list has.
import { childNode, itemNode, type TypeNode } from '../schema/type-node.js';
import { ERR_SET_ORDER, badPatch, notAList } from './_smp-errors.js';
import { freshList, mergeList, type JsonMap, type MergeObject } from './_smp-list.js';
import { applyOrder, checkSetElementOrder, keyFunction } from './_smp-order.js';
import { patchMetaOf } from './patch-meta.js';

/** Prefix of the order directive. */
export const SET_ORDER = '$setElementOrder';

/** The field a `<prefix>/<field>` directive names; a malformed directive key is a BadRequest with `error`. */
export function directiveTarget(key: string, prefix: string, error: string): string {
  if (!key.startsWith(`${prefix}/`)) throw badPatch(error);
  return key.slice(prefix.length + 1);
}

function asList(v: unknown): readonly unknown[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw notAList(v);
  return v;
}

function ordered(merged: readonly unknown[], order: readonly unknown[], live: readonly unknown[], mergeKey: string | undefined): unknown[] {
  const objects = merged.some((e) => typeof e === 'object' && e !== null);
  // A list of objects without a merge key has no identity to order by (Kubernetes never sends that).
  if (merged.length === 0 || (objects && mergeKey === undefined)) return [...merged];
  return applyOrder(merged, order, live, keyFunction(mergeKey));
}

/**
 * Applies every `$setElementOrder/<list>` directive of `patch` to `out` (the map being built), merging the
 * patch's list of the same name at the same time. Returns the list fields it merged, which the caller skips.
 * Precedence of order: the directive, then the patch list, then the live list.
 */
export function applyElementOrders(out: Map<string, unknown>, patch: JsonMap, node: TypeNode | undefined, mergeObject: MergeObject): Set<string> {
  const merged = new Set<string>();
  for (const [key, order] of Object.entries(patch)) {
    if (!key.startsWith(SET_ORDER)) continue;
    const field = directiveTarget(key, SET_ORDER, ERR_SET_ORDER);
    if (!Array.isArray(order)) throw notAList(order);
    if (patch[field] === null) continue;
    const live = asList(out.get(field));
    const fromPatch = asList(patch[field]);
    if (live === undefined && fromPatch === undefined) continue;
    const meta = patchMetaOf(node, field);
    const item = itemNode(childNode(node, field));
    if (fromPatch !== undefined) checkSetElementOrder(fromPatch, order, meta.mergeKey);
    let list: readonly unknown[];
    if (fromPatch === undefined) list = live ?? [];
    else list = live === undefined ? freshList(fromPatch, item, mergeObject) : mergeList(live, fromPatch, meta, item, mergeObject);
    out.set(field, ordered(list, order, live ?? [], meta.mergeKey));
    if (fromPatch !== undefined) merged.add(field);
  }
  return merged;
}
