// Controller expectations (client-go ControllerExpectations): after a controller creates or deletes N
// children it waits until the informer has observed them before acting on the same key again, so a stale
// cache does not make it create the same pods twice. Records expire after a TTL in case an event is lost.
import type { ObjectKey } from '../api/object-key.js';

/** Default time after which unmet expectations are considered satisfied: 5 minutes. */
export const EXPECTATIONS_TTL_MS = 5 * 60 * 1000;

interface ExpectationRecord {
  creates: number;
  deletes: number;
  setAtMs: number;
}

/** Pending create/delete counts per controller key. Time is an argument, never read from a clock. */
export class Expectations<K extends string = ObjectKey> {
  private readonly records = new Map<K, ExpectationRecord>();
  constructor(private readonly ttlMs = EXPECTATIONS_TTL_MS) {}

  /** Replaces the expectations of `key` with `creates` creations and `deletes` deletions, set at `nowMs`. */
  expect(key: K, counts: { creates?: number; deletes?: number }, nowMs: number): void {
    this.records.set(key, { creates: counts.creates ?? 0, deletes: counts.deletes ?? 0, setAtMs: nowMs });
  }

  /** Expects `n` creations (and no deletions). */
  expectCreations(key: K, n: number, nowMs: number): void { this.expect(key, { creates: n }, nowMs); }

  /** Expects `n` deletions (and no creations). */
  expectDeletions(key: K, n: number, nowMs: number): void { this.expect(key, { deletes: n }, nowMs); }

  /** An informer saw one of the expected creations (or a create failed and will not be seen). */
  creationObserved(key: K): void { this.lower(key, 1, 0); }

  /** An informer saw one of the expected deletions (or a delete failed and will not be seen). */
  deletionObserved(key: K): void { this.lower(key, 0, 1); }

  /**
   * True when the controller may act on `key`: nothing is expected, everything expected was observed, or
   * the record is older than the TTL (set at 0 with a 300 000 ms TTL: false at 300 000, true at 300 001).
   */
  satisfied(key: K, nowMs: number): boolean {
    const r = this.records.get(key);
    if (r === undefined) return true;
    if (r.creates <= 0 && r.deletes <= 0) return true;
    return nowMs - r.setAtMs > this.ttlMs;
  }

  /** What is still expected for `key`, if anything was recorded. */
  pending(key: K): { creates: number; deletes: number } | undefined {
    const r = this.records.get(key);
    return r === undefined ? undefined : { creates: r.creates, deletes: r.deletes };
  }

  /** Forgets `key` (its owner was deleted). */
  delete(key: K): void { this.records.delete(key); }

  private lower(key: K, creates: number, deletes: number): void {
    const r = this.records.get(key);
    if (r === undefined) return;
    r.creates -= creates;
    r.deletes -= deletes;
  }
}
