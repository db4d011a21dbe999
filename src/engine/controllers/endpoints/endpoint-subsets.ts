// The Endpoints subsets of one Service, as Kubernetes' endpoints controller computes them: every pod the
// selector matches that has an IP, is not terminal and (unless publishNotReadyAddresses) not terminating,
// goes to `addresses` when Ready and to `notReadyAddresses` otherwise, once per service port whose targetPort
// it resolves (a number as is, a name through the pod's container ports); addresses offering the same ports
// share a subset (RepackSubsets). Order is deterministic: addresses by IP then pod uid, ports by name then port.
import type { EndpointAddress, EndpointSubset, Pod, Service, ServicePort } from '../../../api/core-v1.js';
import { matchesSelector } from '../../../api/label-selector.js';

type EndpointPort = NonNullable<EndpointSubset['ports']>[number];

/** True when the pod's Ready condition is True. */
export function isPodReady(pod: Readonly<Pod>): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** The pod port a service port's targetPort names, or undefined when the pod has no such named port. */
export function findPodPort(pod: Readonly<Pod>, sp: Readonly<ServicePort>): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  const protocol = sp.protocol ?? 'TCP';
  for (const c of pod.spec.containers) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

/** ShouldPodBeInEndpoints: not Succeeded/Failed, has an IP, and not terminating unless unready ones are published. */
function isEndpointCandidate(pod: Readonly<Pod>, publishNotReady: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if ((pod.status?.podIP ?? '') === '') return false;
  return publishNotReady || pod.metadata.deletionTimestamp === undefined;
}

function addressOf(pod: Readonly<Pod>, svc: Readonly<Service>): EndpointAddress {
  const a: EndpointAddress = {
    ip: pod.status?.podIP ?? '',
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' },
  };
  if (pod.spec.nodeName !== undefined && pod.spec.nodeName !== '') a.nodeName = pod.spec.nodeName;
  const hostname = pod.spec.hostname;
  if (typeof hostname === 'string' && hostname !== '' && pod.spec['subdomain'] === svc.metadata.name) a.hostname = hostname;
  return a;
}

function endpointPort(sp: Readonly<ServicePort>, port: number): EndpointPort {
  const p: EndpointPort = sp.name !== undefined && sp.name !== '' ? { name: sp.name, port, protocol: sp.protocol ?? 'TCP' } : { port, protocol: sp.protocol ?? 'TCP' };
  if (sp.appProtocol !== undefined) p.appProtocol = sp.appProtocol;
  return p;
}

function ipKey(ip: string): string {
  const parts = ip.split('.');
  return parts.length === 4 ? parts.map((p) => p.padStart(3, '0')).join('.') : ip;
}

function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  const ka = `${ipKey(a.ip)}|${a.targetRef?.uid ?? ''}`;
  const kb = `${ipKey(b.ip)}|${b.targetRef?.uid ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

const portText = (p: EndpointPort): string => `${p.name ?? ''}|${String(p.port).padStart(5, '0')}|${p.protocol ?? ''}`;

interface Entry { address: EndpointAddress; ready: boolean }

function buildSubset(ports: EndpointPort[], entries: Entry[]): EndpointSubset {
  const ready = entries.filter((e) => e.ready).map((e) => e.address).sort(compareAddresses);
  const notReady = entries.filter((e) => !e.ready).map((e) => e.address).sort(compareAddresses);
  const s: EndpointSubset = {};
  if (ready.length > 0) s.addresses = ready;
  if (notReady.length > 0) s.notReadyAddresses = notReady;
  if (ports.length > 0) s.ports = ports.sort((a, b) => portText(a).localeCompare(portText(b)));
  return s;
}

/** Groups (port → addresses) into subsets whose addresses share exactly the same ports. */
function repack(byPort: Map<string, { port: EndpointPort | undefined; entries: Map<string, Entry> }>): EndpointSubset[] {
  const groups = new Map<string, { ports: EndpointPort[]; entries: Entry[] }>();
  for (const { port, entries } of byPort.values()) {
    const key = [...entries.keys()].sort().map((k) => `${k}=${entries.get(k)?.ready === true ? 1 : 0}`).join(',');
    const g = groups.get(key) ?? { ports: [], entries: [...entries.values()] };
    if (port !== undefined) g.ports.push(port);
    groups.set(key, g);
  }
  const subsets = [...groups.values()].map((g) => buildSubset(g.ports, g.entries));
  const order = (s: EndpointSubset): string => `${ipKey((s.addresses ?? s.notReadyAddresses ?? [])[0]?.ip ?? '')} ${(s.ports ?? []).map(portText).join(',')}`;
  return subsets.sort((a, b) => order(a).localeCompare(order(b)));
}

/**
 * The subsets for `svc` from the pods of its namespace. Example: port 80 → targetPort 8080, pods a (Ready,
 * 127.1.0.2), b (not Ready, 127.1.0.3), c (terminating) → one subset: addresses [a], notReadyAddresses [b], port 8080.
 */
export function computeEndpointSubsets(svc: Readonly<Service>, pods: readonly Readonly<Pod>[]): EndpointSubset[] {
  const selector = svc.spec.selector ?? {};
  const publishNotReady = svc.spec['publishNotReadyAddresses'] === true;
  const ports = svc.spec.ports ?? [];
  const byPort = new Map<string, { port: EndpointPort | undefined; entries: Map<string, Entry> }>();
  const add = (port: EndpointPort | undefined, entry: Entry): void => {
    const key = port === undefined ? '' : portText(port);
    const slot = byPort.get(key) ?? { port, entries: new Map<string, Entry>() };
    slot.entries.set(`${entry.address.ip}/${entry.address.targetRef?.uid ?? ''}`, entry);
    byPort.set(key, slot);
  };
  for (const pod of pods) {
    if (!matchesSelector({ matchLabels: selector }, pod.metadata.labels) || !isEndpointCandidate(pod, publishNotReady)) continue;
    const entry = { address: addressOf(pod, svc), ready: publishNotReady || isPodReady(pod) };
    if (ports.length === 0 && svc.spec.clusterIP === 'None') add(undefined, entry);
    for (const sp of ports) {
      const port = findPodPort(pod, sp);
      if (port !== undefined) add(endpointPort(sp, port), entry);
    }
  }
  return repack(byPort);
}
