// An informer keeps a local, read-only copy of one resource: list, then watch from the list's
// resourceVersion; when the stream ends, watch again from the last version seen; on 410 Expired, list
// again and emit add/update/delete for whatever changed meanwhile. Other failures back off and retry.
import { isApiError } from '../api/api-error.js';
import type { KubeObject, WatchEvent } from '../api/meta.js';
import { keyOf, type ObjectKey } from '../api/object-key.js';
import type { ResourceType } from '../api/resources.js';
import { backoffDelayMs } from '../lib/backoff.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { logger, type Logger } from '../lib/log.js';
import type { KubeClient } from './client.js';
import { deepFreeze } from '../lib/deep-freeze.js';
import { HandlerSet, type AddHandler, type DeleteHandler, type UpdateHandler } from './informer-handlers.js';
import { listAll } from './list-all.js';
import { NAMESPACE_INDEX, ObjectCache, type IndexFunc } from './object-cache.js';
import { sleep, systemTimers, type Timers } from './timers.js';

export interface InformerOptions {
  /** Watch one namespace only (ignored for cluster-scoped resources). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Re-deliver every cached object as an update this often; 0 or absent: never. */
  resyncMs?: number;
  clock?: Clock;
  timers?: Timers;
  log?: Logger;
  /** Back-off after failures: 800 ms doubling up to 30 s, as client-go's reflector. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Server-side timeout of each watch request (default 300 s); the informer then watches again. */
  watchTimeoutSeconds?: number;
}

// A watch that ends within this time without any event counts as a failure, so a server that closes
// streams at once is not hammered.
const MIN_HEALTHY_WATCH_MS = 1000;

/** A list+watch cache of one resource with event handlers and secondary indexes. */
export class Informer<T extends KubeObject = KubeObject> {
  private readonly cache = new ObjectCache<T>();
  private readonly handlers: HandlerSet<T>;
  private readonly abort = new AbortController();
  private readonly clock: Clock;
  private readonly timers: Timers;
  private readonly log: Logger;
  private readonly syncWaiters: ((synced: boolean) => void)[] = [];
  private loop: Promise<void> | undefined;
  private cancelResync: (() => void) | undefined;
  private rv = '';
  private isSynced = false;

  constructor(private readonly client: KubeClient, readonly resource: ResourceType, private readonly opts: InformerOptions = {}) {
    this.clock = opts.clock ?? systemClock;
    this.timers = opts.timers ?? systemTimers;
    this.log = opts.log ?? logger(`informer/${resource.resource}`);
    this.handlers = new HandlerSet<T>(this.log);
  }

  /** Calls `fn` for every object added; objects already cached are replayed to it at once. */
  onAdd(fn: AddHandler<T>): () => void {
    for (const obj of this.cache.list()) fn(obj);
    return this.handlers.onAdd(fn);
  }

  /** Calls `fn(old, new)` for every change (and for every object on resync, with old === new). */
  onUpdate(fn: UpdateHandler<T>): () => void { return this.handlers.onUpdate(fn); }

  /** Calls `fn` with the last known state of every object deleted (also when a relist finds it gone). */
  onDelete(fn: DeleteHandler<T>): () => void { return this.handlers.onDelete(fn); }

  get(key: ObjectKey): T | undefined { return this.cache.get(key); }
  list(): T[] { return this.cache.list(); }
  byNamespace(namespace: string): T[] { return this.cache.byIndex(NAMESPACE_INDEX, namespace); }
  /** Adds a secondary index (e.g. `indexBy('owner', byControllerUid)`). */
  indexBy(name: string, fn: IndexFunc<T>): void { this.cache.indexBy(name, fn); }
  byIndex(name: string, value: string): T[] { return this.cache.byIndex(name, value); }

  /** The resourceVersion of the last list or event applied. */
  resourceVersion(): string { return this.rv; }
  hasSynced(): boolean { return this.isSynced; }
  isStopped(): boolean { return this.abort.signal.aborted; }

  /** Resolves true after the first list is in the cache, or false if the informer stops first. */
  synced(): Promise<boolean> {
    if (this.isSynced || this.abort.signal.aborted) return Promise.resolve(this.isSynced);
    return new Promise((resolve) => this.syncWaiters.push(resolve));
  }

  /** Starts listing and watching (idempotent). */
  start(): void {
    if (this.loop !== undefined || this.abort.signal.aborted) return;
    this.loop = this.run();
  }

