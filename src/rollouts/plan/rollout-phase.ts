// status.phase and status.message (utils/rollout/rolloututil.go CalculateRolloutPhase; argo-rollouts.md §1.11).
import type { RolloutSpec, RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import type { RolloutPhase } from '../../api/rollouts-constants.js';
import { isCompletedPhase } from '../../api/rollouts-constants.js';
import type { RO } from './rollout-defaults.js';
import { REASON } from './conditions.js';

/** A phase and the message explaining it. */
export interface PhaseAndMessage { phase: RolloutPhase; message: string }

/**
 * The controller-side phase; the first matching rule wins:
 * 1 InvalidSpec condition → Degraded; 2 a RolloutAborted / ProgressDeadlineExceeded condition → Degraded;
 * 3 spec.paused → Paused "manually paused"; 4 a pause condition → Paused "<reason>"; 5 restart pending →
 * Progressing; 6 updated < R; 7 available < updated; 8 blue-green cutover / post-promotion; 9 canary old replicas
 * (basic only) / steps pending; 10 Healthy.
 */
export function computeRolloutPhase(spec: Readonly<RolloutSpec>, status: Readonly<RolloutStatus>): PhaseAndMessage {
  for (const c of status.conditions ?? []) {
    if (c.type === 'InvalidSpec') return { phase: 'Degraded', message: `InvalidSpec: ${c.message}` };
    if (c.reason === REASON.aborted || c.reason === REASON.timedOut) return { phase: 'Degraded', message: `${c.reason}: ${c.message}` };
  }
  if (spec.paused === true) return { phase: 'Paused', message: 'manually paused' };
  const pause = status.pauseConditions?.[0];
  if (pause !== undefined) return { phase: 'Paused', message: pause.reason };
  const progressing = (message: string): PhaseAndMessage => ({ phase: 'Progressing', message });
  if (spec.restartAt !== undefined && !sameInstant(spec.restartAt, status.restartedAt)) return progressing('rollout is restarting');
  const updated = status.updatedReplicas ?? 0;
  if (updated < (spec.replicas ?? 1)) return progressing('more replicas need to be updated');
  if ((status.availableReplicas ?? 0) < updated) return progressing('updated replicas are still becoming available');
  const promoted = (status.stableRS ?? '') !== '' && status.stableRS === status.currentPodHash;
  const bg = spec.strategy.blueGreen;
  if (bg !== undefined) {
    const active = status.blueGreen?.activeSelector ?? '';
    if (active === '' || active !== status.currentPodHash) return progressing('active service cutover pending');
    if (!promoted) {
      const waitingForAnalysis = bg.postPromotionAnalysis !== undefined && !isCompletedPhase(status.blueGreen?.postPromotionAnalysisRunStatus?.status);
      return progressing(waitingForAnalysis ? 'waiting for analysis to complete' : 'waiting for post-promotion verification to complete');
    }
  } else if (spec.strategy.canary !== undefined) {
    if (spec.strategy.canary.trafficRouting === undefined && (status.replicas ?? 0) > updated) return progressing('old replicas are pending termination');
    if (!promoted) return progressing('waiting for all steps to complete');
  }
  return { phase: 'Healthy', message: '' };
}

function sameInstant(a: string, b: string | undefined): boolean {
  return b !== undefined && Date.parse(a) === Date.parse(b);
}

/**
 * The phase a client (CLI, dashboard) shows (GetRolloutPhase): Progressing while the spec change or an unpause is
 * not yet observed, else the controller's phase (computed here for rollouts it has not written yet).
 */
export function rolloutPhaseForClients(ro: RO): PhaseAndMessage {
  const st = ro.status ?? {};
  const observed = st.observedGeneration;
  if (observed !== undefined && /^\d+$/.test(observed) && Number(observed) < (ro.metadata.generation ?? 0)) {
    return { phase: 'Progressing', message: 'waiting for rollout spec update to be observed' };
  }
  if (st.controllerPause === true && (st.pauseConditions ?? []).length === 0) return { phase: 'Progressing', message: 'waiting for rollout to unpause' };
  if (st.phase !== undefined) return { phase: st.phase, message: st.message ?? '' };
  return computeRolloutPhase(ro.spec, st);
}
