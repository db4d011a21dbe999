// The conditions written with every status (rollout/sync.go calculateRolloutConditions; argo-rollouts.md §1.12).
import type { RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, isAborted } from './pause-intent.js';
import {
  MESSAGE, REASON, conditionOf, isCompleted, isHealthy, isProgressing, isTimedOut, newCondition, setCondition, withCondition, withoutCondition,
} from './conditions.js';
import { type RolloutEvent, normal, warning } from './actions.js';
import { revisionOf, sumAvailable } from './replica-set-counts.js';
import { replicasOf } from './rollout-defaults.js';
import { isIndefiniteStep, isWaitingForScaleDown } from './progress-deadline.js';
import { isSaturated } from './bluegreen-replicas.js';
import { rsByHash } from './service-selectors.js';

/** Sets Healthy, Progressing, Available, ReplicaFailure and Completed; returns the events the changes raise. */
export function computeConditions(inp: PlanInput, pause: PauseIntent, s0: RolloutStatus): { status: RolloutStatus; events: RolloutEvent[] } {
  const { ro, nowMs } = inp;
  const events: RolloutEvent[] = [];
  const paused = (s0.pauseConditions ?? []).length > 0 || ro.spec.paused === true;
  const aborted = isAborted(ro, pause);
  let s = s0;
  let becameUnhealthy = false;
  if (!paused && isHealthy(ro, s)) {
    s = withCondition(s, newCondition('Healthy', 'True', REASON.healthy, MESSAGE.healthy, nowMs));
  } else if (conditionOf(ro.status, 'Healthy') !== undefined) {
    const r = setCondition(s, newCondition('Healthy', 'False', REASON.healthy, MESSAGE.notHealthy, nowMs));
    s = r.status;
    becameUnhealthy = r.changed;
  }
  if (aborted) {
    const base = MESSAGE.aborted(revisionOf(ro));
    const message = pause.abortMessage !== undefined && pause.abortMessage !== '' ? `${base}: ${pause.abortMessage}` : base;
    const r = setCondition(s, newCondition('Progressing', 'False', REASON.aborted, message, nowMs));
    s = r.status;
    if (r.changed) events.push(warning(REASON.aborted, message));
  } else {
    s = progressingCondition(inp, s, becameUnhealthy);
  }
  s = availableCondition(inp, s);
  s = replicaFailureCondition(inp, s);
  const completed = setCondition(s, newCondition('Completed', isCompleted(s) ? 'True' : 'False', REASON.completed, REASON.completed, nowMs));
  if (completed.changed && !isCompleted(s)) {
    events.push(normal('RolloutNotCompleted', `Rollout not completed, started update to revision ${revisionOf(ro)} (${s.currentPodHash ?? ''})`));
  }
  return { status: completed.status, events };
}

function progressingCondition(inp: PlanInput, s: RolloutStatus, becameUnhealthy: boolean): RolloutStatus {
  const { ro, nowMs, newRS } = inp;
  const rsName = newRS?.metadata.name ?? '';
  if (isHealthy(ro, s)) {
    return withCondition(s, newCondition('Progressing', 'True', REASON.newReplicaSetAvailable, MESSAGE.rsCompleted(rsName), nowMs));
  }
  if (isProgressing(ro, s) || becameUnhealthy) {
    const notAvailable = s.stableRS === s.currentPodHash && becameUnhealthy;
    const reason = notAvailable ? REASON.replicaSetNotAvailable : REASON.replicaSetUpdated;
    const message = notAvailable ? MESSAGE.notAvailable : newRS !== undefined ? MESSAGE.rsProgressing(rsName) : MESSAGE.rolloutProgressing(ro.metadata.name ?? '');
    const cur = conditionOf(ro.status, 'Progressing');
    const cond = newCondition('Progressing', 'True', reason, message, nowMs);
    // Progress bumps lastUpdateTime even when the reason stays the same: remove, then set.
    const keepTransition = cur !== undefined && cur.status === 'True' ? { ...cond, lastTransitionTime: cur.lastTransitionTime } : cond;
    return withCondition(withoutCondition(s, 'Progressing'), keepTransition);
  }
  if (!isIndefiniteStep(ro) && !isWaitingForScaleDown(inp) && isTimedOut(ro, s, nowMs)) {
    const message = newRS !== undefined ? MESSAGE.rsTimedOut(rsName) : MESSAGE.rolloutTimedOut(ro.metadata.name ?? '');
    return withCondition(s, newCondition('Progressing', 'False', REASON.timedOut, message, nowMs));
  }
  return s;
}

function availableCondition(inp: PlanInput, s: RolloutStatus): RolloutStatus {
  const { ro, nowMs } = inp;
  const activeRS = rsByHash(inp.allRSs, s.blueGreen?.activeSelector ?? '');
  const available = ro.spec.strategy.blueGreen !== undefined
    ? activeRS !== undefined && isSaturated(ro, activeRS)
    : sumAvailable(inp.allRSs) >= replicasOf(ro);
  return withCondition(s, newCondition('Available', available ? 'True' : 'False', REASON.available, available ? MESSAGE.available : MESSAGE.notAvailable, nowMs));
}

// ReplicaSet failure conditions are copied onto the Rollout, the new RS's first.
function replicaFailureCondition(inp: PlanInput, s: RolloutStatus): RolloutStatus {
  const failureOf = (rs: PlanInput['newRS']) => rs?.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  const failure = failureOf(inp.newRS) ?? inp.allRSs.map(failureOf).find((c) => c !== undefined);
  if (failure === undefined) return withoutCondition(s, 'ReplicaFailure');
  const t = failure.lastTransitionTime ?? '';
  return withCondition(s, { type: 'ReplicaFailure', status: failure.status, reason: failure.reason ?? '', message: failure.message ?? '', lastUpdateTime: t, lastTransitionTime: t });
}

/**
 * The condition-only update Argo makes before anything else (checkPausedConditions): Progressing Unknown
 * RolloutPaused/RolloutResumed/RolloutRetry and the Paused condition. Returns undefined when nothing changes or the
 * generation is not yet observed (then the full reconcile writes status instead).
 */
export function pausedConditionsUpdate(inp: PlanInput): RolloutStatus | undefined {
  const { ro, nowMs } = inp;
  const st = ro.status ?? {};
  if (String(ro.metadata.generation ?? 0) !== st.observedGeneration) return undefined;
  const prog = conditionOf(st, 'Progressing');
  const paused = (st.pauseConditions ?? []).length > 0 || ro.spec.paused === true;
  const abortCond = prog?.reason === REASON.aborted;
  let s: RolloutStatus = st;
  if (paused !== (prog?.reason === REASON.paused) && !abortCond && !isCompleted(st)) {
    const cond = paused ? newCondition('Progressing', 'Unknown', REASON.paused, MESSAGE.paused, nowMs) : newCondition('Progressing', 'Unknown', REASON.resumed, MESSAGE.resumed, nowMs);
    s = withCondition(s, cond);
  }
  if (st.abort !== true && abortCond) s = withCondition(s, newCondition('Progressing', 'Unknown', REASON.retry, MESSAGE.retry, nowMs));
  const pausedTrue = conditionOf(st, 'Paused')?.status === 'True';
  if (paused !== pausedTrue && !abortCond) s = withCondition(s, newCondition('Paused', paused ? 'True' : 'False', REASON.paused, MESSAGE.paused, nowMs));
  return s === st ? undefined : s;
}
