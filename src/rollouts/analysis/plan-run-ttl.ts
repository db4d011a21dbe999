// A finished run's time to live (analysis.go maybeGarbageCollectAnalysisRun, isAnalysisRunTtlExceeded): the run is
// deleted once the whole seconds since `completedAt` exceed the TTL for its outcome — `secondsAfterSuccess` for a
// Successful run, `secondsAfterFailure` for a Failed one, otherwise `secondsAfterCompletion`.
import type { AnalysisRun, AnalysisRunStatus } from '../../api/rollouts-analysis.js';
import { isCompletedPhase } from '../../api/rollouts-constants.js';
import { parseTime } from '../../lib/clock.js';
import type { AnalysisRunPlan } from './plan-types.js';

/** The TTL in seconds that applies to a completed run, if any. */
export function ttlSecondsOf(run: Readonly<AnalysisRun>): number | undefined {
  const ttl = run.spec.ttlStrategy;
  const phase = run.status?.phase;
  if (ttl === undefined || !isCompletedPhase(phase)) return undefined;
  if (phase === 'Successful' && ttl.secondsAfterSuccess !== undefined) return ttl.secondsAfterSuccess;
  if (phase === 'Failed' && ttl.secondsAfterFailure !== undefined) return ttl.secondsAfterFailure;
  return ttl.secondsAfterCompletion;
}

/**
 * The plan for a completed run: delete it when its TTL is exceeded, else look again when it will be. Example:
 * completed at 12:00:00 with secondsAfterCompletion 10 → kept at 12:00:10.9, requeued for 12:00:11, deleted then.
 */
export function planRunTtl(run: Readonly<AnalysisRun>, nowMs: number): AnalysisRunPlan {
  const status: AnalysisRunStatus = run.status ?? { phase: '' };
  const none: AnalysisRunPlan = { actions: [], status, events: [] };
  const seconds = ttlSecondsOf(run);
  const completedMs = parseTime(status.completedAt);
  if (run.metadata.deletionTimestamp !== undefined || seconds === undefined || Number.isNaN(completedMs)) return none;
  if (Math.trunc((nowMs - completedMs) / 1000) > seconds) return { ...none, actions: [{ op: 'deleteRun' }] };
  return { ...none, requeueAfterMs: Math.max(0, completedMs + (seconds + 1) * 1000 - nowMs) };
}
