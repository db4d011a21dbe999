// The whole pod status the kubelet writes through /status: phase, conditions, IPs, start time and one
// status per container, computed from the runtime view and this round's decisions.
import type { PodStatus } from '../../../api/core-v1.js';
import { rfc3339 } from '../../../lib/clock.js';
import { computeContainerStatus, type StatusContext } from './container-status.js';
import type { ContainerDecision, ContainerInput } from './plan-container.js';
import { computePodConditions } from './pod-conditions.js';
import { computePodPhase } from './pod-phase.js';
import type { PodView } from './types.js';

/** What computePodStatus reads besides the view. */
export interface StatusInputs {
  readonly containers: readonly ContainerInput[];
  readonly decisions: ReadonlyMap<string, ContainerDecision>;
  readonly podIP: string | undefined;
  readonly deleting: boolean;
  readonly nowMs: number;
}

const BLOCKED: ContainerDecision = { decision: 'blocked' };

/** The pod status for this round; compare it with the stored one and write only when it differs. */
export function computePodStatus(v: PodView, i: StatusInputs): PodStatus {
  const stored = v.pod.status ?? {};
  const ctx: StatusContext = { name: v.pod.metadata.name ?? '', namespace: v.pod.metadata.namespace ?? 'default', uid: v.pod.metadata.uid ?? '', deleting: i.deleting };
  const statusOf = (c: ContainerInput): ReturnType<typeof computeContainerStatus> =>
    computeContainerStatus(c.spec, c.view, i.decisions.get(c.spec.name) ?? BLOCKED, ctx, c.init);
  const init = i.containers.filter((c) => c.init).map(statusOf);
  const app = i.containers.filter((c) => !c.init).map(statusOf);
  const phase = computePodPhase(init, app, v.pod.spec.restartPolicy, stored.phase);
  const conditions = computePodConditions({ init, app, phase, scheduled: v.bound, hasIP: i.podIP !== undefined, previous: stored.conditions ?? [], nowMs: i.nowMs });
  const status: PodStatus = { phase, conditions, hostIP: v.hostIP };
  if (i.podIP !== undefined) {
    status.podIP = i.podIP;
    status.podIPs = [{ ip: i.podIP }];
  }
  status.startTime = stored.startTime ?? rfc3339(i.nowMs);
  if (init.length > 0) status.initContainerStatuses = init;
  status.containerStatuses = app;
  status.qosClass = stored.qosClass ?? 'BestEffort';
  return status;
}
