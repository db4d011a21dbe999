// Lease-based leader election, as client-go's leaderelection: candidates try to take the Lease every
// retryPeriod; the leader renews it every retryPeriod and steps down when it could not renew for
// renewDeadline; others take over once the lease has not changed for leaseDuration (at once if released).
import { systemClock, type Clock } from '../lib/clock.js';
import { logger, type Logger } from '../lib/log.js';
import type { KubeClient } from './client.js';
import { LeaseLock } from './lease-lock.js';
import { sleep, systemTimers, type Timers } from './timers.js';

export interface LeaderElectionOptions {
  client: KubeClient;
  /** Namespace and name of the Lease. */
  namespace: string;
  name: string;
  /** This candidate's unique identity (e.g. hostname + random suffix). */
  identity: string;
  /** Defaults 15 000 / 10 000 / 2 000 ms; must satisfy leaseDuration > renewDeadline > retryPeriod. */
  leaseDurationMs?: number;
  renewDeadlineMs?: number;
  retryPeriodMs?: number;
  /** Empty the lease's holder when `signal` stops a leader, so a successor need not wait for expiry. */
  releaseOnCancel?: boolean;
  clock?: Clock;
  timers?: Timers;
  log?: Logger;
  /** Called on becoming leader; `signal` aborts when leadership ends. May return a promise of its work. */
  onStartedLeading: (signal: AbortSignal) => void | Promise<void>;
  /** Called after a term as leader ends (lost, or stopped by `signal`). */
  onStoppedLeading?: () => void;
  /** Called whenever the observed holder changes (our own identity included). */
  onNewLeader?: (identity: string) => void;
}

interface Election {
  readonly opts: LeaderElectionOptions;
  readonly lock: LeaseLock;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
  readonly leaseMs: number;
  readonly deadlineMs: number;
  readonly retryMs: number;
  lastHolder: string;
}

/**
 * Campaigns until `signal` aborts. After losing leadership the candidate campaigns again (each term gets a
 * fresh signal), where client-go would exit the process.
 */
export async function runLeaderElection(opts: LeaderElectionOptions, signal: AbortSignal): Promise<void> {
  const e = newElection(opts);
  while (!signal.aborted) {
    if (!(await acquire(e, signal))) return;
    await lead(e, signal);
  }
}

function newElection(opts: LeaderElectionOptions): Election {
  const leaseMs = opts.leaseDurationMs ?? 15_000;
  const deadlineMs = opts.renewDeadlineMs ?? 10_000;
  const retryMs = opts.retryPeriodMs ?? 2_000;
  if (!(leaseMs > deadlineMs && deadlineMs > retryMs && retryMs > 0)) {
    throw new RangeError(`Cannot run leader election "${opts.name}": need leaseDurationMs > renewDeadlineMs > retryPeriodMs > 0: current values are ${leaseMs}, ${deadlineMs}, ${retryMs}`);
  }
  return {
    opts, lock: new LeaseLock(opts.client, opts.namespace, opts.name, opts.identity),
    clock: opts.clock ?? systemClock, timers: opts.timers ?? systemTimers,
    log: opts.log ?? logger(`leader-election/${opts.name}`), leaseMs, deadlineMs, retryMs, lastHolder: '',
  };
}

/** One attempt; failures (conflicts, transport errors) count as "not held". */
async function attempt(e: Election): Promise<boolean> {
  let held = false;
  try {
    held = await e.lock.tryAcquireOrRenew(e.clock.now(), e.leaseMs);
  } catch (err) {
    e.log.debug('lease attempt failed', { lease: `${e.opts.namespace}/${e.opts.name}`, error: err instanceof Error ? err : String(err) });
  }
  const holder = e.lock.currentHolder();
  if (holder !== e.lastHolder) {
    e.lastHolder = holder;
    if (holder !== '') e.opts.onNewLeader?.(holder);
  }
  return held;
}

/** Tries every retryPeriod until the lease is ours (true) or `signal` aborts (false). */
async function acquire(e: Election, signal: AbortSignal): Promise<boolean> {
  while (!signal.aborted) {
    if (await attempt(e)) {
      e.log.info('acquired lease', { lease: `${e.opts.namespace}/${e.opts.name}`, identity: e.opts.identity });
      return !signal.aborted;
    }
    await sleep(e.timers, e.retryMs, signal);
  }
  return false;
}

/** Runs one term: starts the work, renews until the deadline passes or `signal` aborts, then stops the work. */
async function lead(e: Election, signal: AbortSignal): Promise<void> {
  const term = new AbortController();
  const stop = (): void => term.abort();
  signal.addEventListener('abort', stop, { once: true });
  const work = Promise.resolve()
    .then(() => e.opts.onStartedLeading(term.signal))
    .catch((err: unknown) => e.log.error('leader work failed', { error: err instanceof Error ? err : String(err) }));
  let lastRenewMs = e.clock.now();
  while (!term.signal.aborted) {
    await sleep(e.timers, e.retryMs, term.signal);
    if (term.signal.aborted) break;
    if (await attempt(e)) { lastRenewMs = e.clock.now(); continue; }
    if (e.clock.now() - lastRenewMs >= e.deadlineMs) {
      e.log.warn('failed to renew lease, stepping down', { lease: `${e.opts.namespace}/${e.opts.name}`, identity: e.opts.identity });
      break;
    }
  }
  term.abort();
  signal.removeEventListener('abort', stop);
  await work;
  if (signal.aborted && e.opts.releaseOnCancel === true) await release(e);
  e.opts.onStoppedLeading?.();
}

async function release(e: Election): Promise<void> {
  try {
    await e.lock.release(e.clock.now());
  } catch (err) {
    e.log.warn('cannot release lease', { lease: `${e.opts.namespace}/${e.opts.name}`, error: err instanceof Error ? err : String(err) });
  }
}
