// A durable Store on SQLite (better-sqlite3, WAL). Every write is one transaction committed before the
// call returns, so an acknowledged write survives `kill -9`. Reads come from an in-memory copy of every
// object, loaded at open, like the API server's watch cache.
import Database from 'better-sqlite3';
import { alreadyExists, conflict, notFound } from '../../api/api-error.js';
import { decodeKubeObject, type KubeObject } from '../../api/meta.js';
import { deepFreeze } from '../../lib/deep-freeze.js';
import { WatchLog } from './watch-log.js';
import { splitResourceKey, type ResourceKey, type Store, type StoreEvent, type StoreEventType, type Unsubscribe, type WriteOptions } from './store.js';

export interface SqliteStoreOptions {
  /** Database file, or `:memory:` for a non-durable store (tests). */
  path: string;
  /** How many events the watch history keeps (default 10,000). */
  watchHistory?: number;
}

interface Row { resource: string; namespace: string; name: string; data: string }

const nsKey = (namespace: string, name: string): string => `${namespace}\u0000${name}`;

/** SQLite-backed Store. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly objects = new Map<ResourceKey, Map<string, KubeObject>>();
  private readonly json = new WeakMap<KubeObject, string>();
  private readonly log: WatchLog;
  private rv: number;
  private readonly stmts: {
    upsert: Database.Statement<[string, string, string, number, string]>;
    remove: Database.Statement<[string, string, string]>;
    setRv: Database.Statement<[string]>;
  };

  constructor(opts: SqliteStoreOptions) {
    this.db = new Database(opts.path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS objects (
        resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL, rv INTEGER NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (resource, namespace, name));
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    this.stmts = {
      upsert: this.db.prepare('INSERT OR REPLACE INTO objects (resource, namespace, name, rv, data) VALUES (?, ?, ?, ?, ?)'),
      remove: this.db.prepare('DELETE FROM objects WHERE resource = ? AND namespace = ? AND name = ?'),
      setRv: this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('rv', ?)"),
    };
    const rvRow = this.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'rv'").get();
    this.rv = rvRow ? Number(rvRow.value) : 1000;
    for (const row of this.db.prepare<[], Row>('SELECT resource, namespace, name, data FROM objects').iterate()) {
      const obj = deepFreeze(decodeKubeObject(JSON.parse(row.data)));
      this.json.set(obj, row.data);
      this.bucket(row.resource).set(nsKey(row.namespace, row.name), obj);
    }
    this.log = new WatchLog(opts.watchHistory ?? 10_000, this.rv);
  }

  currentRv(): number { return this.rv; }
  oldestWatchableRv(): number { return this.log.oldestWatchableRv(); }

  get(resource: ResourceKey, namespace: string, name: string): KubeObject | undefined {
    return this.objects.get(resource)?.get(nsKey(namespace, name));
  }

  list(resource: ResourceKey, namespace?: string): readonly KubeObject[] {
    const all = [...(this.objects.get(resource)?.entries() ?? [])];
    const picked = namespace === undefined ? all : all.filter(([, o]) => (o.metadata.namespace ?? '') === namespace);
    return picked.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, o]) => o);
  }

  create(resource: ResourceKey, obj: KubeObject): KubeObject {
    const { namespace, name } = identity(obj);
    if (this.get(resource, namespace, name)) throw alreadyExists(...names(resource), name);
    return this.commit('ADDED', resource, obj);
  }

  update(resource: ResourceKey, obj: KubeObject, opts: WriteOptions = {}): KubeObject {
    const { namespace, name } = identity(obj);
    const current = this.get(resource, namespace, name);
    if (!current) throw notFound(...names(resource), name);
    checkPrecondition(resource, current, name, opts.expectedRv);
    return this.commit('MODIFIED', resource, obj);
  }

  delete(resource: ResourceKey, namespace: string, name: string, opts: WriteOptions = {}): KubeObject {
    const current = this.get(resource, namespace, name);
    if (!current) throw notFound(...names(resource), name);
    checkPrecondition(resource, current, name, opts.expectedRv);
    return this.commit('DELETED', resource, current);
  }

  watch(fromRv: number, listener: (e: StoreEvent) => void, resource?: ResourceKey): Unsubscribe {
    return this.log.subscribe(fromRv, listener, resource);
  }

  serialize(obj: KubeObject): string {
    let s = this.json.get(obj);
    if (s === undefined) {
      s = JSON.stringify(obj);
      if (Object.isFrozen(obj)) this.json.set(obj, s);
    }
    return s;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private commit(type: StoreEventType, resource: ResourceKey, obj: KubeObject): KubeObject {
    const { namespace, name } = identity(obj);
    const prev = this.get(resource, namespace, name);
    const rv = this.rv + 1;
    const stored = deepFreeze({ ...structuredClone(obj), metadata: { ...structuredClone(obj.metadata), resourceVersion: String(rv) } });
    const data = JSON.stringify(stored);
    this.db.transaction(() => {
      if (type === 'DELETED') this.stmts.remove.run(resource, namespace, name);
      else this.stmts.upsert.run(resource, namespace, name, rv, data);
      this.stmts.setRv.run(String(rv));
    })();
    this.rv = rv;
    if (type === 'DELETED') this.bucket(resource).delete(nsKey(namespace, name));
    else this.bucket(resource).set(nsKey(namespace, name), stored);
    this.json.set(stored, data);
    this.log.append(prev === undefined ? { type, resource, rv, object: stored } : { type, resource, rv, object: stored, prev });
    return stored;
  }

  private bucket(resource: ResourceKey): Map<string, KubeObject> {
    let b = this.objects.get(resource);
    if (!b) { b = new Map(); this.objects.set(resource, b); }
    return b;
  }
}

function identity(obj: KubeObject): { namespace: string; name: string } {
  const name = obj.metadata.name;
  if (!name) throw new TypeError('store: object has no metadata.name');
  return { namespace: obj.metadata.namespace ?? '', name };
}

function names(resource: ResourceKey): [resource: string, group: string] {
  const [group, plural] = splitResourceKey(resource);
  return [plural, group];
}

function checkPrecondition(resource: ResourceKey, current: KubeObject, name: string, expectedRv: string | undefined): void {
  if (expectedRv !== undefined && expectedRv !== '' && current.metadata.resourceVersion !== expectedRv) {
    throw conflict(...names(resource), name);
  }
}
