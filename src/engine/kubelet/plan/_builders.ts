// Test support for the kubelet plans: small builders for pods and container views.
import type { Container, Pod, PodStatus } from '../../../api/core-v1.js';
import { emptyContainerView } from './plan-container.js';
import { DEFAULT_BACKOFF, type ContainerView, type InstanceView, type KubeletAction, type PodView } from './types.js';

/** The time every builder instance starts at. */
export const T0 = Date.UTC(2025, 0, 1);
/** The demo argv the views carry. */
export const DEMO = ['node', '/app/dist/src/demo/main.js'];

/** A container; `image` defaults to the blue demo with containerPort 8080. */
export function container(name = 'app', o: Partial<Container> = {}): Container {
  return { name, image: 'argoproj/rollouts-demo:blue', ports: [{ containerPort: 8080 }], ...o };
}

/** A bound pod `web` in `default`. */
export function pod(o: { containers?: Container[]; init?: Container[]; restartPolicy?: 'Always' | 'OnFailure' | 'Never'; nodeName?: string; status?: PodStatus; deletingGrace?: number } = {}): Pod {
  const p: Pod = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-web', resourceVersion: '10' },
    spec: { containers: o.containers ?? [container()], restartPolicy: o.restartPolicy ?? 'Always', terminationGracePeriodSeconds: 30, nodeName: o.nodeName ?? 'sluice' },
  };
  if (o.init !== undefined) p.spec.initContainers = o.init;
  if (o.status !== undefined) p.status = o.status;
  if (o.deletingGrace !== undefined) p.metadata = { ...p.metadata, deletionTimestamp: '2025-01-01T00:01:00Z', deletionGracePeriodSeconds: o.deletingGrace };
  return p;
}

/** The view of `p` with the given container views. */
export function view(p: Pod, containers: ContainerView[] = [], o: Partial<Omit<PodView, 'podIP'>> & { podIP?: string | undefined } = {}): PodView {
  const { podIP = '127.1.0.1', ...rest } = 'podIP' in o && o.podIP === undefined ? { ...o, podIP: '' } : o;
  const v: PodView = {
    pod: p, gone: false, nodeName: 'sluice', bound: p.spec.nodeName === 'sluice', hostIP: '127.0.0.1', usedIPs: new Set(), firstPodIP: '127.1.0.1',
    containers: new Map(containers.map((c) => [c.name, c])), images: { path: '/data/images.yaml', rules: [] }, demoCommand: DEMO,
    configMaps: new Map(), secrets: new Map(), backoff: DEFAULT_BACKOFF, ...rest,
  };
  return podIP === '' ? v : { ...v, podIP };
}

function instance(restartCount: number, startedAtMs: number, o: Partial<InstanceView> = {}): InstanceView {
  return { containerID: `sluice://c${restartCount}`, imageID: 'sluice://argoproj/rollouts-demo:blue', restartCount, startedAtMs, ...o };
}

/** A running container; ready and started unless told otherwise. */
export function running(name = 'app', o: { restartCount?: number; ready?: boolean; livenessFailed?: boolean; killing?: ContainerView['killing'] } = {}): ContainerView {
  const restartCount = o.restartCount ?? 0;
  return {
    ...emptyContainerView(name), restartCount, current: instance(restartCount, T0),
    probes: { started: true, ready: o.ready ?? true, livenessFailed: o.livenessFailed ?? false, startupFailed: false },
    ...(o.killing !== undefined ? { killing: o.killing } : {}),
  };
}

/** A container whose last run exited with `exitCode` at T0 + 5 s. */
export function exited(name: string, exitCode: number, o: { restartCount?: number; crashes?: number } = {}): ContainerView {
  const restartCount = o.restartCount ?? 0;
  return { ...emptyContainerView(name), restartCount, crashes: o.crashes ?? 1, current: instance(restartCount, T0, { finishedAtMs: T0 + 5000, exitCode }) };
}

/** One readable line per action, so a plan compares as a list. */
export function summary(a: KubeletAction): string {
  switch (a.op) {
    case 'bind': case 'delete': case 'cleanup': return a.op;
    case 'assignIP': return `assignIP ${a.ip}`;
    case 'start': return `start ${a.container} #${a.restartCount} ${a.run.argv.join(' ')}`;
    case 'startFailed': return `startFailed ${a.container} ${a.reason}`;
    case 'kill': return `kill ${a.container} ${a.reason} ${a.graceMs}ms`;
    case 'event': return `event ${a.type} ${a.reason}: ${a.message}`;
    case 'status': {
      const s = a.status;
      const ready = s.conditions?.find((c) => c.type === 'Ready');
      const states = [...(s.initContainerStatuses ?? []), ...(s.containerStatuses ?? [])].map((c) => {
        const st = c.state.running ? 'running' : c.state.terminated ? `terminated:${c.state.terminated.reason ?? ''}` : `waiting:${c.state.waiting?.reason ?? ''}`;
        return `${c.name}=${st}`;
      });
      return `status ${s.phase ?? ''} ready=${ready?.status ?? '?'} ${states.join(',')}`;
    }
  }
}
