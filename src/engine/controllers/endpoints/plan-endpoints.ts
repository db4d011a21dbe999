// One reconcile of the endpoints controller: the Endpoints object named after a Service lists the Service's
// pods (endpoint-subsets.ts) and carries its labels; it is written only when that changes, deleted with the
// Service, and left alone for Services without a selector (their Endpoints belong to the user).
import type { Endpoints, EndpointSubset, Pod, Service } from '../../../api/core-v1.js';
import { deepEqual } from '../../../lib/deep-equal.js';
import { computeEndpointSubsets } from './endpoint-subsets.js';

/** Label Kubernetes puts on the Endpoints of a headless Service. */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

/** What the controller reads for one Service key. */
export interface EndpointsSnapshot {
  readonly namespace: string;
  readonly name: string;
  readonly service: Readonly<Service> | undefined;
  readonly endpoints: Readonly<Endpoints> | undefined;
  /** Pods of the namespace (the plan applies the selector). */
  readonly pods: readonly Readonly<Pod>[];
}

/** The one write a reconcile makes, if any. */
export type EndpointsAction =
  | { readonly op: 'none' }
  | { readonly op: 'create'; readonly endpoints: Endpoints }
  | { readonly op: 'update'; readonly endpoints: Endpoints }
  | { readonly op: 'delete'; readonly namespace: string; readonly name: string };

const NONE: EndpointsAction = Object.freeze({ op: 'none' });

function desiredLabels(svc: Readonly<Service>): Record<string, string> {
  const labels: Record<string, string> = { ...svc.metadata.labels };
  const ip = svc.spec.clusterIP;
  if (ip === 'None' || ip === undefined || ip === '') labels[HEADLESS_LABEL] = '';
  else delete labels[HEADLESS_LABEL];
  return labels;
}

function sameContent(ep: Readonly<Endpoints>, subsets: readonly EndpointSubset[], labels: Readonly<Record<string, string>>): boolean {
  return deepEqual(ep.subsets ?? [], subsets) && deepEqual(ep.metadata.labels ?? {}, labels);
}

/** Decides the write for one Service key (see the file comment). */
export function planEndpoints(s: EndpointsSnapshot): EndpointsAction {
  const { service, endpoints } = s;
  if (service === undefined) return endpoints === undefined ? NONE : { op: 'delete', namespace: s.namespace, name: s.name };
  if (Object.keys(service.spec.selector ?? {}).length === 0) return NONE;
  const subsets = computeEndpointSubsets(service, s.pods);
  const labels = desiredLabels(service);
  if (endpoints === undefined) {
    return { op: 'create', endpoints: { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: s.name, namespace: s.namespace, labels }, subsets } };
  }
  if (sameContent(endpoints, subsets, labels)) return NONE;
  return { op: 'update', endpoints: { ...endpoints, metadata: { ...endpoints.metadata, labels }, subsets } };
}
