// The kubelet's plan vocabulary: a read-only view of one pod (the API object plus what the runtime knows
// about its containers) and the actions a plan returns. Plain data only; see plan-pod.ts.
import type { ConfigMap, Pod, PodStatus, Secret } from '../../../api/core-v1.js';

/** Restart back-off: the first restart is immediate, then `baseMs` doubling up to `maxMs`; a run of `resetAfterMs` forgives. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  readonly resetAfterMs: number;
}

/** Kubernetes' CrashLoopBackOff numbers: 10 s doubling to 5 min, reset after 10 min of running. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 10_000, maxMs: 300_000, resetAfterMs: 600_000 };

/** One run of a container's process. `finishedAtMs` is absent while it runs. */
export interface InstanceView {
  readonly containerID: string;
  readonly imageID: string;
  /** The container's restartCount when this instance started (also the index of its log file). */
  readonly restartCount: number;
  readonly startedAtMs: number;
  readonly finishedAtMs?: number;
  readonly exitCode?: number;
  /** Overrides Completed/Error: `Unknown` (vanished with a previous runtime), `StartError`. */
  readonly reason?: string;
  readonly message?: string;
}

/** Probe results of the running instance (all false when nothing runs). */
export interface ProbeResults {
  /** Startup probe passed (true at once without one). */
  readonly started: boolean;
  /** Readiness: probe passed, or no probe and (for demo images) the port accepts connections. */
  readonly ready: boolean;
  readonly livenessFailed: boolean;
  readonly startupFailed: boolean;
}

/** Why a container could not be started, and when it was last tried (`count` attempts so far). */
export interface StartFailure {
  readonly reason: string;
  readonly message: string;
  readonly count: number;
  readonly atMs: number;
}

/** Why the kubelet is stopping a container. */
export type KillReason = 'deletion' | 'liveness' | 'startup';

/** What the runtime knows about one container (init or app) of a pod. */
export interface ContainerView {
  readonly name: string;
  readonly restartCount: number;
  /** Consecutive short runs, for the restart back-off (0 after a runtime restart). */
  readonly crashes: number;
  readonly current?: InstanceView;
  readonly last?: InstanceView;
  readonly startFailure?: StartFailure;
  readonly killing?: KillReason;
  readonly probes: ProbeResults;
}

/** One entry of the image mapping file: a glob over image names and what to run instead. */
export interface ImageRule {
  readonly image: string;
  readonly command: readonly string[];
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

/** The image mapping file as loaded: its path (for messages), its rules, and a load error if any. */
export interface ImageRules {
  readonly path: string;
  readonly rules: readonly ImageRule[];
  readonly error?: string;
}

/** Everything planPod reads. */
export interface PodView {
  /** The newest known object; for a `gone` pod, the last one seen. */
  readonly pod: Pod;
  /** Deleted from the API (or replaced by a pod of the same name): only stopping is left. */
  readonly gone: boolean;
  readonly nodeName: string;
  /** spec.nodeName is ours, or binding was refused and the pod runs unbound. */
  readonly bound: boolean;
  readonly hostIP: string;
  readonly podIP?: string;
  /** Pod IPs held by other pods. */
  readonly usedIPs: ReadonlySet<string>;
  /** Where pod IP allocation starts (127.1.0.1 unless configured). */
  readonly firstPodIP: string;
  readonly containers: ReadonlyMap<string, ContainerView>;
  readonly images: ImageRules;
  /** argv that runs the built-in demo (`node … dist/src/demo/main.js`). */
  readonly demoCommand: readonly string[];
  /** ConfigMaps and Secrets of the pod's namespace, by name. */
  readonly configMaps: ReadonlyMap<string, ConfigMap>;
  readonly secrets: ReadonlyMap<string, Secret>;
  readonly backoff: BackoffPolicy;
}

/** How to run one container: argv, its environment (without host basics), and the demo readiness port. */
export interface RunSpec {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly imageID: string;
  /** Set for demo images without a readinessProbe: ready only once this port accepts connections. */
  readonly readinessGatePort?: number;
}

/** One step for apply. */
export type KubeletAction =
  | { readonly op: 'bind' }
  | { readonly op: 'assignIP'; readonly ip: string }
  | { readonly op: 'start'; readonly container: string; readonly init: boolean; readonly restartCount: number; readonly run: RunSpec }
  | { readonly op: 'startFailed'; readonly container: string; readonly reason: string; readonly message: string }
  | { readonly op: 'kill'; readonly container: string; readonly reason: KillReason; readonly graceMs: number }
  | { readonly op: 'event'; readonly type: 'Normal' | 'Warning'; readonly reason: string; readonly message: string; readonly component?: 'default-scheduler' }
  | { readonly op: 'status'; readonly status: PodStatus }
  | { readonly op: 'delete' }
  | { readonly op: 'cleanup' };

/** The result of planning one pod. */
export interface PodPlan {
  readonly actions: readonly KubeletAction[];
  readonly requeueAfterMs?: number;
}
