// One entry of status.containerStatuses / initContainerStatuses, from the runtime view and the decision
// just taken, in the shape kubectl prints (Running, Completed, Error, CrashLoopBackOff, ErrImagePull …).
import type { Container, ContainerState, ContainerStatus } from '../../../api/core-v1.js';
import { rfc3339 } from '../../../lib/clock.js';
import { formatDuration } from './crash-backoff.js';
import type { ContainerDecision } from './plan-container.js';
import type { ContainerView, InstanceView } from './types.js';

/** What a container status needs to know about its pod. */
export interface StatusContext {
  /** Pod name, namespace and uid, for kubelet messages (`name_namespace(uid)`). */
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  /** The pod is being deleted: nothing is ready any more. */
  readonly deleting: boolean;
}

/** `terminated` state of a finished instance: reason Completed (exit 0) or Error unless the instance says otherwise. */
export function terminatedState(i: Readonly<InstanceView>): ContainerState {
  const exitCode = i.exitCode ?? 0;
  return {
    terminated: {
      exitCode, reason: i.reason ?? (exitCode === 0 ? 'Completed' : 'Error'), ...(i.message !== undefined ? { message: i.message } : {}),
      startedAt: rfc3339(i.startedAtMs), finishedAt: rfc3339(i.finishedAtMs ?? i.startedAtMs),
    },
  };
}

function waiting(reason: string, message?: string): ContainerState {
  return { waiting: message === undefined ? { reason } : { reason, message } };
}

function imagePullBackOff(image: string, failureReason: string, message: string): ContainerState {
  return failureReason === 'ErrImagePull' ? waiting('ImagePullBackOff', `Back-off pulling image "${image}": ${message}`) : waiting(failureReason, message);
}

function stateOf(spec: Readonly<Container>, view: Readonly<ContainerView>, d: ContainerDecision, pod: StatusContext, init: boolean): ContainerState {
  const cur = view.current;
  switch (d.decision) {
    case 'running': case 'killing': case 'kill':
      return { running: { startedAt: rfc3339(cur?.startedAtMs ?? 0) } };
    case 'backoff':
      return waiting('CrashLoopBackOff', `back-off ${formatDuration(d.delayMs)} restarting failed container=${spec.name} pod=${pod.name}_${pod.namespace}(${pod.uid})`);
    case 'startFailed':
      return waiting(d.reason, d.message);
    case 'retryWait':
      return imagePullBackOff(spec.image ?? '', d.failure.reason, d.failure.message);
    case 'blocked':
      return cur !== undefined ? terminatedState(cur) : waiting('PodInitializing');
    case 'done': case 'start':
      if (cur !== undefined) return terminatedState(cur);
      return waiting(init ? 'PodInitializing' : 'ContainerCreating');
  }
}

/** The status of one container (init or app). */
export function computeContainerStatus(spec: Readonly<Container>, view: Readonly<ContainerView>, d: ContainerDecision, pod: StatusContext, init: boolean): ContainerStatus {
  const state = stateOf(spec, view, d, pod, init);
  const running = state.running !== undefined;
  // While a container waits to be restarted, lastState is the run that just ended.
  const previous = state.waiting !== undefined ? view.current : view.last;
  const cur = view.current;
  const status: ContainerStatus = {
    name: spec.name, image: spec.image ?? '', imageID: cur?.imageID ?? '',
    ready: running && view.probes.started && view.probes.ready && !pod.deleting,
    started: running && view.probes.started,
    restartCount: view.restartCount, state, lastState: previous !== undefined && previous.finishedAtMs !== undefined ? terminatedState(previous) : {},
  };
  if (cur !== undefined) status.containerID = cur.containerID;
  return status;
}
