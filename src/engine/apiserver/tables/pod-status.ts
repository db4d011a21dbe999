// The Ready, Status and Restarts cells of `kubectl get pods`, following the upstream printPod walk:
// init containers first (stopping at the first one not done), then app containers from last to first.
import type { Condition } from '../../../api/meta.js';
import type { Container, ContainerState, ContainerStatus, Pod } from '../../../api/core-v1.js';
import { parseTime } from '../../../lib/clock.js';
import { humanDuration } from './human-duration.js';

/** The three computed pod cells. */
export interface PodSummary {
  /** `ready/total` containers, sidecars (restartable init containers) included: `1/1`. */
  ready: string;
  /** Status column: phase, or a container reason (`CrashLoopBackOff`, `Init:0/1`, `Terminating`, …). */
  status: string;
  /** Restart count, with the time since the last restart when known: `4 (37s ago)`. */
  restarts: string;
}

/** Tracks the running totals of the walk; `lastRestartMs` is 0 when no restart time is known. */
interface Tally {
  reason: string;
  ready: number;
  restarts: number;
  lastRestartMs: number;
  sidecarRestarts: number;
  lastSidecarRestartMs: number;
}

type SidecarAware = Container & { restartPolicy?: string };

/** Computes Ready, Status and Restarts for one pod at `nowMs`. */
export function computePodSummary(pod: Readonly<Pod>, nowMs: number): PodSummary {
  const status = pod.status ?? {};
  // The API server sets Pending on create, so a missing phase only shows up on hand-made objects.
  const phase = status.phase ?? 'Pending';
  const t: Tally = { reason: status.reason || phase, ready: 0, restarts: 0, lastRestartMs: 0, sidecarRestarts: 0, lastSidecarRestartMs: 0 };
  if (status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) t.reason = 'SchedulingGated';
  const initContainers: readonly SidecarAware[] = pod.spec.initContainers ?? [];
  const total = pod.spec.containers.length + initContainers.filter(isSidecar).length;
  const initializing = walkInitContainers(t, initContainers, status.initContainerStatuses ?? []);
  if (!initializing || hasTrueCondition(status.conditions, 'Initialized')) {
    walkAppContainers(t, status.containerStatuses ?? [], status.conditions);
  }
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') t.reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') t.reason = 'Terminating';
  const restarts = t.restarts !== 0 && t.lastRestartMs !== 0
    ? `${t.restarts} (${humanDuration(nowMs - t.lastRestartMs)} ago)`
    : String(t.restarts);
  return { ready: `${t.ready}/${total}`, status: t.reason, restarts };
}

/** Walks init container statuses; returns true while the pod is still initializing. */
function walkInitContainers(t: Tally, specs: readonly SidecarAware[], statuses: readonly ContainerStatus[]): boolean {
  for (const [i, c] of statuses.entries()) {
    t.restarts += c.restartCount;
    const finishedMs = lastFinishedMs(c);
    t.lastRestartMs = Math.max(t.lastRestartMs, finishedMs);
    const sidecar = isSidecar(specs.find((s) => s.name === c.name));
    if (sidecar) {
      t.sidecarRestarts += c.restartCount;
      t.lastSidecarRestartMs = Math.max(t.lastSidecarRestartMs, finishedMs);
    }
    const terminated = c.state.terminated;
    const waiting = c.state.waiting;
    if (terminated !== undefined && terminated.exitCode === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) t.ready++;
      continue;
    }
    if (terminated !== undefined) t.reason = `Init:${terminatedReason(terminated)}`;
    else if (waiting?.reason && waiting.reason !== 'PodInitializing') t.reason = `Init:${waiting.reason}`;
    else t.reason = `Init:${i}/${specs.length}`;
    return true;
  }
  return false;
}

/** Walks app container statuses from last to first, so the first container's reason wins. */
function walkAppContainers(t: Tally, statuses: readonly ContainerStatus[], conditions: readonly Condition[] | undefined): void {
  t.restarts = t.sidecarRestarts;
  t.lastRestartMs = t.lastSidecarRestartMs;
  let hasRunning = false;
  for (const c of [...statuses].reverse()) {
    t.restarts += c.restartCount;
    t.lastRestartMs = Math.max(t.lastRestartMs, lastFinishedMs(c));
    const { waiting, terminated, running } = c.state;
    if (waiting?.reason) t.reason = waiting.reason;
    else if (terminated !== undefined) t.reason = terminatedReason(terminated);
    else if (c.ready && running !== undefined) {
      hasRunning = true;
      t.ready++;
    }
  }
  // A container that exited 0 while another still runs must not make the whole pod look Completed.
  if (t.reason === 'Completed' && hasRunning) t.reason = hasTrueCondition(conditions, 'Ready') ? 'Running' : 'NotReady';
}

/** `Error`, `Signal:9` or `ExitCode:2` for a terminated state. */
function terminatedReason(term: NonNullable<ContainerState['terminated']>): string {
  if (term.reason) return term.reason;
  return term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
}

function lastFinishedMs(c: Readonly<ContainerStatus>): number {
  const ms = parseTime(c.lastState.terminated?.finishedAt);
  return Number.isNaN(ms) ? 0 : ms;
}

function isSidecar(c: Readonly<SidecarAware> | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function hasTrueCondition(conditions: readonly Condition[] | undefined, type: string): boolean {
  return conditions?.some((c) => c.type === type && c.status === 'True') ?? false;
}
