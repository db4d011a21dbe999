// TLS for the ingress, as ingress-nginx decides it: which Secret serves each host (`spec.tls[].hosts` of the
// served, non-canary Ingresses, oldest Ingress first) and which locations redirect plain HTTP to HTTPS —
// `ssl-redirect` (annotation, else the ConfigMap key, default true) when the host has a certificate, or
// `force-ssl-redirect` even when it has none.
import type { Ingress } from '../../../api/networking-v1.js';
import { parseCanaryPolicy } from './canary-policy.js';
import { compareIngresses, isServedIngress } from './ingress-routes.js';

/** A `kubernetes.io/tls` Secret. */
export interface SecretRef {
  readonly namespace: string;
  readonly name: string;
}

export interface TlsPlan {
  /** Lower-case host (or `*.suffix`) → the Secret with its certificate. */
  readonly certs: ReadonlyMap<string, SecretRef>;
  /** `redirectKey(namespace, ingress, host)` of the locations that answer HTTP with a 308 to HTTPS. */
  readonly redirects: ReadonlySet<string>;
}

export const EMPTY_TLS_PLAN: TlsPlan = Object.freeze({ certs: new Map<string, SecretRef>(), redirects: new Set<string>() });

const A = 'nginx.ingress.kubernetes.io/';

/** The key of one location's redirect decision. */
export function redirectKey(namespace: string, ingress: string, host: string): string {
  return `${namespace}/${ingress} ${host}`;
}

/** Go's strconv.ParseBool, as ingress-nginx reads boolean annotations; anything else keeps `fallback`. */
function flag(value: string | undefined, fallback: boolean): boolean {
  if (value !== undefined && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (value !== undefined && ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return fallback;
}

/** The Secret for a request's host: exact, then a `*.` wildcard one label up. */
export function certFor(plan: TlsPlan, host: string): SecretRef | undefined {
  const exact = plan.certs.get(host);
  if (exact !== undefined) return exact;
  const dot = host.indexOf('.');
  return dot < 0 ? undefined : plan.certs.get(`*${host.slice(dot)}`);
}

/** Builds the plan from every Ingress and the ingress ConfigMap's data. */
export function computeTlsPlan(ingresses: readonly Readonly<Ingress>[], ingressClass: string, config: Readonly<Record<string, string>> | undefined): TlsPlan {
  const served = ingresses.filter((i) => isServedIngress(i, ingressClass) && parseCanaryPolicy(i.metadata.annotations) === undefined).sort(compareIngresses);
  const certs = new Map<string, SecretRef>();
  for (const ing of served) {
    for (const tls of ing.spec.tls ?? []) {
      if (tls.secretName === undefined || tls.secretName === '') continue;
      for (const h of tls.hosts ?? []) {
        const host = h.toLowerCase();
        if (!certs.has(host)) certs.set(host, { namespace: ing.metadata.namespace ?? 'default', name: tls.secretName });
      }
    }
  }
  const defaultRedirect = flag(config?.['ssl-redirect'], true);
  const plan: TlsPlan = { certs, redirects: new Set() };
  const redirects = new Set<string>();
  for (const ing of served) {
    const notes = ing.metadata.annotations ?? {};
    const force = flag(notes[`${A}force-ssl-redirect`], false);
    const ssl = flag(notes[`${A}ssl-redirect`], defaultRedirect);
    for (const rule of ing.spec.rules ?? []) {
      const host = (rule.host ?? '').toLowerCase();
      if (host === '') continue;
      if (force || (ssl && certFor(plan, host) !== undefined)) redirects.add(redirectKey(ing.metadata.namespace ?? 'default', ing.metadata.name ?? '', host));
    }
  }
  return { certs, redirects };
}
