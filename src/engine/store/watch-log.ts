// The bounded history of committed events, and fan-out of live events to subscribers.
import { ApiError } from '../../api/api-error.js';
import type { ResourceKey, StoreEvent, Unsubscribe } from './store.js';

type Listener = (e: StoreEvent) => void;

/**
 * Keeps the last `capacity` events. A watch may resume from any resourceVersion at or after
 * `compactedRv` (the rv of the newest evicted event, or the store's rv when it was opened).
 */
export class WatchLog {
  private readonly ring: StoreEvent[] = [];
  private start = 0;
  private compactedRv: number;
  private readonly byResource = new Map<ResourceKey, Set<Listener>>();
  private readonly all = new Set<Listener>();

  constructor(private readonly capacity: number, openedAtRv: number) {
    if (capacity < 1) throw new RangeError(`watch log capacity must be >= 1: current value is ${capacity}`);
    this.compactedRv = openedAtRv;
  }

  oldestWatchableRv(): number {
    return this.compactedRv;
  }

  append(e: StoreEvent): void {
    if (this.ring.length - this.start >= this.capacity) {
      const evicted = this.ring[this.start];
      if (evicted) this.compactedRv = evicted.rv;
      this.start++;
      if (this.start > this.capacity) { this.ring.splice(0, this.start); this.start = 0; }
    }
    this.ring.push(e);
    for (const l of this.byResource.get(e.resource) ?? []) deliver(l, e);
    for (const l of this.all) deliver(l, e);
  }

  subscribe(fromRv: number, listener: Listener, resource?: ResourceKey): Unsubscribe {
    if (fromRv < this.compactedRv) {
      throw new ApiError('Expired', `too old resource version: ${fromRv} (${this.compactedRv})`);
    }
    for (let i = this.firstIndexAfter(fromRv); i < this.ring.length; i++) {
      const e = this.ring[i];
      if (e && (resource === undefined || e.resource === resource)) deliver(listener, e);
    }
    const set = resource === undefined ? this.all : this.setFor(resource);
    set.add(listener);
    return () => { set.delete(listener); };
  }

  private setFor(resource: ResourceKey): Set<Listener> {
    let s = this.byResource.get(resource);
    if (!s) { s = new Set(); this.byResource.set(resource, s); }
    return s;
  }

  // Events are in rv order, so binary search for the first one after fromRv.
  private firstIndexAfter(fromRv: number): number {
    let lo = this.start;
    let hi = this.ring.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ring[mid]?.rv ?? Infinity) <= fromRv) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
}

function deliver(l: Listener, e: StoreEvent): void {
  try {
    l(e);
  } catch (err) {
    // A failing watcher must never break a write or the other watchers.
    process.emitWarning(`watch listener failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
