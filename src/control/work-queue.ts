// A rate-limited, delaying work queue of keys with client-go's guarantees: a key is queued at most once,
// never handed to two workers at once, and a key added while it is being processed is processed again
// after `done`. Time comes from a Clock and Timers so tests drive it without sleeping.
import type { ObjectKey } from '../api/object-key.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { defaultControllerRateLimiter, type RateLimiter } from './rate-limiter.js';
import { systemTimers, type Timers } from './timers.js';

export interface WorkQueueOptions<K extends string> {
  clock?: Clock;
  timers?: Timers;
  rateLimiter?: RateLimiter<K>;
}

/** The work queue every controller pulls keys from. */
export class WorkQueue<K extends string = ObjectKey> {
  private readonly clock: Clock;
  private readonly timers: Timers;
  private readonly limiter: RateLimiter<K>;
  private readonly queue: K[] = [];
  private readonly dirty = new Set<K>();
  private readonly processing = new Set<K>();
  private readonly waiting = new Map<K, number>();
  private readonly getters: ((key: K | undefined) => void)[] = [];
  private cancelTimer: (() => void) | undefined;
  private timerAtMs = Infinity;
  private shuttingDown = false;

  constructor(opts: WorkQueueOptions<K> = {}) {
    this.clock = opts.clock ?? systemClock;
    this.timers = opts.timers ?? systemTimers;
    this.limiter = opts.rateLimiter ?? defaultControllerRateLimiter<K>(this.clock);
  }

  /** Queues `key` unless it is already queued; while it is being processed it is marked to run again. */
  add(key: K): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    this.push(key);
  }

  /** Adds `key` after `delayMs`; a key already waiting keeps the earlier of the two deadlines. */
  addAfter(key: K, delayMs: number): void {
    if (this.shuttingDown) return;
    if (delayMs <= 0) { this.add(key); return; }
    const atMs = this.clock.now() + delayMs;
    const current = this.waiting.get(key);
    if (current !== undefined && current <= atMs) return;
    this.waiting.set(key, atMs);
    this.armTimer();
  }

  /** Adds `key` after its rate-limited back-off (per-key exponential, combined with the overall bucket). */
  addRateLimited(key: K): void {
    this.addAfter(key, this.limiter.when(key));
  }

  /** Clears the back-off history of `key`. */
  forget(key: K): void { this.limiter.forget(key); }

  /** Retries of `key` since it was last forgotten. */
  numRequeues(key: K): number { return this.limiter.numRequeues(key); }

  /** Waits for the next key; resolves `undefined` once the queue is shut down and drained. */
  get(): Promise<K | undefined> {
    const key = this.queue.shift();
    if (key !== undefined) return Promise.resolve(this.startProcessing(key));
    if (this.shuttingDown) return Promise.resolve(undefined);
    return new Promise((resolve) => this.getters.push(resolve));
  }

  /** Marks `key` as processed; if it was added meanwhile it is queued again. */
  done(key: K): void {
    this.processing.delete(key);
    if (this.dirty.has(key) && !this.shuttingDown) this.push(key);
  }

  /** Keys queued and ready (not counting delayed ones). */
  len(): number { return this.queue.length; }

  /** Keys waiting for a delay to pass. */
  delayedLen(): number { return this.waiting.size; }

  /** True after `shutDown`. */
  isShuttingDown(): boolean { return this.shuttingDown; }

  /** Stops accepting keys, drops delayed ones and wakes idle workers with `undefined`. */
  shutDown(): void {
    this.shuttingDown = true;
    this.waiting.clear();
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    for (const g of this.getters.splice(0)) g(undefined);
  }

  private push(key: K): void {
    const getter = this.getters.shift();
    if (getter !== undefined) getter(this.startProcessing(key));
    else this.queue.push(key);
  }

  private startProcessing(key: K): K {
    this.processing.add(key);
    this.dirty.delete(key);
    return key;
  }

  private armTimer(): void {
    const next = Math.min(...this.waiting.values());
    if (next >= this.timerAtMs) return;
    this.cancelTimer?.();
    this.timerAtMs = next;
    this.cancelTimer = this.timers.setTimer(next - this.clock.now(), () => this.fireDue());
  }

  private fireDue(): void {
    this.cancelTimer = undefined;
    this.timerAtMs = Infinity;
    const now = this.clock.now();
    for (const [key, atMs] of [...this.waiting]) {
      if (atMs > now) continue;
      this.waiting.delete(key);
      this.add(key);
    }
    if (this.waiting.size > 0) this.armTimer();
  }
}
