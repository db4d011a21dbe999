// Scaling down the "other" RSs (neither new nor stable): rollout/canary.go scaleDownOldReplicaSetsForCanary and
// rollout/bluegreen.go scaleDownOldReplicaSetsForBlueGreen.
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, pauseConditionOf } from './pause-intent.js';
import { availableReplicas, byCreation, byRevision, hasScaleDownDeadline, specReplicas, sumAvailable } from './replica-set-counts.js';
import { isTrafficRouted, maxUnavailableOf, replicasOf } from './rollout-defaults.js';
import { type ScaleResult, planScale } from './rs-scaling.js';
import { isReferenced, scaleDownDelayDecision } from './scale-down-delay.js';
import { type Effects, noEffects, addEffects } from './actions.js';

/** Effects of scaling old RSs, and whether any size changed. */
export interface OldRSResult { effects: Effects; scaled: boolean }

function merge(into: OldRSResult, r: ScaleResult): void {
  addEffects(into.effects, r);
  into.scaled ||= r.scaled;
}

/**
 * Canary: first drop unavailable pods of old RSs (oldest first), then scale down newest revision first within
 * `Σavailable − (R − maxUnavailable)`. Basic canary scales every old RS toward 0; traffic-routed keeps RSs still
 * referenced and, once promoted, holds the previous stable until its scale-down deadline. Example: R=4,
 * maxUnavailable 1, all 4 new pods available, old RS at 4 → budget 4+4−3=5 → old RS to 0.
 */
export function planOldReplicaSetsCanary(inp: PlanInput, pause: PauseIntent): OldRSResult {
  const out: OldRSResult = { effects: noEffects(), scaled: false };
  const active = inp.otherRSs.filter((rs) => specReplicas(rs) > 0);
  if (active.length === 0) return out;
  const spec = new Map<string, number>();
  for (const rs of [...active].sort(byCreation)) {
    if (specReplicas(rs) === availableReplicas(rs) || availableReplicas(rs) > specReplicas(rs)) continue;
    merge(out, planScale(inp, pause, rs, availableReplicas(rs)));
    spec.set(rs.metadata.name ?? '', availableReplicas(rs));
  }
  let maxScaleDown = sumAvailable(inp.allRSs) - (replicasOf(inp.ro) - maxUnavailableOf(inp.ro));
  if (maxScaleDown <= 0) return out;
  const fullyPromoted = inp.ro.status?.stableRS === inp.ro.status?.currentPodHash;
  let annotated = 0;
  for (const rs of [...active].sort(byRevision).reverse()) {
    const current = spec.get(rs.metadata.name ?? '') ?? specReplicas(rs);
    if (isTrafficRouted(inp.ro) && isReferenced(inp, rs)) continue;
    if (maxScaleDown <= 0) break;
    if (current === 0) continue;
    let desired = 0;
    if (!isTrafficRouted(inp.ro)) {
      desired = current > maxScaleDown ? current - maxScaleDown : 0;
    } else if ((fullyPromoted || hasScaleDownDeadline(rs)) && inp.ro.spec.strategy.canary?.dynamicStableScale !== true) {
      const d = scaleDownDelayDecision(inp, rs, annotated, current);
      annotated = d.annotated;
      desired = d.desired;
      addEffects(out.effects, d);
    }
    if (current === desired) continue;
    merge(out, planScale(inp, pause, { ...rs, spec: { ...rs.spec, replicas: current } }, desired));
    maxScaleDown -= current - desired;
  }
  return out;
}

/**
 * Blue-green: old RSs that are not referenced get a scale-down deadline and are scaled to 0 once it passes (newest
 * first, scaleDownDelayRevisionLimit). Nothing is scaled down while paused on an inconclusive analysis, nor while
 * post-promotion analysis runs without an explicit scaleDownDelaySeconds.
 */
export function planOldReplicaSetsBlueGreen(inp: PlanInput, pause: PauseIntent, postPromotionSkipped: boolean): OldRSResult {
  const out: OldRSResult = { effects: noEffects(), scaled: false };
  const active = inp.otherRSs.filter((rs) => specReplicas(rs) > 0);
  if (active.length === 0 || pauseConditionOf(inp.ro, 'InconclusiveAnalysisRun') !== undefined) return out;
  const bg = inp.ro.spec.strategy.blueGreen;
  if (bg?.postPromotionAnalysis !== undefined && bg.scaleDownDelaySeconds === undefined && !postPromotionSkipped
    && inp.runs.postPromotion?.status?.phase !== 'Successful') return out;
  let annotated = 0;
  for (const rs of [...active].sort(byRevision).reverse()) {
    if (isReferenced(inp, rs)) continue;
    const d = scaleDownDelayDecision(inp, rs, annotated, replicasOf(inp.ro));
    annotated = d.annotated;
    addEffects(out.effects, d);
    if (specReplicas(rs) !== d.desired) merge(out, planScale(inp, pause, rs, d.desired));
  }
  return out;
}
