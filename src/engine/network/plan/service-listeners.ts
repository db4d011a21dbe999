// Which sockets the service proxies listen on: `<clusterIP>:<port>` for every TCP port of a Service with a
// cluster IP, and `<host>:<nodePort>` for NodePort and LoadBalancer Services. Headless and ExternalName
// Services get none.
import type { Service } from '../../../api/core-v1.js';

/** What a listening socket forwards to: a service and one of its ports. */
export interface ListenerBinding {
  /** `namespace/name` of the Service. */
  readonly serviceKey: string;
  /** The service port number (the targets are kept under `#<port>`). */
  readonly port: number;
  readonly address: string;
  readonly listenPort: number;
  readonly via: 'clusterIP' | 'nodePort';
}

/** `address:port` → binding for every service port that should be listened on. */
export function computeListeners(services: readonly Readonly<Service>[], nodeHost: string): Map<string, ListenerBinding> {
  const out = new Map<string, ListenerBinding>();
  const sorted = [...services].sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
  for (const svc of sorted) {
    const spec = svc.spec;
    if (spec.type === 'ExternalName') continue;
    const serviceKey = `${svc.metadata.namespace ?? ''}/${svc.metadata.name ?? ''}`;
    const clusterIP = spec.clusterIP;
    const nodePorts = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
    for (const sp of spec.ports ?? []) {
      if ((sp.protocol ?? 'TCP') !== 'TCP') continue;
      const add = (address: string, listenPort: number, via: ListenerBinding['via']): void => {
        const key = `${address}:${listenPort}`;
        if (!out.has(key)) out.set(key, { serviceKey, port: sp.port, address, listenPort, via });
      };
      if (clusterIP !== undefined && clusterIP !== '' && clusterIP !== 'None') add(clusterIP, sp.port, 'clusterIP');
      if (nodePorts && sp.nodePort !== undefined && sp.nodePort > 0) add(nodeHost, sp.nodePort, 'nodePort');
    }
  }
  return out;
}
