// `kubectl get endpoints` and `kubectl get ingress` rows.
import type { Endpoints, EndpointSubset } from '../../../api/core-v1.js';
import type { Ingress, IngressRule } from '../../../api/networking-v1.js';
import { isEndpoints, isIngress } from './kind-guards.js';
import { ageColumn, column, kindPrinter, nameCell, nameColumn, objectAge, type Printer, type TableCell } from './printer.js';
import { loadBalancerAddresses } from './service-printer.js';

const MAX_LISTED = 3;

/**
 * The Endpoints cell: up to three `ip:port` pairs (bare IPs for subsets without ports, `[v6]:port`
 * for IPv6), then ` + N more...` where N counts every address/port pair; `<none>` without subsets.
 * Example: four ready addresses on port 8080 → `10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 1 more...`.
 */
export function endpointsCell(subsets: readonly EndpointSubset[] | undefined): string {
  if (subsets === undefined || subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    const perPort = ports.length === 0 ? [undefined] : ports.map((p) => p.port);
    for (const port of perPort) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX_LISTED) break;
        list.push(port === undefined ? a.ip : joinHostPort(a.ip, port));
      }
    }
  }
  const text = list.join(',');
  return count > MAX_LISTED ? `${text} + ${count - MAX_LISTED} more...` : text;
}

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The Hosts cell: the first three non-empty rule hosts, ` + N more...` over all rules past three, `*` when none. */
export function hostsCell(rules: readonly IngressRule[] | undefined): string {
  const all = rules ?? [];
  const list: string[] = [];
  let more = false;
  for (const rule of all) {
    if (list.length === MAX_LISTED) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  return more ? `${list.join(',')} + ${all.length - MAX_LISTED} more...` : list.join(',');
}

function ingressCells(ing: Ingress, nowMs: number): TableCell[] {
  return [
    nameCell(ing),
    ing.spec.ingressClassName ?? '<none>',
    hostsCell(ing.spec.rules),
    loadBalancerAddresses(ing.status?.loadBalancer?.ingress),
    // Upstream prints the ports the ingress controller opens: 443 joins 80 as soon as TLS is configured.
    (ing.spec.tls ?? []).length > 0 ? '80, 443' : '80',
    objectAge(ing, nowMs),
  ];
}

/** Printer for `endpoints`. */
export const endpointsPrinter: Printer = kindPrinter(
  [nameColumn, column('Endpoints', 'string', 'Addresses and ports of the ready endpoints.'), ageColumn],
  isEndpoints,
  (ep: Endpoints, nowMs): TableCell[] => [nameCell(ep), endpointsCell(ep.subsets), objectAge(ep, nowMs)],
);

/** Printer for ingresses (networking.k8s.io and the chapter's extensions/v1beta1). */
export const ingressPrinter: Printer = kindPrinter(
  [
    nameColumn,
    column('Class', 'string', 'IngressClass that handles this ingress (spec.ingressClassName).'),
    column('Hosts', 'string', 'Host names the rules match, from spec.rules[].host.'),
    column('Address', 'string', 'Addresses the ingress controller published in status.loadBalancer.'),
    column('Ports', 'string', 'Ports the ingress controller serves: 80, plus 443 with TLS.'),
    ageColumn,
  ],
  isIngress,
  ingressCells,
);
