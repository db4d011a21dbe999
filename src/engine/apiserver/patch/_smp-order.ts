// Element order of merged lists: patch order first, server-only items kept where the live list had them.
import { isJsonObject } from '../../../api/meta.js';
import { badPatch, goFormat, noMergeKey } from './_smp-errors.js';

/** Identity of a list element: its merge-key value for lists of objects, the value itself otherwise. */
export type KeyOf = (element: unknown) => unknown;

/** The KeyOf for a list with `mergeKey` (undefined: a primitive list). Elements without the key are an error. */
export function keyFunction(mergeKey: string | undefined): KeyOf {
  if (mergeKey === undefined) return (element) => element;
  return (element) => {
    if (!isJsonObject(element) || !Object.hasOwn(element, mergeKey)) throw noMergeKey(element, mergeKey);
    return element[mergeKey];
  };
}

function firstIndexes(list: readonly unknown[], keyOf: KeyOf): Map<unknown, number> {
  const at = new Map<unknown, number>();
  list.forEach((element, i) => {
    const key = keyOf(element);
    if (!at.has(key)) at.set(key, i);
  });
  return at;
}

/** `items` stably sorted by where their keys first appear in `order`; items not in `order` go last, as they were. */
export function sortByOrder(items: readonly unknown[], order: readonly unknown[], keyOf: KeyOf): unknown[] {
  const at = firstIndexes(order, keyOf);
  const ranked = items.map((item, i) => ({ item, i, rank: at.get(keyOf(item)) ?? Number.POSITIVE_INFINITY }));
  ranked.sort((a, b) => (a.rank === b.rank ? a.i - b.i : a.rank < b.rank ? -1 : 1));
  return ranked.map((r) => r.item);
}

/**
 * Interleaves server-only items into the patch items: a server-only item goes first only when the live
 * list had it before the next patch item. New items (not in the live list) therefore come first:
 * live [a b c] merged with patch [d] gives [d a b c]; live [1 2 9 3 4] ordered [2 1 4 3] gives [2 1 9 4 3].
 */
export function interleave(serverOnly: readonly unknown[], patchItems: readonly unknown[], live: readonly unknown[], keyOf: KeyOf): unknown[] {
  const at = firstIndexes(live, keyOf);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length && j < patchItems.length) {
    const left = at.get(keyOf(serverOnly[i]));
    const right = at.get(keyOf(patchItems[j]));
    out.push(left !== undefined && right !== undefined && left < right ? serverOnly[i++] : patchItems[j++]);
  }
  return [...out, ...serverOnly.slice(i), ...patchItems.slice(j)];
}

/** Splits `merged` into the items whose keys appear in `wanted` and the others, each in merged order. */
export function partition(merged: readonly unknown[], wanted: readonly unknown[], keyOf: KeyOf): [inWanted: unknown[], others: unknown[]] {
  const keys = new Set(wanted.map(keyOf));
  const inWanted: unknown[] = [];
  const others: unknown[] = [];
  for (const item of merged) (keys.has(keyOf(item)) ? inWanted : others).push(item);
  return [inWanted, others];
}

/** The final order of a merged list: items named in `order` in that order, the rest interleaved by `live`. */
export function applyOrder(merged: readonly unknown[], order: readonly unknown[], live: readonly unknown[], keyOf: KeyOf): unknown[] {
  const [named, others] = partition(merged, order, keyOf);
  return interleave(sortByOrder(others, live, keyOf), sortByOrder(named, order, keyOf), live, keyOf);
}

function isDirective(element: unknown): boolean {
  return isJsonObject(element) && Object.hasOwn(element, '$patch');
}

/**
 * Checks that the patch list follows its `$setElementOrder` list (deletions aside), as Kubernetes does:
 * walking both, every patch item must be matched by a later order item.
 */
export function checkSetElementOrder(patchList: readonly unknown[], order: readonly unknown[], mergeKey: string | undefined): void {
  if (order.length === 0 || patchList.length === 0) return;
  const keyOf = keyFunction(mergeKey);
  const items = patchList.filter((e) => !(mergeKey !== undefined && isJsonObject(e) && e['$patch'] === 'delete'));
  let p = 0;
  let s = 0;
  while (p < items.length && s < order.length) {
    if (isDirective(items[p])) {
      p++;
      continue;
    }
    if (keyOf(items[p]) === keyOf(order[s])) p++;
    s++;
  }
  if (p < items.length) {
    throw badPatch(`The order in patch list:\n${goFormat(patchList)}\n doesn't match $setElementOrder list:\n${goFormat(order)}\n`);
  }
}
