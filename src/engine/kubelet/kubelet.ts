// The embedded kubelet: watches pods, binds unscheduled ones to its node, and runs each as local
// processes — observe (caches + runtime) → planPod (pure) → apply (client and process runtime).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigMap, Pod, Secret } from '../../api/core-v1.js';
import { keyOf, type ObjectKey } from '../../api/object-key.js';
import { R } from '../../api/resources.js';
import type { KubeClient } from '../../control/client.js';
import { runController } from '../../control/controller.js';
import { EventRecorder } from '../../control/event-recorder.js';
import { Informer } from '../../control/informer.js';
import type { Outcome } from '../../control/outcome.js';
import { systemTimers, type Timers } from '../../control/timers.js';
import { WorkQueue } from '../../control/work-queue.js';
import { systemClock, type Clock } from '../../lib/clock.js';
import { logger, type Logger } from '../../lib/log.js';
import type { PodLogSource } from '../apiserver/server-context.js';
import type { ApplyDeps } from './apply-pod.js';
import { findSetpriv } from './container-process.js';
import { ProcessRuntime } from './container-runtime.js';
import { defaultDemoEntry, demoArgv } from './demo-command.js';
import { loadImageRules, watchImageRules } from './image-rules-file.js';
import { registerNode } from './node-registration.js';
import type { ObserveSources } from './observe-pod.js';
import { DEFAULT_BACKOFF, type BackoffPolicy, type ImageRules } from './plan/types.js';
import { podLogSource } from './pod-logs.js';
import { FIRST_POD_IP } from './plan/pod-ip.js';
import { PodRegistry, removeOrphanPodDirs } from './pod-registry.js';
import { reconcilePod } from './reconcile-pod.js';
import { markerOf, ProcessTable, processTablePath, reapSurvivors } from './process-table.js';

/** Options of startKubelet. */
export interface KubeletOptions {
  client: KubeClient;
  /** The node this kubelet registers and binds pods to (default `sluice`). */
  nodeName?: string;
  /** Pod directories, logs, the process table and (by default) images.yaml live here. */
  dataDir: string;
  /** The demo's entry script (default: src/demo/main.ts from source, dist/src/demo/main.js compiled). */
  demoEntry?: string;
  /** First pod IP handed out (default 127.1.0.1); parallel test runtimes use distinct ranges. */
  firstPodIP?: string;
  /** The image mapping file (default `<dataDir>/images.yaml`). */
  imageMapFile?: string;
  clock?: Clock;
  timers?: Timers;
  log?: Logger;
  /** Restart back-off (default 10 s doubling to 5 min, reset after 10 min); tests shorten it. */
  backoff?: Partial<BackoffPolicy>;
  /** Per-instance log file budget in bytes (default 10 MiB). */
  maxLogBytes?: number;
  /** How long containers get to exit on SIGTERM when the kubelet stops (default 2 s). */
  stopGraceMs?: number;
  workers?: number;
}

/** A running kubelet. */
export interface Kubelet {
  /** `kubectl logs` source for the API server (`ApiServer.setLogSource`). */
  readonly logs: PodLogSource;
  /** Stops watching and terminates every container process (pods stay as they are in the API). */
  stop(): Promise<void>;
}

const HOST_IP = '127.0.0.1';

/** Everything a running kubelet holds. */
interface Parts {
  readonly sources: ObserveSources;
  readonly apply: ApplyDeps;
  readonly queue: WorkQueue<ObjectKey>;
  readonly informers: readonly { start(): void; synced(): Promise<boolean>; stop(): Promise<void> }[];
  readonly recorders: readonly EventRecorder[];
  readonly runtime: ProcessRuntime;
  readonly stopWatchingImages: () => void;
}

