// Provider calls in flight, off the controller's workers: at most one call per (run, metric); when a call settles
// its outcome is kept until a reconcile has written it into the run's status, and the run is enqueued. Only
// what is under way lives here — everything needed to pick measurements up again after a restart is in status.
import type { ObjectKey } from '../../api/object-key.js';
import type { ProviderOutcome } from './plan-types.js';

interface Slot {
  readonly abort: AbortController;
  readonly done: Promise<void>;
  pending: boolean;
  outcome?: ProviderOutcome;
}

interface RunCalls {
  readonly uid: string;
  readonly slots: Map<string, Slot>;
}

/** What is known about a run's calls at the start of a reconcile. */
export interface RunCallState {
  readonly results: ReadonlyMap<string, ProviderOutcome>;
  readonly inFlight: ReadonlySet<string>;
}

/** In-flight provider calls of every run. */
export class MeasurementRunner {
  private readonly runs = new Map<ObjectKey, RunCalls>();

  constructor(private readonly onSettled: (key: ObjectKey) => void) {}

  /**
   * Starts `task` for a metric of a run unless a call for it is already pending. An outcome of the previous call that
   * is not yet acknowledged is kept beside the new call, so a failed status write loses nothing.
   */
  start(key: ObjectKey, uid: string, metricName: string, task: (signal: AbortSignal) => Promise<ProviderOutcome>): void {
    const calls = this.callsOf(key, uid);
    const previous = calls.slots.get(metricName);
    if (previous?.pending === true) return;
    const abort = new AbortController();
    let resolveDone: () => void = () => undefined;
    const slot: Slot = { abort, pending: true, done: new Promise<void>((r) => { resolveDone = r; }) };
    if (previous?.outcome !== undefined) slot.outcome = previous.outcome;
    calls.slots.set(metricName, slot);
    const settle = (outcome: ProviderOutcome | undefined): void => {
      slot.pending = false;
      // A forgotten run, or a call replaced meanwhile, keeps nothing.
      if (abort.signal.aborted || this.runs.get(key)?.slots.get(metricName) !== slot) return;
      if (outcome !== undefined) slot.outcome = outcome;
      else if (slot.outcome === undefined) calls.slots.delete(metricName);
      this.onSettled(key);
    };
    void task(abort.signal).then(settle, () => settle(undefined)).finally(resolveDone);
  }

  /** Outcomes waiting to be recorded and metrics with a call under way, for the run with this uid. */
  state(key: ObjectKey, uid: string): RunCallState {
    const calls = this.runs.get(key);
    if (calls === undefined || calls.uid !== uid) {
      if (calls !== undefined) this.forget(key);
      return { results: new Map(), inFlight: new Set() };
    }
    const results = new Map<string, ProviderOutcome>();
    const inFlight = new Set<string>();
    for (const [metric, slot] of calls.slots) {
      if (slot.pending) inFlight.add(metric);
      if (slot.outcome !== undefined) results.set(metric, slot.outcome);
    }
    return { results, inFlight };
  }

  /** Drops outcomes that are now recorded in status (exactly those handed out; newer ones stay). */
  acknowledge(key: ObjectKey, uid: string, recorded: ReadonlyMap<string, ProviderOutcome>): void {
    const calls = this.runs.get(key);
    if (calls === undefined || calls.uid !== uid) return;
    for (const [metric, outcome] of recorded) {
      const slot = calls.slots.get(metric);
      if (slot === undefined || slot.outcome !== outcome) continue;
      if (slot.pending) delete slot.outcome;
      else calls.slots.delete(metric);
    }
    if (calls.slots.size === 0) this.runs.delete(key);
  }

  /** Aborts a run's calls and drops its outcomes (the run finished, was deleted or replaced). */
  forget(key: ObjectKey): void {
    const calls = this.runs.get(key);
    if (calls === undefined) return;
    for (const slot of calls.slots.values()) slot.abort.abort();
    this.runs.delete(key);
  }

  /** Aborts everything and resolves once every call has settled. */
  async stop(): Promise<void> {
    const all = [...this.runs.values()].flatMap((c) => [...c.slots.values()]);
    this.runs.clear();
    for (const slot of all) slot.abort.abort();
    await Promise.all(all.map((s) => s.done));
  }

  private callsOf(key: ObjectKey, uid: string): RunCalls {
    const existing = this.runs.get(key);
    if (existing !== undefined && existing.uid === uid) return existing;
    if (existing !== undefined) this.forget(key);
    const created: RunCalls = { uid, slots: new Map() };
    this.runs.set(key, created);
    return created;
  }
}
