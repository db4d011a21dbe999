// The pod phase from its container statuses, as the kubelet's getPhase computes it.
import type { ContainerStatus, PodPhase } from '../../../api/core-v1.js';

function initPending(init: readonly ContainerStatus[], restartPolicy: string | undefined): PodPhase | undefined {
  for (const s of init) {
    const t = s.state.terminated;
    if (t !== undefined && t.exitCode === 0) continue;
    // A failed init container that will never be retried fails the pod.
    if (restartPolicy === 'Never' && t !== undefined) return 'Failed';
    return 'Pending';
  }
  return undefined;
}

/**
 * Phase: Pending while init containers run or an app container never started; Running while one runs or
 * will be restarted; Succeeded when all exited 0 for good; Failed when one failed and none will restart.
 * A terminal phase already stored never changes.
 */
export function computePodPhase(init: readonly ContainerStatus[], app: readonly ContainerStatus[], restartPolicy: string | undefined, stored: PodPhase | undefined): PodPhase {
  if (stored === 'Succeeded' || stored === 'Failed') return stored;
  const pending = initPending(init, restartPolicy);
  if (pending !== undefined) return pending;
  let running = 0, waiting = 0, stopped = 0, succeeded = 0;
  for (const s of app) {
    if (s.state.running !== undefined) running++;
    else if (s.state.terminated !== undefined) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.lastState.terminated !== undefined) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === 0) return 'Pending';
  if (restartPolicy === 'Always' || restartPolicy === undefined) return 'Running';
  if (stopped === succeeded) return 'Succeeded';
  return restartPolicy === 'Never' ? 'Failed' : 'Running';
}
