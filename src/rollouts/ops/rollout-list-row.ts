// One line of `list rollouts` (cmd/list/rollloutinfo.go): strategy, phase, step, desired weight, replica counts.
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import { computeCanaryWeights, rolloutPhaseForClients } from '../plan/index.js';

/** The columns NAME STRATEGY STATUS STEP SET-WEIGHT READY DESIRED UP-TO-DATE AVAILABLE (plus NAMESPACE). */
export interface RolloutListRow {
  namespace: string;
  name: string;
  strategy: 'Canary' | 'BlueGreen' | 'unknown';
  status: string;
  /** `index/steps`, or `-`. */
  step: string;
  /** The desired canary weight, or `-` for blue-green. */
  setWeight: string;
  /** `ready/current`. */
  ready: string;
  desired: number;
  upToDate: number;
  available: number;
}

/** The list row of a Rollout; canary 2/4 at setWeight 50 with 3 of 4 ready → STEP `2/4`, SET-WEIGHT `50`, READY `3/4`. */
export function computeRolloutListRow(ro: Readonly<Rollout>): RolloutListRow {
  const st = ro.status ?? {};
  const canary = ro.spec.strategy.canary;
  const steps = canary?.steps ?? [];
  const index = st.currentStepIndex;
  return {
    namespace: ro.metadata.namespace ?? '', name: ro.metadata.name ?? '',
    strategy: canary !== undefined ? 'Canary' : ro.spec.strategy.blueGreen !== undefined ? 'BlueGreen' : 'unknown',
    status: rolloutPhaseForClients(ro).phase,
    step: canary !== undefined && index !== undefined && steps.length > 0 ? `${index}/${steps.length}` : '-',
    setWeight: canary !== undefined ? String(computeCanaryWeights(ro, [])?.setWeight ?? 0) : '-',
    ready: `${st.readyReplicas ?? 0}/${st.replicas ?? 0}`,
    desired: ro.spec.replicas ?? 1, upToDate: st.updatedReplicas ?? 0, available: st.availableReplicas ?? 0,
  };
}
