// Traffic routing for a canary (rollout/trafficrouting.go reconcileTrafficRouting): the router-neutral
// `setTrafficWeight` action, header/mirror routes, and status.canary.weights. Routers themselves live in apply.
import type { TrafficWeights } from '../../api/rollouts-v1alpha1.js';
import { type Effects, type RolloutAction, noEffects, normal } from './actions.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, isAborted } from './pause-intent.js';
import { podHashOf, revisionOf } from './replica-set-counts.js';
import { maxTrafficWeightOf } from './rollout-defaults.js';
import { currentCanaryStep } from './canary-step.js';
import { desiredTrafficWeight, stableCanCarry } from './traffic-weight.js';
import { ensureServiceTargets } from './service-selectors.js';
import { deepEqual } from '../../lib/deep-equal.js';

/** The traffic phase's effects and the status.canary.weights to write (undefined without trafficRouting). */
export interface TrafficPlan { effects: Effects; weights: TrafficWeights | undefined }

/** Plans this reconcile's traffic routing for a canary. */
export function planTrafficRouting(inp: PlanInput, pause: PauseIntent): TrafficPlan {
  const { ro } = inp;
  const canary = ro.spec.strategy.canary;
  const previous = ro.status?.canary?.weights;
  const effects = noEffects();
  if (canary?.trafficRouting === undefined) return { effects, weights: undefined };
  const desired = desiredTrafficWeight(inp, pause);
  effects.actions.push(...routeCleanup(inp, pause, desired.reason));
  const mw = maxTrafficWeightOf(ro);
  if (!stableCanCarry(inp, inp.stableRS, mw - desired.weight)) return { effects, weights: previous };
  effects.actions.push(...stepRoutes(inp));
  const stableHash = podHashOf(inp.stableRS);
  const weights: TrafficWeights = {
    canary: { weight: desired.weight, ...serviceAndHash(canary.canaryService, desired.canaryHash) },
    stable: { weight: mw - desired.weight, ...serviceAndHash(canary.stableService, stableHash) },
  };
  const modified = previous === undefined || !deepEqual({ ...previous, verified: undefined }, weights);
  const drifted = inp.snap.traffic !== undefined && (inp.snap.traffic.weight !== desired.weight
    || (inp.snap.traffic.canaryHash ?? desired.canaryHash) !== desired.canaryHash || (inp.snap.traffic.stableHash ?? stableHash) !== stableHash);
  if (modified || drifted) effects.actions.push({ op: 'setTrafficWeight', weight: desired.weight, canaryHash: desired.canaryHash, stableHash, additional: [] });
  if (modified) {
    const detail = previous === undefined ? `to ${desired.weight}` : previous.canary.weight !== desired.weight ? `from ${previous.canary.weight} to ${desired.weight}` : '';
    effects.events.push(normal('TrafficWeightUpdated', `Traffic weight updated ${detail}`));
  }
  return { effects, weights };
}

function serviceAndHash(serviceName: string | undefined, podTemplateHash: string): { serviceName?: string; podTemplateHash?: string } {
  return { ...(serviceName !== undefined && serviceName !== '' ? { serviceName } : {}), ...(podTemplateHash !== '' ? { podTemplateHash } : {}) };
}

// Managed routes come down when promoted, aborted, promoting fully or without canary pods; an abort also points
// the canary Service back at the stable (dynamicStableScale: only once the weight is 0).
function routeCleanup(inp: PlanInput, pause: PauseIntent, reason: string): RolloutAction[] {
  const out: RolloutAction[] = [];
  if (reason === 'aborted' && isAborted(inp.ro, pause)) {
    const canary = inp.ro.spec.strategy.canary;
    const dynamic = canary?.dynamicStableScale === true;
    if (!dynamic || desiredTrafficWeight(inp, pause).weight === 0) out.push(...ensureServiceTargets(inp, canary?.canaryService, inp.stableRS, false));
  }
  const managed = (inp.ro.spec.strategy.canary?.trafficRouting?.managedRoutes ?? []).length > 0;
  if (managed && ['promoted', 'aborted', 'noCanaryPods', 'promoteFull'].includes(reason)) out.push({ op: 'removeManagedRoutes' });
  return out;
}

// Header and mirror routes of the current step (not on revision 1, the first deploy).
function stepRoutes(inp: PlanInput): RolloutAction[] {
  const { step } = currentCanaryStep(inp.ro);
  if (step === undefined || revisionOf(inp.ro) <= 1) return [];
  const out: RolloutAction[] = [];
  if (step.setHeaderRoute !== undefined) out.push({ op: 'setHeaderRoute', route: step.setHeaderRoute });
  if (step.setMirrorRoute !== undefined) out.push({ op: 'setMirrorRoute', route: step.setMirrorRoute });
  return out;
}
