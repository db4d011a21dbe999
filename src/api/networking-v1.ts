// networking.k8s.io/v1 Ingress, plus the chapter's extensions/v1beta1 shape it is converted from.
import type { KubeObject } from './meta.js';

export interface IngressServiceBackend {
  name: string;
  port: { number?: number; name?: string };
}

export interface IngressBackend {
  service?: IngressServiceBackend;
  resource?: { apiGroup?: string; kind: string; name: string };
}

export interface HTTPIngressPath {
  path?: string;
  pathType: 'Prefix' | 'Exact' | 'ImplementationSpecific';
  backend: IngressBackend;
}

export interface IngressRule {
  host?: string;
  http?: { paths: HTTPIngressPath[] };
}

export interface IngressSpec {
  ingressClassName?: string;
  defaultBackend?: IngressBackend;
  tls?: { hosts?: string[]; secretName?: string }[];
  rules?: IngressRule[];
}

export interface Ingress extends KubeObject {
  kind: 'Ingress';
  spec: IngressSpec;
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string; ports?: { port: number; protocol: string }[] }[] } };
}

/** extensions/v1beta1 (and networking.k8s.io/v1beta1) backend: `serviceName` + `servicePort`. */
export interface IngressBackendV1beta1 {
  serviceName?: string;
  servicePort?: number | string;
  resource?: { apiGroup?: string; kind: string; name: string };
}
