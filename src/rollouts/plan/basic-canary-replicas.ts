// Replica counts for a canary WITHOUT traffic routing: the weight is approximated by pod counts, and the change is
// rate-limited by maxSurge / maxUnavailable (argo-rollouts.md §2.4; utils/replicaset/canary.go).
import { type RS, availableReplicas, specReplicas, sumSpec } from './replica-set-counts.js';
import { type RO, maxSurgeOf, maxTrafficWeightOf, maxUnavailableOf, replicasOf } from './rollout-defaults.js';
import { canaryReplicasOrWeight } from './canary-step.js';

/** Desired (or next allowed) canary and stable sizes. */
export interface CanaryCounts { canary: number; stable: number }

/**
 * The canary/stable split closest to `weight` among totals R and (with surge) R+1; canary and stable stay ≥ 1 for
 * 1 ≤ w < MW when that is possible. R=10,w=20 → 2/8; R=3,w=50 → 2/2; R=1,w=20 → 1/1; R=4,w=25 → 1/3;
 * R=3,w=10,surge 1 → 1/3.
 */
export function approximateWeightedCanaryStableReplicaCounts(replicas: number, weight: number, mw: number, maxSurge: number): CanaryCounts {
  if (replicas === 0) return { canary: 0, stable: 0 };
  const exact = (replicas * weight) / mw;
  const ceil = Math.ceil(exact);
  const floor = Math.floor(exact);
  const zeroAllowed = weight === mw || weight === 0 || (replicas === 1 && maxSurge === 0);
  const options: { canary: number; total: number }[] = [];
  if (ceil < replicas || zeroAllowed) options.push({ canary: ceil, total: replicas });
  if (!isTied(weight, mw, replicas) && (floor !== 0 || zeroAllowed)) options.push({ canary: floor, total: replicas });
  if (maxSurge > 0) {
    options.push({ canary: ceil, total: replicas + 1 });
    if (!isTied(weight, mw, replicas + 1) && (floor !== 0 || zeroAllowed)) options.push({ canary: floor, total: replicas + 1 });
  }
  const first = options[0];
  if (first === undefined) return { canary: 0, stable: replicas };
  let best = first;
  for (const o of options.slice(1)) if (delta(weight, mw, o) < delta(weight, mw, best)) best = o;
  return { canary: best.canary, stable: best.total - best.canary };
}

// Go computes total·(w/mw) and checks for a fractional part of exactly 0.5.
function isTied(weight: number, mw: number, total: number): boolean {
  const v = total * (weight / mw);
  return v - Math.trunc(v) === 0.5;
}

function delta(weight: number, mw: number, o: { canary: number; total: number }): number {
  return Math.abs((o.canary * mw) / o.total - weight);
}

/** True when a stable RS exists and is not the new RS (CheckStableRSExists). */
export function stableDiffersFromNew(newRS: RS | undefined, stableRS: RS | undefined): stableRS is RS {
  if (stableRS === undefined) return false;
  return newRS === undefined || newRS.metadata.name !== stableRS.metadata.name;
}

/**
 * Replicas of `rs` to count when deciding how far to scale down (GetReplicasForScaleDown): spec when the RS is
 * already shrinking or when its availability may be ignored, else its available pods.
 */
export function replicasForScaleDown(rs: RS | undefined, ignoreAvailability: boolean): number {
  if (rs === undefined) return 0;
  if (specReplicas(rs) < availableReplicas(rs) || ignoreAvailability) return specReplicas(rs);
  return availableReplicas(rs);
}

/**
 * The next canary/stable sizes for a basic canary (CalculateReplicaCountsForBasicCanary). Worked example (the
 * chapter's): R=3, maxSurge 25% (→1), maxUnavailable 0, setWeight 10, stable 3/3, canary 0 → canary 1, stable 3.
 * Another: R=10, w=10, surge 1, unavailable 1, stable 10/10, canary 0 → canary 1, stable 9.
 */
