// Reading an extensions/v1beta1 (or networking.k8s.io/v1beta1) stable Ingress in networking.k8s.io/v1 terms, so
// the canary Ingress is always written as v1: `serviceName`/`servicePort` become `service.name`/`service.port`.
import type { HTTPIngressPath, IngressBackend, IngressBackendV1beta1, IngressRule, IngressSpec } from '../../api/networking-v1.js';

/** A v1beta1 Ingress spec as the wire carries it. */
export interface IngressSpecV1beta1 {
  ingressClassName?: string;
  backend?: IngressBackendV1beta1;
  tls?: { hosts?: string[]; secretName?: string }[];
  rules?: { host?: string; http?: { paths?: { path?: string; pathType?: HTTPIngressPath['pathType']; backend?: IngressBackendV1beta1 }[] } }[];
}

/**
 * The v1 backend of a v1beta1 one: `{serviceName: web, servicePort: 80}` → `{service: {name: web, port: {number: 80}}}`;
 * a named port (`http`) becomes `port.name`; a numeric string (`"80"`) a number.
 */
export function backendFromV1beta1(b: Readonly<IngressBackendV1beta1>): IngressBackend {
  const out: IngressBackend = {};
  if (b.serviceName !== undefined) {
    const p = b.servicePort;
    const port = typeof p === 'number' ? { number: p } : p !== undefined && /^\d+$/.test(p) ? { number: Number(p) } : p !== undefined ? { name: p } : {};
    out.service = { name: b.serviceName, port };
  }
  if (b.resource !== undefined) out.resource = { ...b.resource };
  return out;
}

/** The v1 spec of a v1beta1 Ingress spec; a path without `pathType` gets `ImplementationSpecific` (the v1beta1 default). */
export function ingressSpecFromV1beta1(spec: Readonly<IngressSpecV1beta1>): IngressSpec {
  const out: IngressSpec = {};
  if (spec.ingressClassName !== undefined) out.ingressClassName = spec.ingressClassName;
  if (spec.backend !== undefined) out.defaultBackend = backendFromV1beta1(spec.backend);
  if (spec.tls !== undefined) out.tls = spec.tls.map((t) => ({ ...t }));
  if (spec.rules !== undefined) out.rules = spec.rules.map(ruleFromV1beta1);
  return out;
}

function ruleFromV1beta1(r: NonNullable<IngressSpecV1beta1['rules']>[number]): IngressRule {
  const rule: IngressRule = {};
  if (r.host !== undefined) rule.host = r.host;
  if (r.http !== undefined) {
    rule.http = {
      paths: (r.http.paths ?? []).map((p) => ({
        ...(p.path !== undefined ? { path: p.path } : {}),
        pathType: p.pathType ?? 'ImplementationSpecific',
        backend: backendFromV1beta1(p.backend ?? {}),
      })),
    };
  }
  return rule;
}
