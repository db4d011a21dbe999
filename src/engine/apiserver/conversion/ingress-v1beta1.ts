// Converts Ingress between the chapter's extensions/v1beta1 shape (`serviceName`/`servicePort`,
// `spec.backend`) and networking.k8s.io/v1 (`service: {name, port: {number|name}}`, `spec.defaultBackend`).
import { isJsonObject, type KubeObject } from '../../../api/meta.js';

type Json = Record<string, unknown>;

function backendToV1(b: unknown): unknown {
  if (!isJsonObject(b)) return b;
  const { serviceName, servicePort, ...rest } = b;
  if (serviceName === undefined && servicePort === undefined) return rest;
  const port = typeof servicePort === 'number' ? { number: servicePort }
    : typeof servicePort === 'string' && /^\d+$/.test(servicePort) ? { number: Number(servicePort) }
      : servicePort === undefined ? {} : { name: servicePort };
  return { ...rest, service: { name: serviceName, port } };
}

function backendToV1beta1(b: unknown): unknown {
  if (!isJsonObject(b)) return b;
  const { service, ...rest } = b;
  if (!isJsonObject(service)) return rest;
  const port = isJsonObject(service['port']) ? service['port'] : {};
  return { ...rest, serviceName: service['name'], servicePort: port['number'] ?? port['name'] };
}

function mapRules(rules: unknown, backend: (b: unknown) => unknown, pathType: (p: Json) => Json): unknown {
  if (!Array.isArray(rules)) return rules;
  return rules.map((r) => {
    if (!isJsonObject(r) || !isJsonObject(r['http']) || !Array.isArray(r['http']['paths'])) return r;
    const paths = r['http']['paths'].map((p) => (isJsonObject(p) ? pathType({ ...p, backend: backend(p['backend']) }) : p));
    return { ...r, http: { ...r['http'], paths } };
  });
}

function convertSpec(spec: unknown, toV1: boolean): unknown {
  if (!isJsonObject(spec)) return spec;
  const out: Json = { ...spec };
  const from = toV1 ? 'backend' : 'defaultBackend';
  const to = toV1 ? 'defaultBackend' : 'backend';
  if (out[from] !== undefined) { out[to] = (toV1 ? backendToV1 : backendToV1beta1)(out[from]); delete out[from]; }
  // v1beta1 defaulted a missing pathType to ImplementationSpecific; v1 requires one.
  const fillPathType = (p: Json): Json => (toV1 && p['pathType'] === undefined ? { ...p, pathType: 'ImplementationSpecific' } : p);
  out['rules'] = mapRules(out['rules'], toV1 ? backendToV1 : backendToV1beta1, fillPathType);
  if (out['rules'] === undefined) delete out['rules'];
  return out;
}

/** extensions/v1beta1 → networking.k8s.io/v1 (storage). */
export function ingressToV1(obj: KubeObject): KubeObject {
  return { ...obj, apiVersion: 'networking.k8s.io/v1', spec: convertSpec(obj['spec'], true) };
}

/** networking.k8s.io/v1 (storage) → extensions/v1beta1. */
export function ingressToV1beta1(obj: KubeObject): KubeObject {
  return { ...obj, apiVersion: 'extensions/v1beta1', spec: convertSpec(obj['spec'], false) };
}
