// The resolved inputs of one reconcile: the snapshot plus the RS roles and the current AnalysisRuns, as plain data.
import type { AnalysisRun } from '../../api/rollouts-v1alpha1.js';
import type { RolloutSnapshot } from './snapshot.js';
import type { RO } from './rollout-defaults.js';
import { type RS, scaleDownDeadlineMs } from './replica-set-counts.js';

/** The AnalysisRuns recorded in status as current, by role, and every other owned run. */
export interface CurrentRuns {
  readonly step?: Readonly<AnalysisRun>;
  readonly background?: Readonly<AnalysisRun>;
  readonly prePromotion?: Readonly<AnalysisRun>;
  readonly postPromotion?: Readonly<AnalysisRun>;
  readonly others: readonly Readonly<AnalysisRun>[];
}

/** Everything a planner reads. `newRS` is the RS being created in this reconcile when there was none. */
export interface PlanInput {
  readonly snap: Readonly<RolloutSnapshot>;
  readonly ro: RO;
  readonly nowMs: number;
  readonly newRS: RS | undefined;
  readonly stableRS: RS | undefined;
  readonly otherRSs: readonly RS[];
  readonly allRSs: readonly RS[];
  readonly runs: CurrentRuns;
  /** The new RS still had an unexpired scale-down deadline when this reconcile began (fast rollback). */
  readonly newRSWithinDelay: boolean;
}

/** Sorts owned runs into the current ones (named in status) and the others (FilterCurrentRolloutAnalysisRuns). */
export function classifyAnalysisRuns(ro: RO, runs: readonly Readonly<AnalysisRun>[]): CurrentRuns {
  const st = ro.status ?? {};
  const names = {
    step: st.canary?.currentStepAnalysisRunStatus?.name,
    background: st.canary?.currentBackgroundAnalysisRunStatus?.name,
    prePromotion: st.blueGreen?.prePromotionAnalysisRunStatus?.name,
    postPromotion: st.blueGreen?.postPromotionAnalysisRunStatus?.name,
  };
  const find = (name: string | undefined): Readonly<AnalysisRun> | undefined =>
    name === undefined ? undefined : runs.find((r) => r.metadata.name === name);
  const current = new Set(Object.values(names).filter((n): n is string => n !== undefined));
  const out: { -readonly [K in keyof CurrentRuns]: CurrentRuns[K] } = { others: runs.filter((r) => !current.has(r.metadata.name ?? '')) };
  for (const key of ['step', 'background', 'prePromotion', 'postPromotion'] as const) {
    const run = find(names[key]);
    if (run !== undefined) out[key] = run;
  }
  return out;
}

/** Builds a PlanInput from a snapshot (and the RS about to be created, if any). */
export function planInputOf(snap: Readonly<RolloutSnapshot>, nowMs: number, createdRS?: RS): PlanInput {
  const newRS = snap.newRS ?? createdRS;
  const otherRSs = snap.otherRSs;
  const allRSs = [...(newRS !== undefined ? [newRS] : []), ...(snap.stableRS !== undefined && snap.stableRS.metadata.name !== newRS?.metadata.name ? [snap.stableRS] : []), ...otherRSs];
  return {
    snap, ro: snap.rollout, nowMs, newRS, stableRS: snap.stableRS, otherRSs, allRSs,
    runs: classifyAnalysisRuns(snap.rollout, snap.analysisRuns),
    newRSWithinDelay: newRS !== undefined && scaleDownDeadlineMs(newRS) > nowMs,
  };
}
