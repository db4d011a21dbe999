// Pod conditions in the order Kubernetes 1.32 writes them: PodReadyToStartContainers, Initialized, Ready,
// ContainersReady, PodScheduled. lastTransitionTime only moves when a condition's status changes.
import type { ContainerStatus, PodPhase } from '../../../api/core-v1.js';
import type { Condition } from '../../../api/meta.js';
import { rfc3339 } from '../../../lib/clock.js';

/** What the conditions are computed from. */
export interface ConditionInputs {
  readonly init: readonly ContainerStatus[];
  readonly app: readonly ContainerStatus[];
  readonly phase: PodPhase;
  readonly scheduled: boolean;
  readonly hasIP: boolean;
  readonly previous: readonly Condition[];
  readonly nowMs: number;
}

type Draft = Pick<Condition, 'type' | 'status' | 'reason' | 'message'>;

function names(list: readonly ContainerStatus[]): string {
  return `[${list.map((s) => s.name).join(' ')}]`;
}

function readiness(type: 'Ready' | 'ContainersReady', i: ConditionInputs): Draft {
  if (i.phase === 'Succeeded') return { type, status: 'False', reason: 'PodCompleted' };
  const unready = i.app.filter((s) => !s.ready);
  if (unready.length === 0) return { type, status: 'True' };
  return { type, status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: ${names(unready)}` };
}

function initialized(i: ConditionInputs): Draft {
  const incomplete = i.init.filter((s) => s.state.terminated?.exitCode !== 0);
  if (incomplete.length === 0) return { type: 'Initialized', status: 'True' };
  return { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: ${names(incomplete)}` };
}

function stamp(d: Draft, previous: readonly Condition[], nowMs: number): Condition {
  const old = previous.find((c) => c.type === d.type);
  const lastTransitionTime = old !== undefined && old.status === d.status && old.lastTransitionTime ? old.lastTransitionTime : rfc3339(nowMs);
  const c: Condition = { type: d.type, status: d.status, lastTransitionTime };
  if (d.reason !== undefined) c.reason = d.reason;
  if (d.message !== undefined) c.message = d.message;
  return c;
}

/** The pod's conditions. */
export function computePodConditions(i: ConditionInputs): Condition[] {
  const drafts: Draft[] = [
    { type: 'PodReadyToStartContainers', status: i.hasIP ? 'True' : 'False' },
    initialized(i), readiness('Ready', i), readiness('ContainersReady', i),
    { type: 'PodScheduled', status: i.scheduled ? 'True' : 'False' },
  ];
  return drafts.map((d) => stamp(d, i.previous, i.nowMs));
}
