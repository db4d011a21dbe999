// The kubelet's decision for one pod, one step at a time: bind it, or stop it (deleted: Ready False first,
// then SIGTERM via kill, then delete the object), or run it (IP, init containers in order, app containers,
// restarts with back-off, probe-driven kills) and write the status when it changed.
import type { Pod } from '../../../api/core-v1.js';
import { deepEqual } from '../../../lib/deep-equal.js';
import { containerActions } from './container-actions.js';
import { emptyContainerView, isRunning, planContainer, type ContainerDecision, type ContainerInput } from './plan-container.js';
import { allocatePodIp } from './pod-ip.js';
import { computePodStatus } from './pod-status.js';
import type { KubeletAction, PodPlan, PodView } from './types.js';

/** Init containers (in order), then app containers, each with its runtime view. */
export function containerInputs(v: PodView): ContainerInput[] {
  const input = (init: boolean) => (spec: Pod['spec']['containers'][number]): ContainerInput =>
    ({ spec, init, view: v.containers.get(spec.name) ?? emptyContainerView(spec.name) });
  return [...(v.pod.spec.initContainers ?? []).map(input(true)), ...v.pod.spec.containers.map(input(false))];
}

/** Grace period of a pod being stopped, in ms: the deletion's, else the spec's, else 30 s. */
export function terminationGraceMs(pod: Readonly<Pod>): number {
  return (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
}

/** True when the stored status still advertises the pod (or a container) as ready. */
export function isReadyInStore(pod: Readonly<Pod>): boolean {
  const s = pod.status;
  return (s?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') || (s?.containerStatuses ?? []).some((c) => c.ready);
}

function settled(c: ContainerInput): ContainerDecision {
  if (isRunning(c.view)) return c.view.killing !== undefined ? { decision: 'killing' } : { decision: 'running' };
  return c.view.current !== undefined ? { decision: 'done' } : { decision: 'blocked' };
}

function stopAll(v: PodView, inputs: readonly ContainerInput[]): KubeletAction[] {
  const actions: KubeletAction[] = [];
  for (const c of inputs) {
    if (!isRunning(c.view) || c.view.killing !== undefined) continue;
    actions.push({ op: 'kill', container: c.spec.name, reason: 'deletion', graceMs: terminationGraceMs(v.pod) });
    actions.push({ op: 'event', type: 'Normal', reason: 'Killing', message: `Stopping container ${c.spec.name}` });
  }
  return actions;
}

function planGone(v: PodView): PodPlan {
  const inputs = containerInputs(v);
  if (!inputs.some((c) => isRunning(c.view))) return { actions: [{ op: 'cleanup' }] };
  return { actions: stopAll(v, inputs) };
}

function planDeletion(v: PodView, nowMs: number): PodPlan {
  const inputs = containerInputs(v);
  const decisions = new Map(inputs.map((c) => [c.spec.name, settled(c)]));
  const status = computePodStatus(v, { containers: inputs, decisions, podIP: v.podIP, deleting: true, nowMs });
  const actions: KubeletAction[] = deepEqual(status, v.pod.status) ? [] : [{ op: 'status', status }];
  // Services drop a pod when its Ready condition turns False; only then may its processes be told to stop.
  if (isReadyInStore(v.pod)) return { actions };
  actions.push(...stopAll(v, inputs));
  if (!inputs.some((c) => isRunning(c.view))) actions.push({ op: 'delete' });
  return { actions };
}

function decideAll(v: PodView, inputs: readonly ContainerInput[], podIP: string, nowMs: number): Map<string, ContainerDecision> {
  const out = new Map<string, ContainerDecision>();
  let initialized = true;
  for (const c of inputs) {
    if (!initialized) { out.set(c.spec.name, { decision: 'blocked' }); continue; }
    const d = planContainer(v, c, podIP, nowMs);
    out.set(c.spec.name, d);
    if (c.init && !(d.decision === 'done' && c.view.current?.exitCode === 0)) initialized = false;
  }
  return out;
}

function planRunning(v: PodView, nowMs: number): PodPlan {
  const actions: KubeletAction[] = [];
  const phase = v.pod.status?.phase;
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  let podIP = v.podIP;
  if (podIP === undefined && !terminal) {
    podIP = allocatePodIp(v.usedIPs, v.firstPodIP);
    if (podIP !== undefined) actions.push({ op: 'assignIP', ip: podIP });
  }
  const inputs = containerInputs(v);
  const decisions = terminal || podIP === undefined
    ? new Map(inputs.map((c) => [c.spec.name, settled(c)]))
    : decideAll(v, inputs, podIP, nowMs);
  const status = computePodStatus(v, { containers: inputs, decisions, podIP, deleting: false, nowMs });
  if (!deepEqual(status, v.pod.status)) actions.push({ op: 'status', status });
  actions.push(...containerActions(v, inputs, decisions));
  // A start (or failed start) changes the runtime but not the API object: look again at once for the status.
  const changed = actions.some((a) => a.op === 'start' || a.op === 'startFailed');
  const waits = [...decisions.values()].flatMap((d) => (d.decision === 'backoff' || d.decision === 'retryWait' ? [d.untilMs - nowMs] : []));
  if (changed) waits.push(0);
  return waits.length > 0 ? { actions, requeueAfterMs: Math.max(0, Math.min(...waits)) } : { actions };
}

/** Plans one step for a pod this kubelet runs (or ran). */
export function planPod(v: PodView, nowMs: number): PodPlan {
  if (v.gone) return planGone(v);
  if (v.pod.metadata.deletionTimestamp !== undefined) return planDeletion(v, nowMs);
  if (!v.bound) {
    const message = `Successfully assigned ${v.pod.metadata.namespace ?? 'default'}/${v.pod.metadata.name ?? ''} to ${v.nodeName}`;
    // Requeued at once in case binding is refused (then no watch event follows).
    return { actions: [{ op: 'bind' }, { op: 'event', type: 'Normal', reason: 'Scheduled', message, component: 'default-scheduler' }], requeueAfterMs: 0 };
  }
  return planRunning(v, nowMs);
}
