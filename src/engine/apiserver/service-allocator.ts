// Allocates Service cluster IPs and node ports. Cluster IPs are loopback addresses (127.96.0.0/16) so the
// embedded network can really listen on them; node ports come from 30000–32767 as in Kubernetes.
import { isJsonObject, type KubeObject } from '../../api/meta.js';
import type { Store } from '../store/store.js';

export const CLUSTER_IP_PREFIX = '127.96.';
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

export interface ServiceAllocator {
  /** A free cluster IP. */
  clusterIP(): string;
  /** A free node port. */
  nodePort(taken?: ReadonlySet<number>): number;
}

function usedBy(store: Store): { ips: Set<string>; ports: Set<number> } {
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const svc of store.list('services')) {
    const spec = isJsonObject(svc['spec']) ? svc['spec'] : {};
    if (typeof spec['clusterIP'] === 'string') ips.add(spec['clusterIP']);
    for (const p of Array.isArray(spec['ports']) ? spec['ports'] : []) {
      if (isJsonObject(p) && typeof p['nodePort'] === 'number') ports.add(p['nodePort']);
    }
  }
  return { ips, ports };
}

/** An allocator that looks at the stored Services. `random` picks node ports (Kubernetes picks at random too). */
export function storeAllocator(store: Store, random: () => number = Math.random, prefix = CLUSTER_IP_PREFIX): ServiceAllocator {
  return {
    clusterIP() {
      const { ips } = usedBy(store);
      // .0.1 is left out, like the kubernetes Service's first address on a real cluster.
      for (let i = 2; i < 65534; i++) {
        const ip = `${prefix}${Math.floor(i / 256)}.${i % 256}`;
        if (i % 256 !== 0 && i % 256 !== 255 && !ips.has(ip)) return ip;
      }
      throw new RangeError(`no free cluster IP left in ${prefix}0.0/16`);
    },
    nodePort(taken = new Set()) {
      const { ports } = usedBy(store);
      const span = NODE_PORT_MAX - NODE_PORT_MIN + 1;
      const start = Math.floor(random() * span);
      for (let i = 0; i < span; i++) {
        const port = NODE_PORT_MIN + ((start + i) % span);
        if (!ports.has(port) && !taken.has(port)) return port;
      }
      throw new RangeError('no free node port left in 30000-32767');
    },
  };
}

/** Fills a Service's missing cluster IP and node ports. Returns a new object. */
export function allocateServiceAddresses(svc: KubeObject, alloc: ServiceAllocator): KubeObject {
  const spec = isJsonObject(svc['spec']) ? { ...svc['spec'] } : {};
  if (spec['type'] === 'ExternalName') return svc;
  if (spec['clusterIP'] === undefined || spec['clusterIP'] === '') {
    spec['clusterIP'] = alloc.clusterIP();
    spec['clusterIPs'] = [spec['clusterIP']];
  }
  if (spec['type'] === 'NodePort' || spec['type'] === 'LoadBalancer') {
    const taken = new Set<number>();
    spec['ports'] = (Array.isArray(spec['ports']) ? spec['ports'] : []).map((p) => {
      if (!isJsonObject(p) || typeof p['nodePort'] === 'number') return p;
      const nodePort = alloc.nodePort(taken);
      taken.add(nodePort);
      return { ...p, nodePort };
    });
  }
  return { ...svc, spec };
}
