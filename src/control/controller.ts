// The worker loop shared by every controller: workers pull keys from the queue, call reconcile and act on
// its Outcome. Controllers are level-triggered, so a key is all a worker needs.
import { isApiError } from '../api/api-error.js';
import type { ObjectKey } from '../api/object-key.js';
import { assertNever } from '../lib/assert-never.js';
import { systemClock, type Clock } from '../lib/clock.js';
import type { Logger } from '../lib/log.js';
import { retry, type Outcome } from './outcome.js';
import type { WorkQueue } from './work-queue.js';

/** Counters of one controller, read by a /metrics endpoint. Plain numbers, only ever increased. */
export interface ControllerMetrics {
  /** Reconcile calls that finished (any outcome). */
  reconciles: number;
  /** Reconciles that ended in `retry` (thrown errors included) or `terminal`. */
  errors: number;
  retries: number;
  terminals: number;
  requeuesAfter: number;
  /** Sum of reconcile durations in ms; divide by `reconciles` for the mean. */
  durationMsSum: number;
}

export interface ControllerOptions<K extends string = ObjectKey> {
  name: string;
  queue: WorkQueue<K>;
  workers: number;
  reconcile: (key: K, signal: AbortSignal) => Promise<Outcome>;
  log: Logger;
  /** Stops the workers; the queue is shut down when it fires. */
  signal: AbortSignal;
  /** Measures reconcile durations (default: the system clock). */
  clock?: Clock;
}

/** A running controller: its counters and a promise that settles when every worker has stopped. */
export interface RunningController {
  readonly name: string;
  readonly metrics: ControllerMetrics;
  readonly stopped: Promise<void>;
}

/** Fresh zeroed counters. */
export function newControllerMetrics(): ControllerMetrics {
  return { reconciles: 0, errors: 0, retries: 0, terminals: 0, requeuesAfter: 0, durationMsSum: 0 };
}

/** Starts `workers` workers on the queue; they stop when `signal` aborts. */
export function runController<K extends string = ObjectKey>(opts: ControllerOptions<K>): RunningController {
  if (!Number.isInteger(opts.workers) || opts.workers < 1) {
    throw new RangeError(`Cannot run controller "${opts.name}": workers must be an integer >= 1: current value is ${opts.workers}`);
  }
  const metrics = newControllerMetrics();
  const onAbort = (): void => opts.queue.shutDown();
  if (opts.signal.aborted) onAbort();
  else opts.signal.addEventListener('abort', onAbort, { once: true });
  const workers = Array.from({ length: opts.workers }, () => runWorker(opts, metrics));
  const stopped = Promise.all(workers).then(() => opts.signal.removeEventListener('abort', onAbort));
  return { name: opts.name, metrics, stopped };
}

async function runWorker<K extends string>(opts: ControllerOptions<K>, metrics: ControllerMetrics): Promise<void> {
  const clock = opts.clock ?? systemClock;
  for (let key = await opts.queue.get(); key !== undefined; key = await opts.queue.get()) {
    if (opts.signal.aborted) { opts.queue.done(key); return; }
    const startMs = clock.now();
    let result: Outcome;
    try {
      result = await opts.reconcile(key, opts.signal);
    } catch (e) {
      result = retry(e);
    }
    metrics.reconciles++;
    metrics.durationMsSum += clock.now() - startMs;
    if (!opts.signal.aborted) applyOutcome(opts, metrics, key, result);
    opts.queue.done(key);
  }
}

function applyOutcome<K extends string>(opts: ControllerOptions<K>, metrics: ControllerMetrics, key: K, result: Outcome): void {
  const { queue, log } = opts;
  switch (result.outcome) {
    case 'done':
      queue.forget(key);
      return;
    case 'requeueAfter':
      metrics.requeuesAfter++;
      queue.forget(key);
      queue.addAfter(key, result.ms);
      return;
    case 'retry': {
      metrics.errors++;
      metrics.retries++;
      const fields = { controller: opts.name, key, requeues: queue.numRequeues(key), error: result.error };
      // Conflicts are routine with optimistic concurrency: the retry re-reads the cache.
      if (isApiError(result.error, 'Conflict')) log.debug('reconcile conflict, retrying', fields);
      else log.warn('reconcile failed, retrying', fields);
      queue.addRateLimited(key);
      return;
    }
    case 'terminal':
      metrics.errors++;
      metrics.terminals++;
      log.error('reconcile failed permanently', { controller: opts.name, key, error: result.error });
      queue.forget(key);
      return;
    default:
      assertNever(result, 'outcome');
  }
}
