// The informer's cache: objects by key, plus secondary indexes (namespace built in; others such as
// "controller owner uid" added by controllers). Objects are deeply frozen on the way in.
import { controllerRef, type KubeObject } from '../api/meta.js';
import { keyOf, type ObjectKey } from '../api/object-key.js';
import { deepFreeze } from '../lib/deep-freeze.js';

/** Maps an object to the index values it is filed under (none, one or several). */
export type IndexFunc<T> = (obj: T) => readonly string[];

/** Name of the built-in namespace index. */
export const NAMESPACE_INDEX = 'namespace';

/** Index function: the uid of the controlling owner (`pods owned by this ReplicaSet`). */
export const byControllerUid: IndexFunc<KubeObject> = (obj) => {
  const uid = controllerRef(obj.metadata)?.uid;
  return uid === undefined ? [] : [uid];
};

/** Objects of one resource with secondary indexes. */
export class ObjectCache<T extends KubeObject> {
  private readonly items = new Map<ObjectKey, T>();
  private readonly indexers = new Map<string, IndexFunc<T>>();
  private readonly indexes = new Map<string, Map<string, Set<ObjectKey>>>();

  constructor() {
    this.indexBy(NAMESPACE_INDEX, (o) => [o.metadata.namespace ?? '']);
  }

  /** Adds an index; existing objects are filed at once. Re-adding a name with another function throws. */
  indexBy(name: string, fn: IndexFunc<T>): void {
    const existing = this.indexers.get(name);
    if (existing === fn) return;
    if (existing !== undefined) throw new TypeError(`Cannot add index "${name}": an index with that name already exists`);
    this.indexers.set(name, fn);
    this.indexes.set(name, new Map());
    for (const [key, obj] of this.items) this.file(name, fn, key, obj);
  }

  get(key: ObjectKey): T | undefined { return this.items.get(key); }
  has(key: ObjectKey): boolean { return this.items.has(key); }
  keys(): ObjectKey[] { return [...this.items.keys()]; }
  list(): T[] { return [...this.items.values()]; }
  size(): number { return this.items.size; }

  /** Objects filed under `value` in index `name`; throws for an unknown index. */
  byIndex(name: string, value: string): T[] {
    const index = this.indexes.get(name);
    if (index === undefined) throw new TypeError(`Cannot query index "${name}": no such index (add it with indexBy)`);
    const out: T[] = [];
    for (const key of index.get(value) ?? []) {
      const obj = this.items.get(key);
      if (obj !== undefined) out.push(obj);
    }
    return out;
  }

  /** Stores (a frozen) `obj`; returns the object it replaced. */
  set(obj: T): T | undefined {
    const key = keyOf(obj);
    const old = this.remove(key);
    const frozen = deepFreeze(obj);
    this.items.set(key, frozen);
    for (const [name, fn] of this.indexers) this.file(name, fn, key, frozen);
    return old;
  }

  /** Removes the object at `key`; returns it. */
  remove(key: ObjectKey): T | undefined {
    const old = this.items.get(key);
    if (old === undefined) return undefined;
    this.items.delete(key);
    for (const [name, fn] of this.indexers) {
      const index = this.indexes.get(name);
      for (const value of fn(old)) {
        const keys = index?.get(value);
        keys?.delete(key);
        if (keys?.size === 0) index?.delete(value);
      }
    }
    return old;
  }

  private file(name: string, fn: IndexFunc<T>, key: ObjectKey, obj: T): void {
    const index = this.indexes.get(name);
    if (index === undefined) return;
    for (const value of fn(obj)) {
      const keys = index.get(value) ?? new Set<ObjectKey>();
      keys.add(key);
      index.set(value, keys);
    }
  }
}
