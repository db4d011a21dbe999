// Turns container decisions into apply actions and the events kubectl describe shows (Pulled, Created,
// Started, Killing, BackOff, Failed), each event emitted once per occurrence.
import type { ContainerStatus } from '../../../api/core-v1.js';
import { rfc3339 } from '../../../lib/clock.js';
import type { ContainerDecision, ContainerInput } from './plan-container.js';
import type { KubeletAction, PodView } from './types.js';

function event(type: 'Normal' | 'Warning', reason: string, message: string): KubeletAction {
  return { op: 'event', type, reason, message };
}

/** True when the stored status already shows this back-off for the same ended run (its event was sent). */
function backoffAnnounced(stored: ContainerStatus | undefined, c: ContainerInput): boolean {
  const finishedAtMs = c.view.current?.finishedAtMs;
  return stored?.state.waiting?.reason === 'CrashLoopBackOff' && finishedAtMs !== undefined && stored.lastState.terminated?.finishedAt === rfc3339(finishedAtMs)
    && stored.restartCount === c.view.restartCount;
}

function failedStart(c: ContainerInput, reason: string, message: string): KubeletAction[] {
  const image = c.spec.image ?? '';
  const out: KubeletAction[] = [{ op: 'startFailed', container: c.spec.name, reason, message }];
  if (reason !== 'ErrImagePull') return [...out, event('Warning', 'Failed', `Error: ${message}`)];
  return [
    ...out, event('Normal', 'Pulling', `Pulling image "${image}"`), event('Warning', 'Failed', `Failed to pull image "${image}": ${message}`),
    event('Warning', 'Failed', 'Error: ErrImagePull'), event('Normal', 'BackOff', `Back-off pulling image "${image}"`),
  ];
}

function actionsFor(v: PodView, c: ContainerInput, d: ContainerDecision, stored: ContainerStatus | undefined): KubeletAction[] {
  const name = c.spec.name;
  switch (d.decision) {
    case 'start':
      return [
        { op: 'start', container: name, init: c.init, restartCount: d.restartCount, run: d.run },
        event('Normal', 'Pulled', `Container image "${c.spec.image ?? ''}" already present on machine`),
        event('Normal', 'Created', `Created container: ${name}`), event('Normal', 'Started', `Started container ${name}`),
      ];
    case 'startFailed':
      return failedStart(c, d.reason, d.message);
    case 'kill': {
      const probe = d.reason === 'liveness' ? c.spec.livenessProbe : c.spec.startupProbe;
      const graceMs = (probe?.terminationGracePeriodSeconds ?? v.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
      return [
        { op: 'kill', container: name, reason: d.reason, graceMs },
        event('Normal', 'Killing', `Container ${name} failed ${d.reason} probe, will be restarted`),
      ];
    }
    case 'backoff': {
      if (backoffAnnounced(stored, c)) return [];
      const pod = v.pod.metadata;
      return [event('Warning', 'BackOff', `Back-off restarting failed container ${name} in pod ${pod.name ?? ''}_${pod.namespace ?? 'default'}(${pod.uid ?? ''})`)];
    }
    default:
      return [];
  }
}

/** Actions and events for every container decision, init containers first. */
export function containerActions(v: PodView, inputs: readonly ContainerInput[], decisions: ReadonlyMap<string, ContainerDecision>): KubeletAction[] {
  const stored = [...(v.pod.status?.initContainerStatuses ?? []), ...(v.pod.status?.containerStatuses ?? [])];
  return inputs.flatMap((c) => {
    const d = decisions.get(c.spec.name);
    return d === undefined ? [] : actionsFor(v, c, d, stored.find((s) => s.name === c.spec.name));
  });
}
