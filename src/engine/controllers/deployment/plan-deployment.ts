// The Deployment controller's decision for one reconcile (Kubernetes' syncDeployment): claim ReplicaSets,
// then exactly one of: status only (being deleted), scale only (paused or spec.replicas changed), the
// deprecated rollback, or one step of the strategy; then status.
import type { DeploymentStatus } from '../../../api/apps-v1.js';
import { isEmptySelector } from '../../../api/label-selector.js';
import { deepEqual } from '../../../lib/deep-equal.js';
import { computeReplicaSetClaims } from './claim-replicasets.js';
import { computeDeploymentStatus, computeProgressRequeueMs, computeRolloutStatus } from './compute-status.js';
import { resolveDeploymentSpec } from './deployment-spec.js';
import type { DeploymentPlan, DeploymentSnapshot } from './deployment-types.js';
import { allReplicaSets, withActions, type DeploymentWork } from './deployment-work.js';
import { planCleanup } from './plan-cleanup.js';
import { planNewReplicaSet } from './plan-new-replicaset.js';
import { planPausedCondition } from './plan-paused-condition.js';
import { planRecreate } from './plan-recreate.js';
import { planRollback, rollbackTarget } from './plan-rollback.js';
import { planRolling, type StrategyStep } from './plan-rolling.js';
import { isScalingEvent, planProportionalScale } from './plan-scale.js';
import { findNewReplicaSet } from './replicaset-sets.js';

/** Plans one reconcile of `s.deployment` at `nowMs`. */
export function planDeployment(s: DeploymentSnapshot, nowMs: number): DeploymentPlan {
  const d = s.deployment;
  if (isEmptySelector(d.spec.selector)) return planSelectingAll(s);
  const claims = computeReplicaSetClaims(d, s.replicaSets);
  const newRS = findNewReplicaSet(d, claims.owned);
  const spec = resolveDeploymentSpec(d);
  const start: DeploymentWork = {
    snapshot: s, spec, nowMs, d, newRS,
    oldRSs: claims.owned.filter((rs) => rs.metadata.name !== newRS?.metadata.name),
    actions: claims.actions,
  };
  if (d.metadata.deletionTimestamp !== undefined) {
    const synced = planNewReplicaSet(start, false).work;
    return finish(synced, computeDeploymentStatus(synced, allReplicaSets(synced)));
  }
  const w = planPausedCondition(start);
  if (spec.paused) return finishScaling(w);
  const target = rollbackTarget(d);
  if (target !== undefined) {
    const rolledBack = planRollback(w, target);
    return finish(rolledBack, rolledBack.d.status ?? {});
  }
  const synced = planNewReplicaSet(w, false).work;
  if (isScalingEvent(synced)) return finishScaling(synced);
  return finishRollout(spec.strategy === 'Recreate' ? planRecreate(synced) : planRolling(synced));
}

/** Paused or a scaling event: resize proportionally, trim history when paused, status without progress. */
function finishScaling(w: DeploymentWork): DeploymentPlan {
  const synced = planNewReplicaSet(w, false).work;
  const statusRSs = allReplicaSets(synced);
  const scaled = planProportionalScale(synced);
  const work = w.spec.paused ? planCleanup(scaled) : scaled;
  return finish(work, computeDeploymentStatus(work, statusRSs));
}

function finishRollout(step: StrategyStep): DeploymentPlan {
  if (step.collided) return finish(step.work, step.work.d.status ?? {});
  const status = computeRolloutStatus(step.work, step.statusRSs);
  const plan = finish(step.work, status);
  const requeueAfterMs = computeProgressRequeueMs(step.work, status);
  return requeueAfterMs === undefined ? plan : { ...plan, requeueAfterMs };
}

function finish(w: DeploymentWork, status: DeploymentStatus): DeploymentPlan {
  const changed = !deepEqual(w.snapshot.deployment.status ?? {}, status);
  return { actions: changed ? withActions(w, { op: 'updateStatus', status }).actions : w.actions, status };
}

/** An empty selector would select every pod: Kubernetes refuses to act and says so. */
function planSelectingAll(s: DeploymentSnapshot): DeploymentPlan {
  const d = s.deployment;
  const stored = d.status ?? {};
  const generation = d.metadata.generation ?? 0;
  const status = (stored.observedGeneration ?? 0) < generation ? { ...stored, observedGeneration: generation } : stored;
  const message = 'This deployment is selecting all pods. A non-empty selector is required.';
  return {
    actions: [{ op: 'event', type: 'Warning', reason: 'SelectingAll', message }, ...(status === stored ? [] : [{ op: 'updateStatus' as const, status }])],
    status,
  };
}