function unhealthyMessage(kind: string, message: string): string {
  return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} probe failed: ${message}`;
}

function buildParts(opts: KubeletOptions, nodeName: string, clock: Clock, timers: Timers, log: Logger): Parts {
  const backoff: BackoffPolicy = { ...DEFAULT_BACKOFF, ...opts.backoff };
  const imagePath = opts.imageMapFile ?? join(opts.dataDir, 'images.yaml');
  let images: ImageRules = loadImageRules(imagePath);
  const registry = new PodRegistry(join(opts.dataDir, 'pods'));
  const queue = new WorkQueue<ObjectKey>({ clock, timers });
  const pods = new Informer<Pod>(opts.client, R.pods, { clock, timers, log });
  const configMaps = new Informer<ConfigMap>(opts.client, R.configmaps, { clock, timers, log });
  const secrets = new Informer<Secret>(opts.client, R.secrets, { clock, timers, log });
  const recorder = new EventRecorder(opts.client, { component: 'kubelet', instance: nodeName, clock, log });
  const schedulerRecorder = new EventRecorder(opts.client, { component: 'default-scheduler', clock, log });
  const runtime = new ProcessRuntime({
    clock, timers, setpriv: findSetpriv(), marker: markerOf(opts.dataDir), table: new ProcessTable(processTablePath(opts.dataDir)),
    maxLogBytes: opts.maxLogBytes ?? 10 * 1024 * 1024, backoff,
    notify: (r) => queue.add(r.key),
    unhealthy: (r, _container, kind, message) => recorder.event(r.written ?? r.lastPod, 'Warning', 'Unhealthy', unhealthyMessage(kind, message)),
  });
  const stopWatchingImages = watchImageRules(imagePath, () => {
    images = loadImageRules(imagePath);
    for (const r of registry.all()) queue.add(r.key);
  });
  const sources: ObserveSources = {
    nodeName, hostIP: HOST_IP, firstPodIP: opts.firstPodIP ?? FIRST_POD_IP, pods, configMaps, secrets, registry, images: () => images,
    demoCommand: demoArgv(opts.demoEntry ?? defaultDemoEntry()), backoff,
  };
  const apply: ApplyDeps = { client: opts.client, runtime, registry, recorder, schedulerRecorder, clock, nodeName, log };
  return { sources, apply, queue, informers: [pods, configMaps, secrets], recorders: [recorder, schedulerRecorder], runtime, stopWatchingImages };
}

/** Pod events enqueue the pod; ConfigMap/Secret changes enqueue the pods of their namespace. */
function wireEvents(p: Parts): void {
  const { pods, configMaps, secrets, registry } = p.sources;
  const enqueueNamespace = (o: { metadata: { namespace?: string } }): void => {
    for (const r of registry.all()) if (r.namespace === o.metadata.namespace) p.queue.add(r.key);
  };
  pods.onAdd((x) => p.queue.add(keyOf(x)));
  pods.onUpdate((_o, x) => p.queue.add(keyOf(x)));
  pods.onDelete((x) => p.queue.add(keyOf(x)));
  configMaps.onAdd(enqueueNamespace);
  configMaps.onUpdate((_o, x) => enqueueNamespace(x));
  secrets.onAdd(enqueueNamespace);
  secrets.onUpdate((_o, x) => enqueueNamespace(x));
}

/**
 * Starts the kubelet: kills processes left by an earlier run on the same data directory, registers the
 * node, and resolves once the pod cache has synced (pods that should run are being started).
 */
export async function startKubelet(opts: KubeletOptions): Promise<Kubelet> {
  const nodeName = opts.nodeName ?? 'sluice';
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? logger('kubelet');
  mkdirSync(join(opts.dataDir, 'pods'), { recursive: true });
  const reaped = await reapSurvivors(opts.dataDir);
  if (reaped.length > 0) log.info('killed processes left by a previous run', { pids: reaped.join(',') });
  const p = buildParts(opts, nodeName, clock, opts.timers ?? systemTimers, log);
  wireEvents(p);
  const abort = new AbortController();
  const reconcile = (key: ObjectKey): Promise<Outcome> => reconcilePod(p.sources, p.apply, key, clock.now());
  const controller = runController({ name: 'kubelet', queue: p.queue, workers: opts.workers ?? 4, reconcile, log, signal: abort.signal, clock });
  await registerNode(opts.client, nodeName, HOST_IP, clock.now())
    .catch((e: unknown) => log.warn('cannot register the node', { node: nodeName, error: e instanceof Error ? e : String(e) }));
  for (const inf of p.informers) inf.start();
  await Promise.all(p.informers.map((inf) => inf.synced()));
  removeOrphanPodDirs(join(opts.dataDir, 'pods'), new Set(p.sources.pods.list().map((x) => x.metadata.uid ?? '')));
  return {
    logs: podLogSource(p.sources.registry, clock),
    stop: async () => {
      abort.abort();
      p.stopWatchingImages();
      await Promise.all([...p.informers.map((inf) => inf.stop()), controller.stopped]);
      await p.runtime.stopAll(p.sources.registry.all(), opts.stopGraceMs ?? 2000);
      await Promise.all(p.recorders.map((r) => r.flush()));
    },
  };
}
