// Builds the read-only PodView the plan takes: the newest pod object, the runtime's container views, the
// namespace's ConfigMaps and Secrets from informer caches, the IPs other pods hold, and the image rules.
import type { ConfigMap, Pod, Secret } from '../../api/core-v1.js';
import type { Informer } from '../../control/informer.js';
import type { BackoffPolicy, ImageRules, PodView } from './plan/types.js';
import { containerViewOf, type PodRecord, type PodRegistry } from './pod-registry.js';

/** Where observation reads from. */
export interface ObserveSources {
  readonly nodeName: string;
  readonly hostIP: string;
  readonly firstPodIP: string;
  readonly pods: Informer<Pod>;
  readonly configMaps: Informer<ConfigMap>;
  readonly secrets: Informer<Secret>;
  readonly registry: PodRegistry;
  readonly images: () => ImageRules;
  readonly demoCommand: readonly string[];
  readonly backoff: BackoffPolicy;
}

/** The newer of two versions of a pod (by resourceVersion, which the embedded store issues as numbers). */
export function newestPod(a: Pod, b: Pod | undefined): Pod {
  if (b === undefined || b.metadata.uid !== a.metadata.uid) return a;
  return Number(b.metadata.resourceVersion ?? 0) > Number(a.metadata.resourceVersion ?? 0) ? b : a;
}

/** True for pods this kubelet runs: bound to it, or not bound yet (it is the only node). */
export function isOurs(pod: Readonly<Pod>, nodeName: string): boolean {
  return pod.spec.nodeName === undefined || pod.spec.nodeName === '' || pod.spec.nodeName === nodeName;
}

function usedIPs(src: ObserveSources, uid: string): Set<string> {
  const used = src.registry.ipsInUse(uid);
  for (const p of src.pods.list()) {
    const ip = p.status?.podIP;
    const terminal = p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
    if (ip !== undefined && ip !== '' && p.metadata.uid !== uid && !terminal) used.add(ip);
  }
  return used;
}

/** The plan's view of `record`, whose newest object is `pod`; `gone` when it left the API. */
export function observePod(src: ObserveSources, record: PodRecord, pod: Pod, gone: boolean): PodView {
  const ns = record.namespace;
  const view: PodView = {
    pod, gone, nodeName: src.nodeName, hostIP: src.hostIP, firstPodIP: src.firstPodIP,
    bound: pod.spec.nodeName === src.nodeName || record.bindRefused !== undefined,
    usedIPs: usedIPs(src, record.uid),
    containers: new Map([...record.containers].map(([name, c]) => [name, containerViewOf(c)])),
    images: src.images(), demoCommand: src.demoCommand,
    configMaps: new Map(src.configMaps.byNamespace(ns).map((c) => [c.metadata.name ?? '', c])),
    secrets: new Map(src.secrets.byNamespace(ns).map((s) => [s.metadata.name ?? '', s])),
    backoff: src.backoff,
  };
  return record.podIP !== undefined ? { ...view, podIP: record.podIP } : view;
}
