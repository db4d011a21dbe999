// Rollout defaults and the maxSurge/maxUnavailable fenceposts (utils/defaults, utils/replicaset MaxSurge/MaxUnavailable).
import type { IntOrPercent } from '../../api/int-or-percent.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import { ROLLOUT_DEFAULTS as D } from '../../api/rollouts-constants.js';

/** A Rollout as the plan reads it. */
export type RO = Readonly<Rollout>;

/** `spec.replicas` or 1. */
export function replicasOf(ro: RO): number {
  return ro.spec.replicas ?? D.replicas;
}

/**
 * Resolves an int-or-string the way Go's GetValueFromIntOrPercent does with Argo's deprecated reading: any string
 * is a percent (`"5"` = 5%), rounded up or down. 25% of 10: up 3, down 2. Malformed strings resolve to 0
 * (validation reports them).
 */
export function intOrPercentValue(v: IntOrPercent, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const digits = v.endsWith('%') ? v.slice(0, -1) : v;
  if (!/^-?\d+$/.test(digits)) return 0;
  const raw = (Number(digits) * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}

/**
 * maxSurge and maxUnavailable resolved together (resolveFenceposts): surge rounds up, unavailable down, and if both
 * come out 0, maxUnavailable becomes 1. R=3, "25"/"25" → surge 1, unavailable 0 → 1; R=10, 25%/25% → 3/2.
 */
export function resolveFenceposts(maxSurge: IntOrPercent, maxUnavailable: IntOrPercent, desired: number): { surge: number; unavailable: number } {
  const surge = intOrPercentValue(maxSurge, desired, true);
  const unavailable = intOrPercentValue(maxUnavailable, desired, false);
  return surge === 0 && unavailable === 0 ? { surge, unavailable: 1 } : { surge, unavailable };
}

/** The configured maxSurge or the default `"25"` (25%). */
export function maxSurgeSpec(ro: RO): IntOrPercent {
  return ro.spec.strategy.canary?.maxSurge ?? D.maxSurge;
}

/** The configured maxUnavailable (blue-green first, then canary) or `"25"`. */
export function maxUnavailableSpec(ro: RO): IntOrPercent {
  return ro.spec.strategy.blueGreen?.maxUnavailable ?? ro.spec.strategy.canary?.maxUnavailable ?? D.maxUnavailable;
}

/** Surge pods allowed (canary only; 0 for blue-green). */
export function maxSurgeOf(ro: RO): number {
  if (ro.spec.strategy.canary === undefined) return 0;
  return resolveFenceposts(maxSurgeSpec(ro), maxUnavailableSpec(ro), replicasOf(ro)).surge;
}

/** Unavailable pods allowed, capped at R (blue-green: plain maxUnavailable without the both-zero rule). */
export function maxUnavailableOf(ro: RO): number {
  const r = replicasOf(ro);
  if (r === 0) return 0;
  const u = ro.spec.strategy.canary !== undefined
    ? resolveFenceposts(maxSurgeSpec(ro), maxUnavailableSpec(ro), r).unavailable
    : intOrPercentValue(maxUnavailableSpec(ro), r, false);
  return Math.min(u, r);
}

/** `trafficRouting.maxTrafficWeight` or 100. */
export function maxTrafficWeightOf(ro: RO): number {
  return ro.spec.strategy.canary?.trafficRouting?.maxTrafficWeight ?? D.maxTrafficWeight;
}

/** `spec.progressDeadlineSeconds` or 600. */
export function progressDeadlineSecondsOf(ro: RO): number {
  return ro.spec.progressDeadlineSeconds ?? D.progressDeadlineSeconds;
}

/** `spec.revisionHistoryLimit` or 10. */
export function revisionHistoryLimitOf(ro: RO): number {
  return ro.spec.revisionHistoryLimit ?? D.revisionHistoryLimit;
}

/** Successful / unsuccessful AnalysisRun history limits (5/5). */
export function runHistoryLimitsOf(ro: RO): { successful: number; unsuccessful: number } {
  return {
    successful: ro.spec.analysis?.successfulRunHistoryLimit ?? D.successfulRunHistoryLimit,
    unsuccessful: ro.spec.analysis?.unsuccessfulRunHistoryLimit ?? D.unsuccessfulRunHistoryLimit,
  };
}

/** Seconds an old RS stays up after promotion: blue-green 30 default; canary 30 only with trafficRouting, else 0. */
export function scaleDownDelaySecondsOf(ro: RO): number {
  const { blueGreen, canary } = ro.spec.strategy;
  if (blueGreen !== undefined) return blueGreen.scaleDownDelaySeconds ?? D.scaleDownDelaySeconds;
  if (canary?.trafficRouting !== undefined) return canary.scaleDownDelaySeconds ?? D.scaleDownDelaySeconds;
  return 0;
}

/**
 * Delay before the canary/preview is scaled down after an abort. `seconds: undefined` means never
 * (abortScaleDownDelaySeconds: 0); `explicit` tells whether the user set it. Basic canary: 0, not explicit.
 */
export function abortScaleDownDelayOf(ro: RO): { seconds: number | undefined; explicit: boolean } {
  const { blueGreen, canary } = ro.spec.strategy;
  const configured = blueGreen !== undefined ? blueGreen.abortScaleDownDelaySeconds
    : canary?.trafficRouting !== undefined ? canary.abortScaleDownDelaySeconds : undefined;
  if (blueGreen === undefined && canary?.trafficRouting === undefined) return { seconds: 0, explicit: false };
  if (configured === undefined) return { seconds: D.abortScaleDownDelaySeconds, explicit: false };
  return { seconds: configured === 0 ? undefined : configured, explicit: true };
}

/** True when the user set a non-zero abortScaleDownDelaySeconds (HasExplicitAbortScaleDownDelay). */
export function hasExplicitAbortScaleDownDelay(ro: RO): boolean {
  const d = abortScaleDownDelayOf(ro);
  return d.explicit && d.seconds !== undefined;
}

/** `blueGreen.autoPromotionEnabled` or true. */
export function autoPromotionEnabledOf(ro: RO): boolean {
  return ro.spec.strategy.blueGreen?.autoPromotionEnabled ?? D.autoPromotionEnabled;
}

/** How many old RSs may wait on a scale-down deadline (unlimited by default). */
export function scaleDownDelayRevisionLimitOf(ro: RO): number {
  const { blueGreen, canary } = ro.spec.strategy;
  return blueGreen?.scaleDownDelayRevisionLimit ?? canary?.scaleDownDelayRevisionLimit ?? Number.MAX_SAFE_INTEGER;
}

/** The canary steps (empty for blue-green or no steps). */
export function stepsOf(ro: RO): NonNullable<NonNullable<Rollout['spec']['strategy']['canary']>['steps']> {
  return ro.spec.strategy.canary?.steps ?? [];
}

/** True for a canary with `trafficRouting`. */
export function isTrafficRouted(ro: RO): boolean {
  return ro.spec.strategy.canary?.trafficRouting !== undefined;
}
