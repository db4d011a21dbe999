// Per-key and overall rate limiters for the work queue, as client-go's workqueue defines them. `when(key)`
// returns how long to wait before the key may be processed again and records one more failure.
import { backoffDelayMs } from '../lib/backoff.js';
import type { Clock } from '../lib/clock.js';

/** Decides the delay before a failed key is retried. */
export interface RateLimiter<K extends string = string> {
  /** Delay for this retry of `key`, in ms; counts the retry. */
  when(key: K): number;
  /** Clears the failure history of `key` (it succeeded or was dropped). */
  forget(key: K): void;
  /** How many times `key` has been retried since it was last forgotten. */
  numRequeues(key: K): number;
}

/**
 * Per-key exponential back-off: baseMs · 2^failures, capped at maxMs.
 * With 5 ms and 1000 s: 5, 10, 20, 40 … ms; the 18th retry reaches 655.36 s, the 19th is capped at 1000 s.
 */
export class ItemExponentialRateLimiter<K extends string = string> implements RateLimiter<K> {
  private readonly failures = new Map<K, number>();
  constructor(private readonly baseMs = 5, private readonly maxMs = 1_000_000) {}

  when(key: K): number {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    return backoffDelayMs(n, this.baseMs, this.maxMs);
  }

  forget(key: K): void { this.failures.delete(key); }
  numRequeues(key: K): number { return this.failures.get(key) ?? 0; }
}

/**
 * Overall token bucket: `qps` tokens a second, at most `burst` saved. Each `when` takes a token, borrowing
 * ahead when none is left. With qps 10 and burst 100: the first 100 calls wait 0 ms, the 101st 100 ms,
 * the 102nd 200 ms.
 */
export class TokenBucketRateLimiter<K extends string = string> implements RateLimiter<K> {
  private tokens: number;
  private lastMs: number;

  constructor(private readonly clock: Clock, private readonly qps = 10, private readonly burst = 100) {
    this.tokens = burst;
    this.lastMs = clock.now();
  }

  when(_key: K): number {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.lastMs) / 1000) * this.qps);
    this.lastMs = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.qps) * 1000);
  }

  forget(_key: K): void { /* the bucket is shared by all keys */ }
  numRequeues(_key: K): number { return 0; }
}

/** Combines limiters: the delay is the longest any of them asks for. */
export class MaxOfRateLimiter<K extends string = string> implements RateLimiter<K> {
  private readonly limiters: readonly RateLimiter<K>[];
  constructor(...limiters: RateLimiter<K>[]) { this.limiters = limiters; }

  when(key: K): number { return Math.max(0, ...this.limiters.map((l) => l.when(key))); }
  forget(key: K): void { for (const l of this.limiters) l.forget(key); }
  numRequeues(key: K): number { return Math.max(0, ...this.limiters.map((l) => l.numRequeues(key))); }
}

/** client-go's default controller limiter: per-key 5 ms → 1000 s, and 10 qps / burst 100 overall. */
export function defaultControllerRateLimiter<K extends string = string>(clock: Clock): RateLimiter<K> {
  return new MaxOfRateLimiter<K>(new ItemExponentialRateLimiter<K>(5, 1_000_000), new TokenBucketRateLimiter<K>(clock, 10, 100));
}
