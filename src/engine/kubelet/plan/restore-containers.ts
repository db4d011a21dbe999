// After a runtime restart the kubelet knows nothing about its containers but what the stored pod status
// says. Containers that were running have vanished with the old runtime: they count as finished (exit 255,
// reason Unknown) so the plan restarts them and restartCount goes up, as after a node reboot.
import type { ContainerState, ContainerStatus, Pod } from '../../../api/core-v1.js';
import { parseTime } from '../../../lib/clock.js';
import { emptyContainerView } from './plan-container.js';
import type { ContainerView, InstanceView } from './types.js';

/** Exit code and reason recorded for a container that vanished with a previous runtime. */
export const VANISHED = { exitCode: 255, reason: 'Unknown', message: 'The container could not be located when the runtime restarted' } as const;

function ms(t: string | undefined, fallback: number): number {
  const v = parseTime(t);
  return Number.isNaN(v) ? fallback : v;
}

function instanceOf(s: Readonly<ContainerStatus>, state: Readonly<ContainerState>, restartCount: number, nowMs: number): InstanceView | undefined {
  const base = { containerID: s.containerID ?? '', imageID: s.imageID, restartCount };
  const t = state.terminated;
  if (t !== undefined) {
    const reason = t.reason === 'Completed' || t.reason === 'Error' ? {} : { reason: t.reason ?? 'Error' };
    return {
      ...base, ...reason, exitCode: t.exitCode,
      startedAtMs: ms(t.startedAt, nowMs), finishedAtMs: ms(t.finishedAt, nowMs), ...(t.message !== undefined ? { message: t.message } : {}),
    };
  }
  if (state.running !== undefined) return { ...base, ...VANISHED, startedAtMs: ms(state.running.startedAt, nowMs), finishedAtMs: nowMs };
  return undefined;
}

function restoreOne(s: Readonly<ContainerStatus>, nowMs: number): ContainerView {
  const view = emptyContainerView(s.name);
  if (s.state.waiting !== undefined) {
    // Waiting for a restart: the run that ended (lastState) is the latest instance.
    const ended = instanceOf(s, s.lastState, s.restartCount, nowMs);
    return { ...view, restartCount: s.restartCount, ...(ended !== undefined ? { current: ended } : {}) };
  }
  const last = instanceOf(s, s.lastState, Math.max(0, s.restartCount - 1), nowMs);
  const current = instanceOf(s, s.state, s.restartCount, nowMs);
  return { ...view, restartCount: s.restartCount, ...(current !== undefined ? { current } : {}), ...(last !== undefined ? { last } : {}) };
}

/** Container views rebuilt from a pod's stored status (init and app containers), at `nowMs`. */
export function restoreContainerViews(pod: Readonly<Pod>, nowMs: number): Map<string, ContainerView> {
  const out = new Map<string, ContainerView>();
  for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) out.set(s.name, restoreOne(s, nowMs));
  return out;
}
