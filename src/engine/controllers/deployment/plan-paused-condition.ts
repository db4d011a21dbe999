// Pausing and resuming (Kubernetes' checkPausedConditions): the Progressing condition turns Unknown, so time
// spent paused never counts against progressDeadlineSeconds.
import { getCondition, newCondition, Reason, setCondition } from './conditions.js';
import type { DeploymentWork } from './deployment-work.js';

/**
 * Paused without a DeploymentPaused condition: Progressing Unknown `DeploymentPaused` ("Deployment is
 * paused"). Resumed with one: Unknown `DeploymentResumed` ("Deployment is resumed"), which restarts the
 * deadline clock. A ProgressDeadlineExceeded condition is never overwritten.
 */
export function planPausedCondition(w: DeploymentWork): DeploymentWork {
  if (w.spec.progressDeadlineSeconds === undefined) return w;
  const cond = getCondition(w.d.status, 'Progressing');
  if (cond?.reason === Reason.progressDeadlineExceeded) return w;
  const pausedShown = cond?.reason === Reason.deploymentPaused;
  if (w.spec.paused === pausedShown) return w;
  const next = w.spec.paused
    ? newCondition('Progressing', 'Unknown', Reason.deploymentPaused, 'Deployment is paused', w.nowMs)
    : newCondition('Progressing', 'Unknown', Reason.deploymentResumed, 'Deployment is resumed', w.nowMs);
  return { ...w, d: { ...w.d, status: setCondition(w.d.status ?? {}, next) } };
}
