// `kubectl get svc`: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE (+ SELECTOR).
import type { Service, ServicePort } from '../../../api/core-v1.js';
import { isService } from './kind-guards.js';
import { ageColumn, column, kindPrinter, nameCell, nameColumn, objectAge, type Printer, type TableCell } from './printer.js';
import { formatLabels } from './selector-cells.js';

/** Sorted, de-duplicated load-balancer addresses (IP, else hostname) joined by commas; `''` when none. */
export function loadBalancerAddresses(ingress: readonly { ip?: string; hostname?: string }[] | undefined): string {
  const set = new Set<string>();
  for (const i of ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(',');
}

/**
 * The External-IP cell: spec.externalIPs for ClusterIP/NodePort (`<none>` without), load-balancer
 * addresses then externalIPs for LoadBalancer (`<pending>` while there are none), externalName for
 * ExternalName.
 */
export function externalIpCell(svc: Readonly<Service>): string {
  const externalIPs = svc.spec.externalIPs ?? [];
  switch (svc.spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(svc.status?.loadBalancer?.ingress);
      const all = [...(lb === '' ? [] : lb.split(',')), ...externalIPs];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** The Port(s) cell: `80/TCP`, `80:30080/TCP` with a node port, comma-joined; `<none>` without ports. */
export function portsCell(ports: readonly ServicePort[] | undefined): string {
  const text = (ports ?? [])
    .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`)
    .join(',');
  return text === '' ? '<none>' : text;
}

function serviceCells(svc: Service, nowMs: number): TableCell[] {
  // Defaulting fills clusterIPs from clusterIP; read both so either form prints.
  const clusterIP = svc.spec.clusterIPs?.[0] || svc.spec.clusterIP || '<none>';
  return [
    nameCell(svc), svc.spec.type ?? 'ClusterIP', clusterIP, externalIpCell(svc), portsCell(svc.spec.ports),
    objectAge(svc, nowMs), formatLabels(svc.spec.selector),
  ];
}

/** Printer for `services`. */
export const servicePrinter: Printer = kindPrinter(
  [
    nameColumn,
    column('Type', 'string', 'How the service is exposed (spec.type).'),
    column('Cluster-IP', 'string', 'Virtual IP of the service inside the cluster (spec.clusterIPs[0]).'),
    column('External-IP', 'string', 'Addresses the service is reachable on from outside the cluster.'),
    column('Port(s)', 'string', 'Ports the service exposes, with node ports.'),
    ageColumn,
    column('Selector', 'string', 'Labels of the pods that receive the traffic (spec.selector).', { priority: 1 }),
  ],
  isService,
  serviceCells,
);
