// One ReplicaSet scale as Argo performs it (scaleReplicaSetAndRecordEvent): the new size, the desired-replicas
// annotation, the deadline removal on a full scale-down, and the ScalingReplicaSet event.
import { DESIRED_REPLICAS_ANNOTATION, SCALE_DOWN_DEADLINE_ANNOTATION } from '../../api/rollouts-constants.js';
import { type RolloutAction, type RolloutEvent, normal } from './actions.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, isAborted } from './pause-intent.js';
import { type RS, desiredReplicasAnnotation, hasScaleDownDeadline, revisionOf, specReplicas } from './replica-set-counts.js';
import { abortScaleDownDelayOf, hasExplicitAbortScaleDownDelay, replicasOf } from './rollout-defaults.js';

/** A planned scale: what to write and whether the size changes ("scaled", which ends the scaling phase). */
export interface ScaleResult {
  actions: RolloutAction[];
  events: RolloutEvent[];
  scaled: boolean;
}

/** Nothing to do. */
export const NOT_SCALED: ScaleResult = { actions: [], events: [], scaled: false };

/**
 * While aborted, the canary (traffic-routed) or preview (blue-green) stays up until its abort deadline
 * (shouldDelayScaleDownOnAbort): not for basic canary, not without a stable RS, not with abortScaleDownDelaySeconds 0
 * (kept forever), and with dynamicStableScale only when the delay is explicit.
 */
export function shouldDelayScaleDownOnAbort(inp: PlanInput, pause: PauseIntent): boolean {
  const { ro } = inp;
  if (!isAborted(ro, pause) || inp.stableRS === undefined) return false;
  const canary = ro.spec.strategy.canary;
  if (canary !== undefined && canary.trafficRouting === undefined) return false;
  if (abortScaleDownDelayOf(ro).seconds === undefined) return false;
  return !(canary?.dynamicStableScale === true && !hasExplicitAbortScaleDownDelay(ro));
}

/** The desired-replicas annotation is stale (or a deadline sits on an RS while R is 0). */
export function replicasAnnotationNeedsUpdate(rs: RS, rolloutReplicas: number): boolean {
  if (desiredReplicasAnnotation(rs) !== rolloutReplicas) return true;
  return rolloutReplicas === 0 && hasScaleDownDeadline(rs);
}

/**
 * Scales `rs` to `replicas` (also refreshing the desired-replicas annotation); nothing when both already hold.
 * "Scaled up ReplicaSet demo-abc (revision 2) from 0 to 1".
 */
export function planScale(inp: PlanInput, pause: PauseIntent, rs: RS, replicas: number): ScaleResult {
  const r = replicasOf(inp.ro);
  const from = specReplicas(rs);
  if (from === replicas && !replicasAnnotationNeedsUpdate(rs, r)) return NOT_SCALED;
  const removeDeadline = replicas === 0 && !shouldDelayScaleDownOnAbort(inp, pause) && hasScaleDownDeadline(rs);
  const action: RolloutAction = {
    op: 'scaleReplicaSet', name: rs.metadata.name ?? '', replicas,
    annotations: { set: { [DESIRED_REPLICAS_ANNOTATION]: String(r) }, remove: removeDeadline ? [SCALE_DOWN_DEADLINE_ANNOTATION] : [] },
  };
  if (from === replicas) return { actions: [action], events: [], scaled: false };
  const dir = from < replicas ? 'up' : 'down';
  const event = normal('ScalingReplicaSet', `Scaled ${dir} ReplicaSet ${rs.metadata.name ?? ''} (revision ${revisionOf(rs)}) from ${from} to ${replicas}`);
  return { actions: [action], events: [event], scaled: true };
}

/** Removes the scale-down deadline from an RS that carries one. */
export function removeDeadline(rs: RS | undefined): RolloutAction[] {
  if (rs === undefined || !hasScaleDownDeadline(rs)) return [];
  return [{ op: 'setReplicaSetAnnotations', name: rs.metadata.name ?? '', set: {}, remove: [SCALE_DOWN_DEADLINE_ANNOTATION] }];
}
