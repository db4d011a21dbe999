// Test builders for Ingress objects.
import type { HTTPIngressPath, Ingress } from '../../../api/networking-v1.js';
import { NGINX_ANNOTATION_PREFIX } from './canary-policy.js';

/** `[path, service, port?, pathType?]` */
export type PathSpec = [path: string, service: string, port?: number | string, pathType?: HTTPIngressPath['pathType']];

/** An Ingress with one rule per host. */
export function ingress(name: string, rules: Record<string, PathSpec[]>, o: { created?: string; annotations?: Record<string, string>; defaultBackend?: string; className?: string; namespace?: string } = {}): Ingress {
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.annotations ?? {})) annotations[k.includes('/') ? k : NGINX_ANNOTATION_PREFIX + k] = v;
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
    metadata: { name, namespace: o.namespace ?? 'default', creationTimestamp: o.created ?? '2025-01-01T00:00:00Z', annotations },
    spec: {
      ...(o.className === undefined ? {} : { ingressClassName: o.className }),
      ...(o.defaultBackend === undefined ? {} : { defaultBackend: { service: { name: o.defaultBackend, port: { number: 80 } } } }),
      rules: Object.entries(rules).map(([host, paths]) => ({
        ...(host === '' ? {} : { host }),
        http: { paths: paths.map(([path, svc, port = 80, pathType = 'Prefix']) => ({ path, pathType, backend: { service: { name: svc, port: typeof port === 'number' ? { number: port } : { name: port } } } })) },
      })),
    },
  };
}
