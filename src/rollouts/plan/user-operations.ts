// The user operations of §2.7 as merge patches (pkg/kubectl-argo-rollouts/cmd/*): promote, promote --full, abort,
// retry, pause, restart. The CLI and the dashboard send these; the controller reacts to the resulting fields.
import { rfc3339 } from '../../lib/clock.js';
import type { RO } from './rollout-defaults.js';
import { stepsOf } from './rollout-defaults.js';

/** A JSON merge patch for the Rollout: `spec` goes to the object, `status` to the /status subresource. */
export interface RolloutPatch {
  spec?: { paused?: boolean; restartAt?: string };
  status?: { pauseConditions?: null; controllerPause?: boolean; currentStepIndex?: number; promoteFull?: boolean; abort?: boolean };
}

/**
 * `promote`: unpause; clear pause conditions; when paused on an inconclusive analysis also drop controllerPause and
 * skip the step; with no pause condition a canary skips its current step (e.g. a running analysis).
 * `promote --full`: unpause and set promoteFull (only mid-update).
 */
export function promotePatch(ro: RO, opts: { full?: boolean } = {}): RolloutPatch {
  const st = ro.status ?? {};
  const spec = ro.spec.paused === true ? { spec: { paused: false } } : {};
  if (opts.full === true) return { ...spec, ...(st.currentPodHash !== st.stableRS ? { status: { promoteFull: true } } : {}) };
  const conditions = st.pauseConditions ?? [];
  const steps = stepsOf(ro).length;
  const index = st.currentStepIndex ?? 0;
  const next = index < steps ? index + 1 : index;
  const inconclusive = st.canary?.currentStepAnalysisRunStatus?.status === 'Inconclusive';
  if (inconclusive && ro.spec.strategy.canary !== undefined && conditions.length > 0 && st.controllerPause === true && steps > 0) {
    return { ...spec, status: { pauseConditions: null, controllerPause: false, currentStepIndex: next } };
  }
  if (conditions.length > 0) return { ...spec, status: { pauseConditions: null } };
  if (ro.spec.strategy.canary !== undefined && steps > 0) return { ...spec, status: { pauseConditions: null, currentStepIndex: next } };
  return spec;
}

/** `abort`: the controller moves traffic back to stable and scales the canary/preview down. */
export function abortPatch(): RolloutPatch {
  return { status: { abort: true } };
}

/** `retry`: lift the abort; the update starts again from step 0 with fresh analysis. */
export function retryPatch(): RolloutPatch {
  return { status: { abort: false } };
}

/** `pause`: halt scaling, Service switches and step progress. */
export function pausePatch(): RolloutPatch {
  return { spec: { paused: true } };
}

/** `restart [--in d]`: pods older than now (+d) are evicted progressively. */
export function restartPatch(nowMs: number, inMs = 0): RolloutPatch {
  return { spec: { restartAt: rfc3339(nowMs + inMs) } };
}