export function computeBasicCanaryReplicaCounts(ro: RO, newRS: RS | undefined, stableRS: RS | undefined, otherRSs: readonly RS[]): CanaryCounts {
  const r = replicasOf(ro);
  const maxSurge = maxSurgeOf(ro);
  const desired = approximateWeightedCanaryStableReplicaCounts(r, canaryReplicasOrWeight(ro, newRS, stableRS).weight, maxTrafficWeightOf(ro), maxSurge);
  const scaleStable = stableDiffersFromNew(newRS, stableRS);
  const want = scaleStable ? desired : { canary: r, stable: 0 };
  let canary = specReplicas(newRS);
  let stable = scaleStable ? specReplicas(stableRS) : 0;
  const maxTotal = r + maxSurge;
  let scaleUp = maxTotal - sumSpec([...otherRSs, newRS, ...(scaleStable ? [stableRS] : [])]);
  if (scaleStable && specReplicas(stableRS) < want.stable && scaleUp > 0) {
    const room = Math.min(scaleUp, want.stable - specReplicas(stableRS));
    stable = specReplicas(stableRS) + room;
    scaleUp -= room;
  }
  if (newRS !== undefined && specReplicas(newRS) < want.canary && scaleUp > 0) {
    canary = specReplicas(newRS) + Math.min(scaleUp, want.canary - specReplicas(newRS));
  }
  // Other (older) RSs still up: they are scaled down first, before new or stable may shrink.
  if (sumSpec(otherRSs) > 0) return { canary, stable };
  return scaleDownWithinLimits(ro, newRS, stableRS, scaleStable, want, { canary, stable }, maxTotal);
}

// `stableRS` is passed even when it equals the new RS: Argo counts it then too, and so do we.
function scaleDownWithinLimits(
  ro: RO, newRS: RS | undefined, stableRS: RS | undefined, scaleStable: boolean, want: CanaryCounts, next: CanaryCounts, maxTotal: number,
): CanaryCounts {
  const minAvailable = replicasOf(ro) - maxUnavailableOf(ro);
  // Growing the canary: the stable may shrink (its availability counts); shrinking: the canary may shrink.
  const isIncreasing = newRS === undefined || want.canary >= specReplicas(newRS);
  const counted = replicasForScaleDown(newRS, !isIncreasing) + replicasForScaleDown(stableRS, isIncreasing);
  if (counted <= minAvailable) return next;
  const scaleDownCount = counted - minAvailable;
  if (!isIncreasing) {
    const canary = scaleDownTarget(newRS, want.canary, scaleDownCount, next.canary);
    const adjusted = adjustWithinLimits(newRS, stableRS, canary, next.stable, maxTotal, minAvailable);
    return { canary: adjusted.drain, stable: adjusted.adjust };
  }
  if (!scaleStable) return next;
  const stable = scaleDownTarget(stableRS, want.stable, scaleDownCount, next.stable);
  const adjusted = adjustWithinLimits(stableRS, newRS, stable, next.canary, maxTotal, minAvailable);
  return { canary: adjusted.adjust, stable: adjusted.drain };
}

/** How far the draining RS may shrink: to its desired size or by `scaleDownCount`, whichever is less. */
function scaleDownTarget(drain: RS | undefined, desired: number, scaleDownCount: number, current: number): number {
  if (drain !== undefined && specReplicas(drain) > desired) return Math.max(desired, specReplicas(drain) - scaleDownCount);
  return current;
}

/**
 * Keeps `drain + adjust ≤ maxTotal` (surge) without dropping availability below `minAvailable`
 * (adjustReplicaWithinLimits): first trims the adjusting RS, gives back what availability needs, then trims drain.
 */
function adjustWithinLimits(drain: RS | undefined, adjustRS: RS | undefined, drainCount: number, adjustCount: number, maxTotal: number, minAvailable: number): { drain: number; adjust: number } {
  if (adjustRS === undefined) return { drain: drainCount, adjust: adjustCount };
  const over = Math.max(0, adjustCount + drainCount - maxTotal);
  let adjust = adjustCount - over;
  const availableTotal = (drain === undefined ? 0 : Math.min(availableReplicas(drain), drainCount)) + Math.min(availableReplicas(adjustRS), adjust);
  const lostAvailability = Math.max(0, availableReplicas(adjustRS) - adjust);
  const shortfall = Math.max(0, minAvailable - availableTotal);
  adjust += Math.min(lostAvailability, shortfall);
  const overAfter = Math.max(0, adjust + drainCount - maxTotal);
  return { drain: drainCount - overAfter, adjust };
}
