// Descriptors of the resources Sluice reads and writes: enough to build a REST path for any API server.

/** Identifies a REST resource: group/version/plural, the kind it holds, and whether it is namespaced. */
export interface ResourceType {
  readonly group: string;
  readonly version: string;
  /** Plural, lower-case resource name as in the URL (`deployments`). */
  readonly resource: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

const rt = (group: string, version: string, resource: string, kind: string, namespaced = true): ResourceType =>
  ({ group, version, resource, kind, namespaced });

/** Built-in resources (and Argo's) by a short, stable name. */
export const R = {
  namespaces: rt('', 'v1', 'namespaces', 'Namespace', false),
  pods: rt('', 'v1', 'pods', 'Pod'),
  services: rt('', 'v1', 'services', 'Service'),
  endpoints: rt('', 'v1', 'endpoints', 'Endpoints'),
  configmaps: rt('', 'v1', 'configmaps', 'ConfigMap'),
  secrets: rt('', 'v1', 'secrets', 'Secret'),
  events: rt('', 'v1', 'events', 'Event'),
  serviceaccounts: rt('', 'v1', 'serviceaccounts', 'ServiceAccount'),
  deployments: rt('apps', 'v1', 'deployments', 'Deployment'),
  replicasets: rt('apps', 'v1', 'replicasets', 'ReplicaSet'),
  jobs: rt('batch', 'v1', 'jobs', 'Job'),
  ingresses: rt('networking.k8s.io', 'v1', 'ingresses', 'Ingress'),
  leases: rt('coordination.k8s.io', 'v1', 'leases', 'Lease'),
  crds: rt('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'CustomResourceDefinition', false),
  rollouts: rt('argoproj.io', 'v1alpha1', 'rollouts', 'Rollout'),
  analysistemplates: rt('argoproj.io', 'v1alpha1', 'analysistemplates', 'AnalysisTemplate'),
  clusteranalysistemplates: rt('argoproj.io', 'v1alpha1', 'clusteranalysistemplates', 'ClusterAnalysisTemplate', false),
  analysisruns: rt('argoproj.io', 'v1alpha1', 'analysisruns', 'AnalysisRun'),
  experiments: rt('argoproj.io', 'v1alpha1', 'experiments', 'Experiment'),
} as const satisfies Record<string, ResourceType>;

/** `apiVersion` of a resource type. */
export function apiVersionOf(t: ResourceType): string {
  return t.group === '' ? t.version : `${t.group}/${t.version}`;
}

/**
 * REST path of a collection or object: `/apis/apps/v1/namespaces/default/deployments/demo/scale`.
 * `namespace` is ignored for cluster-scoped resources; omitted for namespaced ones it lists across namespaces.
 */
export function resourcePath(t: ResourceType, namespace?: string, name?: string, subresource?: string): string {
  let p = t.group === '' ? `/api/${t.version}` : `/apis/${t.group}/${t.version}`;
  if (t.namespaced && namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
  p += `/${t.resource}`;
  if (name !== undefined) p += `/${encodeURIComponent(name)}`;
  if (subresource !== undefined) p += `/${subresource}`;
  return p;
}
