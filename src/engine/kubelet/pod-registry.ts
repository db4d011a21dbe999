// What the kubelet knows about the pods it runs, beyond the API: per pod its IP, directory and last
// written object; per container its instances, back-off counters, probe results and process. Mutable by
// design (it is the runtime); plans only ever see the frozen views built by `containerViewOf`.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Pod } from '../../api/core-v1.js';
import { keyOf, type ObjectKey } from '../../api/object-key.js';
import type { ContainerProcess } from './container-process.js';
import type { ContainerProber } from './container-prober.js';
import type { LogWriter } from './log-file.js';
import { emptyContainerView } from './plan/plan-container.js';
import { restoreContainerViews } from './plan/restore-containers.js';
import type { ContainerView, InstanceView, KillReason, ProbeResults, StartFailure } from './plan/types.js';

/** The runtime state of one container. */
export interface ContainerRecord {
  readonly name: string;
  restartCount: number;
  crashes: number;
  current?: InstanceView;
  last?: InstanceView;
  startFailure?: StartFailure;
  killing?: KillReason;
  probes: ProbeResults;
  process?: ContainerProcess;
  prober?: ContainerProber;
  log?: LogWriter;
}

/** The runtime state of one pod (by uid). */
export interface PodRecord {
  readonly uid: string;
  readonly key: ObjectKey;
  readonly namespace: string;
  readonly name: string;
  /** `<dataDir>/pods/<namespace>_<name>_<uid>`: `root/` is the working directory, `logs/` the output. */
  readonly dir: string;
  podIP?: string;
  /** Set when the API refused to bind the pod; it then runs unbound. */
  bindRefused?: string;
  lastPod: Pod;
  /** The object returned by our last write (newer than the informer cache until the watch catches up). */
  written?: Pod;
  readonly containers: Map<string, ContainerRecord>;
}

/** A frozen copy of a container record for the plan. */
export function containerViewOf(r: Readonly<ContainerRecord>): ContainerView {
  return {
    name: r.name, restartCount: r.restartCount, crashes: r.crashes, probes: { ...r.probes },
    ...(r.current !== undefined ? { current: r.current } : {}), ...(r.last !== undefined ? { last: r.last } : {}),
    ...(r.startFailure !== undefined ? { startFailure: r.startFailure } : {}), ...(r.killing !== undefined ? { killing: r.killing } : {}),
  };
}

/** The log file of one container instance. */
export function logPath(record: Pick<PodRecord, 'dir'>, container: string, restartCount: number): string {
  return join(record.dir, 'logs', container, `${restartCount}.log`);
}

/** All pod records of this kubelet. */
export class PodRegistry {
  private readonly byUid = new Map<string, PodRecord>();

  constructor(private readonly podsDir: string) {}

  get(uid: string): PodRecord | undefined { return this.byUid.get(uid); }
  all(): PodRecord[] { return [...this.byUid.values()]; }
  forKey(key: ObjectKey): PodRecord[] { return this.all().filter((r) => r.key === key); }
  remove(uid: string): void { this.byUid.delete(uid); }

  /** The newest record for a pod name (for logs). */
  byName(namespace: string, name: string): PodRecord | undefined {
    return this.all().filter((r) => r.namespace === namespace && r.name === name).at(-1);
  }

  /** Starts tracking `pod`, restoring container state from its stored status (after a runtime restart). */
  add(pod: Pod, nowMs: number): PodRecord {
    const uid = pod.metadata.uid ?? '';
    const namespace = pod.metadata.namespace ?? 'default';
    const name = pod.metadata.name ?? '';
    const containers = new Map<string, ContainerRecord>();
    for (const [n, v] of restoreContainerViews(pod, nowMs)) containers.set(n, { ...emptyContainerView(n), ...v, probes: { ...v.probes } });
    const record: PodRecord = { uid, key: keyOf(pod), namespace, name, dir: join(this.podsDir, `${namespace}_${name}_${uid}`), lastPod: pod, containers };
    if (pod.status?.podIP !== undefined && pod.status.podIP !== '') record.podIP = pod.status.podIP;
    this.byUid.set(uid, record);
    return record;
  }

  /** Pod IPs held by records other than `exceptUid`. */
  ipsInUse(exceptUid: string): Set<string> {
    return new Set(this.all().filter((r) => r.uid !== exceptUid && r.podIP !== undefined).map((r) => r.podIP ?? ''));
  }
}

/** Removes pod directories (`<ns>_<name>_<uid>`) whose uid is not in `liveUids`: pods deleted while no kubelet ran. */
export function removeOrphanPodDirs(podsDir: string, liveUids: ReadonlySet<string>): string[] {
  let names: string[];
  try { names = readdirSync(podsDir); } catch { return []; }
  const orphans = names.filter((n) => !liveUids.has(n.slice(n.lastIndexOf('_') + 1)));
  for (const n of orphans) rmSync(join(podsDir, n), { recursive: true, force: true });
  return orphans;
}
