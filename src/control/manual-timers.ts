// A clock plus timers that only move when told to: tests and scenario runs advance time explicitly and the
// due callbacks fire in deadline order, each with `now()` set to its own deadline.
import type { Clock } from '../lib/clock.js';
import type { Timers } from './timers.js';

interface PendingTimer {
  readonly id: number;
  readonly atMs: number;
  readonly fn: () => void;
}

/** Settles pending promise chains (in-memory I/O included) by yielding to the event loop a few times. */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Manual time for tests: implements both `Clock` and `Timers`. */
export class ManualTimers implements Clock, Timers {
  private ms: number;
  private nextId = 1;
  private pending: PendingTimer[] = [];

  constructor(startMs = Date.UTC(2025, 0, 1)) { this.ms = startMs; }

  /** Current manual time in ms since the epoch. */
  now(): number { return this.ms; }

  /** Schedules `fn` at now + delayMs; returns a cancel function. */
  setTimer(delayMs: number, fn: () => void): () => void {
    const timer = { id: this.nextId++, atMs: this.ms + Math.max(0, delayMs), fn };
    this.pending.push(timer);
    return () => { this.pending = this.pending.filter((t) => t.id !== timer.id); };
  }

  /** Number of timers not yet fired or cancelled. */
  pendingCount(): number { return this.pending.length; }

  /** Moves time forward by `ms`, firing every timer that falls due (including ones scheduled meanwhile). */
  advance(ms: number): void {
    const target = this.ms + ms;
    for (let t = this.takeDue(target); t !== undefined; t = this.takeDue(target)) {
      this.ms = Math.max(this.ms, t.atMs);
      t.fn();
    }
    this.ms = target;
  }

  /**
   * Like `advance`, but lets asynchronous work run between timers (after every firing it yields to the
   * event loop), so chains such as "timer → client call → next timer" progress as in real time.
   */
  async advanceAsync(ms: number): Promise<void> {
    const target = this.ms + ms;
    await settle();
    for (let t = this.takeDue(target); t !== undefined; t = this.takeDue(target)) {
      this.ms = Math.max(this.ms, t.atMs);
      t.fn();
      await settle();
    }
    this.ms = target;
    await settle();
  }

  private takeDue(limitMs: number): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const t of this.pending) {
      if (t.atMs <= limitMs && (best === undefined || t.atMs < best.atMs || (t.atMs === best.atMs && t.id < best.id))) best = t;
    }
    if (best !== undefined) {
      const id = best.id;
      this.pending = this.pending.filter((t) => t.id !== id);
    }
    return best;
  }
}
