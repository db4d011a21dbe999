// One pod as `get rollout` shows it: kubectl's STATUS reason, readiness and restarts (info/pod_info.go).
import type { ContainerStatus, Pod } from '../../api/core-v1.js';
import { ageOf } from './human-duration.js';
import { podIcon } from './info-icons.js';

/** A pod row of the tree. */
export interface PodInfo {
  name: string;
  status: string;
  icon: string;
  /** `ready/total` containers, e.g. `1/1`. */
  ready: string;
  restarts: number;
  age: string;
  creationTimestamp?: string;
}

function terminatedReason(t: NonNullable<ContainerStatus['state']['terminated']>, prefix: string): string {
  if (t.reason !== undefined && t.reason !== '') return `${prefix}${t.reason}`;
  return t.signal !== undefined && t.signal !== 0 ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode}`;
}

// The init-container phase: a reason while initialising, undefined once every init container is done.
function initReason(pod: Readonly<Pod>): { reason: string; restarts: number } | undefined {
  const statuses = pod.status?.initContainerStatuses ?? [];
  const total = (pod.spec.initContainers ?? []).length;
  const sidecars = new Set((pod.spec.initContainers ?? []).filter((c) => Reflect.get(c, 'restartPolicy') === 'Always').map((c) => c.name));
  let restarts = 0;
  for (const [i, c] of statuses.entries()) {
    restarts += c.restartCount;
    const t = c.state.terminated;
    if (t !== undefined && t.exitCode === 0) continue;
    if (t !== undefined) return { reason: terminatedReason(t, 'Init:'), restarts };
    // A started sidecar ends the init phase, whether it is ready yet or not.
    if (sidecars.has(c.name) && c.started === true) {
      if (c.ready) continue;
      return undefined;
    }
    const waiting = c.state.waiting?.reason;
    if (waiting !== undefined && waiting !== '' && waiting !== 'PodInitializing') return { reason: `Init:${waiting}`, restarts };
    return { reason: `Init:${i}/${total}`, restarts };
  }
  return undefined;
}

function containerReason(pod: Readonly<Pod>, initial: string): { reason: string; restarts: number; ready: number } {
  let reason = initial;
  let restarts = 0;
  let ready = 0;
  let running = false;
  const statuses = pod.status?.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i];
    if (c === undefined) continue;
    restarts += c.restartCount;
    const { waiting, terminated } = c.state;
    if (waiting?.reason !== undefined && waiting.reason !== '') reason = waiting.reason;
    else if (terminated !== undefined) reason = terminatedReason(terminated, '');
    else if (c.ready && c.state.running !== undefined) { running = true; ready++; }
  }
  if (reason === 'Completed' && running) reason = 'Running';
  return { reason, restarts, ready };
}

/** The pod's row: status `Running`, `ContainerCreating`, `Init:0/1`, `CrashLoopBackOff`, `Terminating`, … */
export function computePodInfo(pod: Readonly<Pod>, nowMs: number): PodInfo {
  const reason = pod.status?.reason ?? '';
  const base = reason !== '' ? reason : pod.status?.phase ?? '';
  const init = initReason(pod);
  const main = init === undefined ? containerReason(pod, base) : { reason: init.reason, restarts: init.restarts, ready: 0 };
  let status = main.reason;
  if (pod.metadata.deletionTimestamp !== undefined) status = pod.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  const info: PodInfo = {
    name: pod.metadata.name ?? '', status, icon: podIcon(status),
    ready: `${main.ready}/${pod.spec.containers.length}`, restarts: main.restarts,
    age: ageOf(pod.metadata.creationTimestamp, nowMs),
  };
  if (pod.metadata.creationTimestamp !== undefined) info.creationTimestamp = pod.metadata.creationTimestamp;
  return info;
}
