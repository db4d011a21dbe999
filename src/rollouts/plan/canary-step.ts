// The current canary step and the weight it asks for (utils/replicaset/canary.go GetCurrentCanaryStep & friends).
import type { CanaryStep } from '../../api/rollouts-v1alpha1.js';
import { type RO, abortScaleDownDelayOf, maxTrafficWeightOf, replicasOf, stepsOf } from './rollout-defaults.js';
import { type RS, availableReplicas } from './replica-set-counts.js';
import { pauseDurationSeconds } from './pause-duration.js';

/** The step at `status.currentStepIndex` (undefined past the end) and the index (undefined without steps). */
export function currentCanaryStep(ro: RO): { step: CanaryStep | undefined; index: number | undefined } {
  const steps = stepsOf(ro);
  if (ro.spec.strategy.canary === undefined || steps.length === 0) return { step: undefined, index: undefined };
  const index = ro.status?.currentStepIndex ?? 0;
  return { step: steps[index], index };
}

/**
 * The weight of the last `setWeight` at or before the current step: 0 when aborted or none yet, MW past the last
 * step. Steps [20, pause, 50] at index 1 → 20; at index 3 → 100.
 */
export function currentSetWeight(ro: RO): number {
  if (ro.status?.abort === true) return 0;
  const { step, index } = currentCanaryStep(ro);
  if (step === undefined || index === undefined) return maxTrafficWeightOf(ro);
  const steps = stepsOf(ro);
  for (let i = index; i >= 0; i--) {
    const w = steps[i]?.setWeight;
    if (w !== undefined) return w;
  }
  return 0;
}

/** The `setWeight` of the last such step strictly before `index` (0 if none): the weight held while a step scales up. */
export function previousSetWeight(ro: RO, index: number): number {
  const steps = stepsOf(ro);
  for (let i = index - 1; i >= 0; i--) {
    const w = steps[i]?.setWeight;
    if (w !== undefined) return w;
  }
  return 0;
}

/**
 * The sticky `setCanaryScale` in force (only with trafficRouting): the last one at or before the current step,
 * unless it is `matchTrafficWeight`. Ignored on abort unless abortScaleDownDelaySeconds is 0 (keep canary up).
 */
export function setCanaryScaleInForce(ro: RO): CanaryStep['setCanaryScale'] {
  if (ro.spec.strategy.canary?.trafficRouting === undefined) return undefined;
  if (ro.status?.abort === true && abortScaleDownDelayOf(ro).seconds !== undefined) return undefined;
  const { step, index } = currentCanaryStep(ro);
  if (step === undefined || index === undefined) return undefined;
  const steps = stepsOf(ro);
  for (let i = index; i >= 0; i--) {
    const scs = steps[i]?.setCanaryScale;
    if (scs === undefined) continue;
    return scs.matchTrafficWeight === true ? undefined : scs;
  }
  return undefined;
}

/**
 * What the canary should be sized to: explicit `replicas` from setCanaryScale, or a weight. Fully promoted, first
 * deploy or promoteFull → MW.
 */
export function canaryReplicasOrWeight(ro: RO, newRS: RS | undefined, stableRS: RS | undefined): { replicas?: number; weight: number } {
  const st = ro.status ?? {};
  if (st.promoteFull === true || (st.stableRS ?? '') === '' || st.currentPodHash === st.stableRS) {
    return { weight: maxTrafficWeightOf(ro) };
  }
  const scs = setCanaryScaleInForce(ro);
  if (scs?.replicas !== undefined) return { replicas: scs.replicas, weight: 0 };
  if (scs?.weight !== undefined) return { weight: scs.weight };
  return { weight: desiredCanaryWeight(ro, newRS, stableRS) };
}

/**
 * The desired weight; when aborting with dynamicStableScale it steps down through the setWeight values in reverse
 * as stable pods become available. R=10, steps [20, 60], stable 4 available, canary 6 → 20 (the next step down).
 */
export function desiredCanaryWeight(ro: RO, newRS: RS | undefined, stableRS: RS | undefined): number {
  const canary = ro.spec.strategy.canary;
  if (ro.status?.abort === true && canary?.dynamicStableScale === true && newRS !== undefined && stableRS !== undefined) {
    const mw = maxTrafficWeightOf(ro);
    const r = replicasOf(ro);
    const expectedCanary = r - availableReplicas(stableRS);
    const explicitDelay = abortScaleDownDelayOf(ro);
    const canaryReplicas = explicitDelay.explicit && explicitDelay.seconds !== undefined
      ? expectedCanary
      : Math.max(expectedCanary, availableReplicas(newRS));
    const steps = stepsOf(ro);
    for (let i = steps.length - 1; i >= 0; i--) {
      const w = steps[i]?.setWeight;
      if (w !== undefined && trafficWeightToReplicas(r, w, mw) < canaryReplicas) return w;
    }
    return 0;
  }
  return currentSetWeight(ro);
}

/** Replicas needed to carry `weight` of `mw`, rounded up: R=10, 25 → 3; 33 → 4; 0 → 0. */
export function trafficWeightToReplicas(replicas: number, weight: number, mw: number): number {
  return Math.ceil((weight * replicas) / mw);
}

/** True when the background analysis should not start yet (current step < `analysis.startingStep`). */
export function beforeStartingStep(ro: RO): boolean {
  const starting = ro.spec.strategy.canary?.analysis?.startingStep;
  if (starting === undefined) return false;
  const { index } = currentCanaryStep(ro);
  return index !== undefined && index < starting;
}

/** Human text of a step as Argo's events print it: `setWeight: 20`, `pause: 30s`, `analysis`, … */
export function canaryStepString(step: CanaryStep): string {
  if (step.setWeight !== undefined) return `setWeight: ${step.setWeight}`;
  if (step.pause !== undefined) return step.pause.duration === undefined ? 'pause' : `pause: ${step.pause.duration}`;
  if (step.experiment !== undefined) return 'experiment';
  if (step.analysis !== undefined) return 'analysis';
  const scs = step.setCanaryScale;
  if (scs !== undefined) {
    if (scs.weight !== undefined) return `setCanaryScale{weight: ${scs.weight}}`;
    if (scs.matchTrafficWeight === true) return 'setCanaryScale{matchTrafficWeight: true}';
    if (scs.replicas !== undefined) return `setCanaryScale{replicas: ${scs.replicas}}`;
  }
  if (step.plugin !== undefined) return `plugin: ${step.plugin.name}`;
  if (step.setHeaderRoute !== undefined) return `setHeaderRoute: ${step.setHeaderRoute.name ?? ''}`;
  if (step.setMirrorRoute !== undefined) return `setMirrorRoute: ${step.setMirrorRoute.name}`;
  return 'invalid';
}

/** Seconds of the pause at a step (0 for an indefinite pause or a non-pause step). */
export function stepPauseSeconds(step: CanaryStep | undefined): number {
  return step?.pause === undefined ? 0 : pauseDurationSeconds(step.pause);
}
