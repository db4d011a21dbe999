// planRollout: one reconcile of one Rollout, as a pure function of a snapshot and the time (rollout/controller.go
// syncHandler + rolloutContext.reconcile). Order: deleted? → invalid spec? → default replicas → paused conditions →
// new RS (create / revision sync) → scaling event? → strategy (canary or blue-green) → status.
import type { Rollout, RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import { ROLLOUT_DEFAULTS } from '../../api/rollouts-constants.js';
import { type Effects, type RolloutPlan, addEffects, noEffects } from './actions.js';
import type { RolloutSnapshot } from './snapshot.js';
import { type PlanInput, planInputOf } from './plan-input.js';
import { NO_PAUSE_CHANGE, isAborted, withoutAbort } from './pause-intent.js';
import { validateRollout, formatArgoFieldError } from './validate-rollout.js';
import { validateReferences } from './validate-references.js';
import { MESSAGE, REASON, conditionOf, newCondition, withCondition, withoutCondition } from './conditions.js';
import { computeRolloutPhase } from './rollout-phase.js';
import { pausedConditionsUpdate } from './rollout-conditions.js';
import { prepareNewReplicaSet } from './prepare-new-rs.js';
import { isScalingEvent, planReplicasOnly } from './replicas-only.js';
import { planCanary } from './plan-canary.js';
import { planBlueGreen } from './plan-bluegreen.js';
import { finalizeStatus } from './rollout-status.js';
import { pruneStatus } from './prune-status.js';
import { switchServiceEvents } from './service-selectors.js';

/**
 * Plans one reconcile: the actions for apply to run in order, the status to write, events, and when to wake up.
 * Pure: reads only its arguments and never mutates them.
 */
export function planRollout(snap0: Readonly<RolloutSnapshot>, nowMs: number): RolloutPlan {
  const ro0 = snap0.rollout;
  if (ro0.metadata.deletionTimestamp !== undefined) return { actions: [], status: ro0.status ?? {}, events: [] };
  const resolved = resolveWorkloadRef(snap0);
  if (typeof resolved === 'string') return planInvalid(ro0, resolved, nowMs);
  const snap = resolved;
  const ro = snap.rollout;
  const current = ro.status ?? {};
  const errors = [...validateRollout(ro0), ...validateReferences(snap)];
  const first = errors[0];
  if (first !== undefined) return planInvalid(ro, formatArgoFieldError(first), nowMs);
  if (ro.spec.replicas === undefined) return { actions: [{ op: 'patchRollout', replicas: ROLLOUT_DEFAULTS.replicas }], status: current, events: [] };
  const conds = pausedConditionsUpdate(planInputOf(snap, nowMs));
  if (conds !== undefined) return { actions: [], status: pruneStatus(withPhase(ro, conds)), events: [] };
  const prepared = prepareNewReplicaSet(snap, nowMs);
  if (prepared.outcome === 'collision') return { actions: [], status: pruneStatus(prepared.status), events: [] };
  const snap2: RolloutSnapshot = { ...snap, rollout: prepared.rollout, ...(prepared.newRS !== undefined ? { newRS: prepared.newRS } : {}) };
  const inp = planInputOf(snap2, nowMs, prepared.createdRS);
  return planStrategy(inp, prepared.effects);
}

function planStrategy(inp: PlanInput, prepEffects: Effects): RolloutPlan {
  const { ro } = inp;
  const st = ro.status ?? {};
  // A fully promoted rollout cannot stay aborted.
  const pause = st.stableRS === st.currentPodHash && (st.stableRS ?? '') !== '' && isAborted(ro, NO_PAUSE_CHANGE) ? withoutAbort(NO_PAUSE_CHANGE) : NO_PAUSE_CHANGE;
  const effects = noEffects();
  addEffects(effects, prepEffects);
  let strategy: { effects: Effects; status: RolloutStatus; pause: typeof pause; settled?: true };
  if (isScalingEvent(inp)) strategy = planReplicasOnly(inp, pause);
  else if (ro.spec.strategy.canary !== undefined) strategy = planCanary(inp, pause);
  else strategy = planBlueGreen(inp, pause);
  addEffects(effects, strategy.effects);
  if (strategy.settled === true) return toPlan(inp, effects, ro.status ?? {});
  const fin = finalizeStatus(inp, strategy.pause, strategy.status);
  addEffects(effects, fin.effects);
  return toPlan(inp, effects, pruneStatus(fin.status));
}

function toPlan(inp: PlanInput, effects: Effects, status: RolloutStatus): RolloutPlan {
  const events = [...effects.events, ...switchServiceEvents(inp, effects.actions)];
  const future = effects.wakeAtMs.filter((t) => Number.isFinite(t) && t > inp.nowMs);
  const wake = future.length > 0 ? Math.min(...future) - inp.nowMs : undefined;
  return { actions: effects.actions, status, events, ...(wake !== undefined ? { requeueAfterMs: wake } : {}) };
}

function withPhase(ro: Readonly<Rollout>, s: RolloutStatus): RolloutStatus {
  const { phase, message } = computeRolloutPhase(ro.spec, s);
  return { ...s, observedGeneration: String(ro.metadata.generation ?? 0), phase, message };
}

/**
 * An invalid spec: only the InvalidSpec condition (`The Rollout "<name>" is invalid: <first error>`), the observed
 * generation and the phase change; nothing else is reconciled; look again in 20 s.
 */
function planInvalid(ro: Readonly<Rollout>, error: string, nowMs: number): RolloutPlan {
  const message = MESSAGE.invalid(ro.metadata.name ?? '', error);
  const prev = conditionOf(ro.status, 'InvalidSpec');
  const base = prev !== undefined && prev.message !== message ? withoutCondition(ro.status ?? {}, 'InvalidSpec') : ro.status ?? {};
  const status = withCondition(base, newCondition('InvalidSpec', 'True', REASON.invalidSpec, message, nowMs));
  return { actions: [], status: pruneStatus(withPhase(ro, status)), events: [], requeueAfterMs: ROLLOUT_DEFAULTS.invalidSpecRequeueSeconds * 1000 };
}

/**
 * With `workloadRef`, plans run on a copy of the Rollout whose template (and selector, for a Deployment) comes from
 * the referenced workload; a missing workload is an InvalidSpec error.
 */
function resolveWorkloadRef(snap: Readonly<RolloutSnapshot>): Readonly<RolloutSnapshot> | string {
  const ref = snap.rollout.spec.workloadRef;
  if (ref === undefined) return snap;
  if (snap.workload === undefined) {
    const resource = `${(ref.kind ?? '').toLowerCase()}s${ref.kind === 'PodTemplate' ? '' : '.apps'}`;
    return `spec.workloadRef: Invalid value: ${JSON.stringify(ref)}: ${resource} "${ref.name ?? ''}" not found`;
  }
  const spec = { ...snap.rollout.spec, template: snap.workload.template, selector: snap.workload.selector ?? snap.rollout.spec.selector ?? {} };
  return { ...snap, rollout: { ...snap.rollout, spec } };
}
