// Scaling events (HPA or a user changed spec.replicas): rescale only, no step progress (rollout/sync.go
// isScalingEvent / syncReplicasOnly; argo-rollouts.md §2.12).
import type { RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import { formatSelector } from '../../api/label-selector.js';
import type { Effects } from './actions.js';
import type { PlanInput } from './plan-input.js';
import type { PauseIntent } from './pause-intent.js';
import { actualReplicas, availableReplicas, desiredReplicasAnnotation, specReplicas, sumActual, sumAvailable } from './replica-set-counts.js';
import { replicasOf } from './rollout-defaults.js';
import { planCanaryScaling } from './canary-scaling.js';
import { planBlueGreenScaling } from './bluegreen-scaling.js';
import { rsByHash } from './service-selectors.js';

/** The new or stable RS (with pods) was last scaled for a different spec.replicas. */
export function isScalingEvent(inp: PlanInput): boolean {
  const r = replicasOf(inp.ro);
  return [inp.newRS, inp.stableRS].some((rs) => {
    const desired = desiredReplicasAnnotation(rs);
    return rs !== undefined && specReplicas(rs) > 0 && desired !== undefined && desired !== r;
  });
}

/** Rescales with the usual formulas and keeps the status as it was, apart from the counts. */
export function planReplicasOnly(inp: PlanInput, pause: PauseIntent): { effects: Effects; status: RolloutStatus; pause: PauseIntent } {
  const prev = inp.ro.status ?? {};
  if (inp.ro.spec.strategy.blueGreen !== undefined) {
    const effects = planBlueGreenScaling(inp, pause);
    const activeRS = rsByHash(inp.allRSs, prev.blueGreen?.activeSelector ?? '');
    const counts = activeRS !== undefined
      ? { HPAReplicas: actualReplicas(activeRS), availableReplicas: availableReplicas(activeRS), selector: formatSelector(activeRS.spec.selector) }
      : { HPAReplicas: sumActual(inp.allRSs), availableReplicas: sumAvailable(inp.allRSs) };
    return { effects, status: { ...prev, ...counts }, pause };
  }
  const scaling = planCanaryScaling(inp, pause, prev.canary?.weights);
  return { effects: scaling.effects, status: { ...prev, availableReplicas: sumAvailable(inp.allRSs), HPAReplicas: sumActual(inp.allRSs) }, pause };
}
