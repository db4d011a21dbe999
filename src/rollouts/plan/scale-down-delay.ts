// Keeping a previous stable up for scaleDownDelaySeconds after promotion (the `scale-down-deadline` annotation) and
// scaleDownDelayRevisionLimit (rollout/replicaset.go scaleDownDelayHelper).
import { SCALE_DOWN_DEADLINE_ANNOTATION } from '../../api/rollouts-constants.js';
import { rfc3339 } from '../../lib/clock.js';
import type { RolloutAction } from './actions.js';
import type { PlanInput } from './plan-input.js';
import { type RS, hasScaleDownDeadline, podHashOf, scaleDownDeadlineMs, specReplicas } from './replica-set-counts.js';
import { scaleDownDelayRevisionLimitOf, scaleDownDelaySecondsOf } from './rollout-defaults.js';
import { selectorHashOf } from './service-selectors.js';

/** The decision for one old RS: the size to keep, annotations to add, when to look again. */
export interface DelayDecision {
  annotated: number;
  desired: number;
  actions: RolloutAction[];
  wakeAtMs: number[];
}

/**
 * For an old RS that served traffic: annotate `scale-down-deadline = now + scaleDownDelaySeconds` and keep it up,
 * keep it up until an existing deadline passes, or scale it to 0 past the deadline or beyond
 * scaleDownDelayRevisionLimit annotated RSs (counted newest first via `annotated`). `keepReplicas` is what to hold.
 * Example: delay 30 s, no deadline yet, now 12:00:00 → annotate 12:00:30, keep; at 12:00:30 → 0.
 */
export function scaleDownDelayDecision(inp: PlanInput, rs: RS, annotated: number, keepReplicas: number): DelayDecision {
  const limit = scaleDownDelayRevisionLimitOf(inp.ro);
  const none: DelayDecision = { annotated, desired: 0, actions: [], wakeAtMs: [] };
  if (!hasScaleDownDeadline(rs) && specReplicas(rs) > 0) {
    if (annotated >= limit) return none;
    const delayMs = scaleDownDelaySecondsOf(inp.ro) * 1000;
    // Departure from Argo: a delay of 0 scales down at once (Argo removes the annotation and keeps the RS up forever, #1992).
    if (delayMs <= 0) return { ...none, annotated: annotated + 1 };
    const deadline = inp.nowMs + delayMs;
    const action: RolloutAction = { op: 'setReplicaSetAnnotations', name: rs.metadata.name ?? '', set: { [SCALE_DOWN_DEADLINE_ANNOTATION]: rfc3339(deadline) }, remove: [] };
    return { annotated: annotated + 1, desired: specReplicas(rs), actions: [action], wakeAtMs: [deadline] };
  }
  if (!hasScaleDownDeadline(rs)) return none;
  const count = annotated + 1;
  const deadline = scaleDownDeadlineMs(rs);
  if (count > limit || Number.isNaN(deadline) || deadline <= inp.nowMs) return { ...none, annotated: count };
  return { annotated: count, desired: keepReplicas, actions: [], wakeAtMs: [deadline] };
}

/**
 * The RS is still referenced by status (stable, current, selectors, weights) or selected by one of the Rollout's
 * Services, so it must not be scaled down or deleted (isReplicaSetReferenced).
 */
export function isReferenced(inp: PlanInput, rs: RS): boolean {
  const hash = podHashOf(rs);
  if (hash === '') return false;
  const st = inp.ro.status ?? {};
  const refs = [st.stableRS, st.currentPodHash, st.blueGreen?.activeSelector, st.blueGreen?.previewSelector, st.canary?.weights?.canary.podTemplateHash, st.canary?.weights?.stable.podTemplateHash];
  if (refs.includes(hash)) return true;
  const { canary, blueGreen } = inp.ro.spec.strategy;
  const services = canary !== undefined ? [canary.canaryService, canary.stableService] : [blueGreen?.activeService, blueGreen?.previewService];
  return services.some((name) => name !== undefined && name !== '' && selectorHashOf(inp.snap.services[name]) === hash);
}
