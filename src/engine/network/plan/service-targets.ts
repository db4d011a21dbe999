// Where a Service port's traffic goes: the ready addresses of its Endpoints, each with the endpoint port that
// carries the service port's name (the endpoints controller names endpoint ports after service ports).
import type { Endpoints, Service, ServicePort } from '../../../api/core-v1.js';

/** `ip:port` of every ready endpoint of each service port, under `#<port>` and, when named, `@<name>`. */
export type ServiceTargets = ReadonlyMap<string, readonly string[]>;

/** Lookup key of a service port by number (`#80`) or by name (`@http`). */
export function portKey(port: number | string): string {
  return typeof port === 'number' ? `#${port}` : `@${port}`;
}

function targetsOf(sp: Readonly<ServicePort>, ep: Readonly<Endpoints> | undefined): string[] {
  const name = sp.name ?? '';
  const protocol = sp.protocol ?? 'TCP';
  const out: string[] = [];
  for (const subset of ep?.subsets ?? []) {
    const port = subset.ports?.find((p) => (p.name ?? '') === name && (p.protocol ?? 'TCP') === protocol);
    if (port === undefined) continue;
    for (const a of subset.addresses ?? []) {
      const target = a.ip.includes(':') ? `[${a.ip}]:${port.port}` : `${a.ip}:${port.port}`;
      if (!out.includes(target)) out.push(target);
    }
  }
  return out;
}

/**
 * The targets of every TCP port of `svc`. Example: port 80 (unnamed) → targetPort 8080, Endpoints with ready
 * 127.1.0.2 and not-ready 127.1.0.3 → `#80` → [`127.1.0.2:8080`].
 */
export function computeServiceTargets(svc: Readonly<Service>, ep: Readonly<Endpoints> | undefined): ServiceTargets {
  const out = new Map<string, readonly string[]>();
  for (const sp of svc.spec.ports ?? []) {
    if ((sp.protocol ?? 'TCP') !== 'TCP') continue;
    const targets = targetsOf(sp, ep);
    out.set(portKey(sp.port), targets);
    if (sp.name !== undefined && sp.name !== '') out.set(portKey(sp.name), targets);
  }
  return out;
}

/** Every target of every service, for deciding which upstream connection pools are still needed. */
export function allTargets(tables: Iterable<ServiceTargets>): Set<string> {
  const out = new Set<string>();
  for (const t of tables) for (const list of t.values()) for (const x of list) out.add(x);
  return out;
}
