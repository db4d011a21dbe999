// Strategic merge of one list: replaced whole, merged by key (lists of objects) or as a set (primitive lists).
import { isJsonObject } from '../../../api/meta.js';
import type { TypeNode } from '../schema/type-node.js';
import { badPatch, goFormat, listOfLists, noMergeKey, unknownPatchType } from './_smp-errors.js';
import { applyOrder, keyFunction } from './_smp-order.js';
import type { PatchMeta } from './patch-meta.js';

/** A decoded JSON object. */
export type JsonMap = Readonly<Record<string, unknown>>;

/** Merges a patch object into an element (`original` undefined: builds the element from the patch alone). */
export type MergeObject = (original: JsonMap | undefined, patch: JsonMap, node: TypeNode | undefined) => JsonMap;

/** Throws unless a list element's `$patch` is `delete` or `replace`, the two a list accepts. */
export function checkListDirective(element: JsonMap): void {
  const directive = element['$patch'];
  if (directive === 'merge') throw badPatch('merging lists cannot yet be specified in the patch');
  if (directive !== 'delete' && directive !== 'replace') throw unknownPatchType(directive, element);
}

/** A list that replaces the live one (or has none to merge with): directive elements dropped, objects cleaned. */
export function freshList(patch: readonly unknown[], item: TypeNode | undefined, mergeObject: MergeObject): unknown[] {
  const out: unknown[] = [];
  for (const element of patch) {
    if (!isJsonObject(element)) out.push(element);
    else if (Object.hasOwn(element, '$patch')) checkListDirective(element);
    else out.push(mergeObject(undefined, element, item));
  }
  return out;
}

function elementKind(original: readonly unknown[], patch: readonly unknown[]): string | undefined {
  let kind: string | undefined;
  for (const element of [...original, ...patch]) {
    if (element === null) continue;
    if (Array.isArray(element)) throw listOfLists();
    if (kind === undefined) kind = typeof element;
    else if (kind !== typeof element) throw badPatch(`list element types are not identical: ${goFormat([original, patch])}`);
  }
  return kind;
}

function sameKey(element: unknown, mergeKey: string, value: unknown): boolean {
  return isJsonObject(element) && Object.hasOwn(element, mergeKey) && element[mergeKey] === value;
}

function mergeObjects(original: readonly unknown[], patch: readonly unknown[], mergeKey: string, item: TypeNode | undefined, mergeObject: MergeObject): unknown[] {
  const keyOf = keyFunction(mergeKey);
  let live = [...original];
  const items: JsonMap[] = [];
  let replace = false;
  for (const element of patch) {
    if (!isJsonObject(element)) throw noMergeKey(element, mergeKey);
    if (!Object.hasOwn(element, '$patch')) items.push(element);
    else if (element['$patch'] === 'delete') {
      const key = keyOf(element);
      live = live.filter((e) => !sameKey(e, mergeKey, key));
    } else if (element['$patch'] === 'replace') replace = true;
    else checkListDirective(element);
  }
  items.forEach(keyOf);
  if (replace) return items.map((element) => mergeObject(undefined, element, item));
  const merged = [...live];
  for (const element of items) {
    const at = merged.findIndex((e) => sameKey(e, mergeKey, element[mergeKey]));
    const current = merged[at];
    if (isJsonObject(current)) merged[at] = mergeObject(current, element, item);
    else merged.push(mergeObject(undefined, element, item));
  }
  return applyOrder(merged, items, live, keyOf);
}

function mergePrimitives(original: readonly unknown[], patch: readonly unknown[]): unknown[] {
  const keyOf = keyFunction(undefined);
  return applyOrder([...new Set([...original, ...patch])], patch, original, keyOf);
}

/**
 * Merges a patch list into a live list. Without the `merge` strategy the patch list replaces the live one.
 * Lists of objects merge by `mergeKey` (`{"$patch":"delete", key}` removes, `{"$patch":"replace"}` replaces
 * the list with the other patch items); primitive lists become the union. New items come first, then the
 * live order is kept (see `interleave`).
 */
export function mergeList(original: readonly unknown[], patch: readonly unknown[], meta: PatchMeta, item: TypeNode | undefined, mergeObject: MergeObject): unknown[] {
  if (!meta.strategies.includes('merge')) return freshList(patch, item, mergeObject);
  if (original.length === 0 && patch.length === 0) return [];
  if (elementKind(original, patch) !== 'object') return mergePrimitives(original, patch);
  if (meta.mergeKey === undefined) throw badPatch('cannot merge lists of objects without a merge key');
  return mergeObjects(original, patch, meta.mergeKey, item, mergeObject);
}
