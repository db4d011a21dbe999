// What to do with one container right now: keep it, start it, stop it, or wait out a back-off. The pod
// plan calls this for init containers in order and, once they all succeeded, for every app container.
import type { Container } from '../../../api/core-v1.js';
import { computeContainerEnv, expandVars } from './container-env.js';
import { computeRestartDelayMs, computeRetryDelayMs } from './crash-backoff.js';
import { resolveImage } from './resolve-image.js';
import type { ContainerView, PodView, RunSpec, StartFailure } from './types.js';

/** The decision for one container. */
export type ContainerDecision =
  | { readonly decision: 'running' }
  | { readonly decision: 'killing' }
  | { readonly decision: 'kill'; readonly reason: 'liveness' | 'startup' }
  | { readonly decision: 'start'; readonly restartCount: number; readonly run: RunSpec }
  | { readonly decision: 'startFailed'; readonly reason: string; readonly message: string }
  | { readonly decision: 'retryWait'; readonly untilMs: number; readonly failure: StartFailure }
  | { readonly decision: 'backoff'; readonly untilMs: number; readonly delayMs: number }
  | { readonly decision: 'done' }
  | { readonly decision: 'blocked' };

/** A container as the pod plan sees it: spec, runtime view, and whether it is an init container. */
export interface ContainerInput {
  readonly spec: Container;
  readonly view: ContainerView;
  readonly init: boolean;
}

/** A container the runtime has never seen. */
export function emptyContainerView(name: string): ContainerView {
  return { name, restartCount: 0, crashes: 0, probes: { started: false, ready: false, livenessFailed: false, startupFailed: false } };
}

/** True while the container's current instance runs. */
export function isRunning(v: Readonly<ContainerView>): boolean {
  return v.current !== undefined && v.current.finishedAtMs === undefined;
}

/** Whether a finished container is started again under the pod's restartPolicy (init containers: only after failing). */
export function shouldRestart(exitCode: number, restartPolicy: string | undefined, init: boolean): boolean {
  if (init) return exitCode !== 0 && restartPolicy !== 'Never';
  if (restartPolicy === 'Never') return false;
  return restartPolicy === 'OnFailure' ? exitCode !== 0 : true;
}

type RunResult = { readonly ok: true; readonly run: RunSpec } | { readonly ok: false; readonly reason: string; readonly message: string };

/** Argv and environment of a container, or the waiting reason (ErrImagePull, CreateContainerConfigError). */
export function computeRunSpec(v: PodView, spec: Readonly<Container>, podIP: string): RunResult {
  const image = resolveImage(spec, v.images, v.demoCommand);
  if (!image.ok) return image;
  const env = computeContainerEnv({
    pod: v.pod, container: spec, podIP, hostIP: v.hostIP, nodeName: v.nodeName, imageEnv: image.imageEnv, configMaps: v.configMaps, secrets: v.secrets,
  });
  if (!env.ok) return { ok: false, reason: 'CreateContainerConfigError', message: env.message };
  const gate = image.demoPort !== undefined && spec.readinessProbe === undefined ? { readinessGatePort: image.demoPort } : {};
  return { ok: true, run: { argv: image.argv.map((a) => expandVars(a, env.env)), env: env.env, imageID: image.imageID, ...gate } };
}

function tryStart(v: PodView, c: ContainerInput, podIP: string): ContainerDecision {
  const r = computeRunSpec(v, c.spec, podIP);
  if (!r.ok) return { decision: 'startFailed', reason: r.reason, message: r.message };
  const restartCount = c.view.current !== undefined ? c.view.restartCount + 1 : c.view.restartCount;
  return { decision: 'start', restartCount, run: r.run };
}

/** Decides for one container that may run (its pod is bound, alive and past the init containers before it). */
export function planContainer(v: PodView, c: ContainerInput, podIP: string, nowMs: number): ContainerDecision {
  const { view } = c;
  const cur = view.current;
  if (cur !== undefined && cur.finishedAtMs === undefined) {
    if (view.killing !== undefined) return { decision: 'killing' };
    if (view.probes.startupFailed) return { decision: 'kill', reason: 'startup' };
    if (view.probes.livenessFailed) return { decision: 'kill', reason: 'liveness' };
    return { decision: 'running' };
  }
  if (cur !== undefined && !shouldRestart(cur.exitCode ?? 0, v.pod.spec.restartPolicy, c.init)) return { decision: 'done' };
  if (view.startFailure !== undefined) {
    const first = tryStart(v, c, podIP);
    if (first.decision === 'start') return first;
    const untilMs = view.startFailure.atMs + computeRetryDelayMs(view.startFailure.count, v.backoff);
    return nowMs < untilMs ? { decision: 'retryWait', untilMs, failure: view.startFailure } : first;
  }
  if (cur !== undefined) {
    const delayMs = computeRestartDelayMs(view.crashes, v.backoff);
    const untilMs = (cur.finishedAtMs ?? nowMs) + delayMs;
    if (nowMs < untilMs) return { decision: 'backoff', untilMs, delayMs };
  }
  return tryStart(v, c, podIP);
}