  /** Stops watching and timers; resolves once the loop has ended. The cache stays readable. */
  async stop(): Promise<void> {
    this.abort.abort();
    this.cancelResync?.();
    for (const w of this.syncWaiters.splice(0)) w(this.isSynced);
    await this.loop;
  }

  private async run(): Promise<void> {
    const signal = this.abort.signal;
    let failures = 0;
    let needList = true;
    while (!signal.aborted) {
      try {
        if (needList) await this.relist();
        needList = false;
        if (await this.watchOnce()) failures = 0;
        else failures++;
      } catch (e) {
        if (signal.aborted) return;
        const expired = isApiError(e, 'Expired') || isApiError(e, 'Gone');
        // An API error other than a transport failure leaves the stream position in doubt: list again.
        if (isApiError(e)) needList = true;
        failures++;
        if (expired && failures === 1) continue;
        this.log.warn(expired ? 'watch expired, relisting' : 'list/watch failed, backing off', { resource: this.resource.resource, error: e instanceof Error ? e : String(e) });
      }
      if (failures > 0) await sleep(this.timers, this.backoffMs(failures), signal);
    }
  }

  private backoffMs(failures: number): number {
    return backoffDelayMs(failures - 1, this.opts.backoffBaseMs ?? 800, this.opts.backoffMaxMs ?? 30_000);
  }

  private async relist(): Promise<void> {
    const list = await listAll<T>(this.client, this.resource, this.opts.namespace, this.selectors());
    if (this.abort.signal.aborted) return;
    this.replace(list.items);
    this.rv = list.metadata.resourceVersion ?? '';
    if (this.isSynced) return;
    this.isSynced = true;
    for (const w of this.syncWaiters.splice(0)) w(true);
    this.armResync();
  }

  /** Makes the cache equal to a fresh list, emitting adds/updates in list order, then deletes. */
  private replace(items: readonly T[]): void {
    const fresh = new Set<ObjectKey>();
    for (const obj of items) {
      fresh.add(keyOf(obj));
      this.upsert(obj);
    }
    for (const key of this.cache.keys()) {
      if (fresh.has(key)) continue;
      const old = this.cache.remove(key);
      if (old !== undefined) this.handlers.emitDelete(old);
    }
  }

  /** Watches once from the current resourceVersion; true when the stream was healthy. */
  private async watchOnce(): Promise<boolean> {
    const startMs = this.clock.now();
    let events = 0;
    const opts = { ...this.selectors(), allowWatchBookmarks: true, timeoutSeconds: this.opts.watchTimeoutSeconds ?? 300 };
    const stream = this.client.watch<T>(this.resource, this.opts.namespace, this.rv === '' ? opts : { ...opts, resourceVersion: this.rv }, this.abort.signal);
    for await (const ev of stream) {
      events++;
      this.apply(ev);
    }
    return events > 0 || this.clock.now() - startMs >= MIN_HEALTHY_WATCH_MS;
  }

  private apply(ev: WatchEvent<T>): void {
    const rv = ev.object.metadata.resourceVersion;
    if (rv !== undefined && rv !== '') this.rv = rv;
    if (ev.type === 'BOOKMARK' || ev.type === 'ERROR') return;
    if (ev.type !== 'DELETED') { this.upsert(ev.object); return; }
    const old = this.cache.remove(keyOf(ev.object));
    if (old !== undefined) this.handlers.emitDelete(deepFreeze(ev.object));
  }

  private upsert(obj: T): void {
    const old = this.cache.get(keyOf(obj));
    // The same version again (a watch replaying current objects) is not a change.
    if (old !== undefined && old.metadata.resourceVersion === obj.metadata.resourceVersion) return;
    this.cache.set(obj);
    if (old === undefined) this.handlers.emitAdd(obj);
    else this.handlers.emitUpdate(old, obj);
  }

  private selectors(): { labelSelector?: string; fieldSelector?: string } {
    const s: { labelSelector?: string; fieldSelector?: string } = {};
    if (this.opts.labelSelector !== undefined) s.labelSelector = this.opts.labelSelector;
    if (this.opts.fieldSelector !== undefined) s.fieldSelector = this.opts.fieldSelector;
    return s;
  }

  private armResync(): void {
    const period = this.opts.resyncMs ?? 0;
    if (period <= 0 || this.abort.signal.aborted) return;
    this.cancelResync = this.timers.setTimer(period, () => {
      for (const obj of this.cache.list()) this.handlers.emitUpdate(obj, obj);
      this.armResync();
    });
  }
}
