// Scaling the new RS (rollout/replicaset.go reconcileNewReplicaSet), shared by canary and blue-green: to its
// desired size, except that an abort may hold the canary/preview up for abortScaleDownDelaySeconds.
import { SCALE_DOWN_DEADLINE_ANNOTATION } from '../../api/rollouts-constants.js';
import { rfc3339 } from '../../lib/clock.js';
import type { RolloutAction } from './actions.js';
import type { PlanInput } from './plan-input.js';
import type { PauseIntent } from './pause-intent.js';
import { availableReplicas, hasScaleDownDeadline, scaleDownDeadlineMs, specReplicas } from './replica-set-counts.js';
import { abortScaleDownDelayOf, replicasOf } from './rollout-defaults.js';
import { type ScaleResult, NOT_SCALED, planScale } from './rs-scaling.js';

/**
 * The new RS: its desired size, except that while an abort delays the canary's scale-down it stays up — until the
 * stable is fully available, then for abortScaleDownDelaySeconds (annotated as its scale-down deadline).
 */
export function planNewReplicaSetScale(inp: PlanInput, pause: PauseIntent, desired: number, delayOnAbort: boolean): ScaleResult & { wakeAtMs: number[] } {
  const { newRS, ro, nowMs } = inp;
  if (newRS === undefined) return { ...NOT_SCALED, wakeAtMs: [] };
  let count = desired;
  if (delayOnAbort) {
    const keep = planScale(inp, pause, newRS, specReplicas(newRS));
    if (hasScaleDownDeadline(newRS)) {
      const deadline = scaleDownDeadlineMs(newRS);
      if (deadline > nowMs) return { ...keep, scaled: false, wakeAtMs: [deadline] };
      count = 0;
    } else {
      const seconds = abortScaleDownDelayOf(ro).seconds ?? 0;
      const stableReady = availableReplicas(inp.stableRS) >= replicasOf(ro);
      const deadline = nowMs + seconds * 1000;
      const annotate: RolloutAction = { op: 'setReplicaSetAnnotations', name: newRS.metadata.name ?? '', set: { [SCALE_DOWN_DEADLINE_ANNOTATION]: rfc3339(deadline) }, remove: [] };
      return { ...keep, actions: [...keep.actions, ...(stableReady ? [annotate] : [])], scaled: false, wakeAtMs: stableReady ? [deadline] : [] };
    }
  }
  return { ...planScale(inp, pause, newRS, count), wakeAtMs: [] };
}
