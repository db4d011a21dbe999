// Which client-node model describes each built-in kind the API server serves.
import { typeByName } from './type-by-name.js';
import type { ObjectNode } from './type-node.js';

// `<apiVersion>/<Kind>` → client-node model. Core v1 Event is `CoreV1Event` (events.k8s.io has its own Event).
const MODELS: Readonly<Record<string, string>> = {
  'v1/Namespace': 'V1Namespace',
  'v1/Pod': 'V1Pod',
  'v1/PodTemplate': 'V1PodTemplate',
  'v1/Service': 'V1Service',
  'v1/Endpoints': 'V1Endpoints',
  'v1/ConfigMap': 'V1ConfigMap',
  'v1/Secret': 'V1Secret',
  'v1/Event': 'CoreV1Event',
  'v1/ServiceAccount': 'V1ServiceAccount',
  'v1/Binding': 'V1Binding',
  'v1/PersistentVolumeClaim': 'V1PersistentVolumeClaim',
  'apps/v1/Deployment': 'V1Deployment',
  'apps/v1/ReplicaSet': 'V1ReplicaSet',
  'apps/v1/StatefulSet': 'V1StatefulSet',
  'apps/v1/DaemonSet': 'V1DaemonSet',
  'apps/v1/ControllerRevision': 'V1ControllerRevision',
  'batch/v1/Job': 'V1Job',
  'batch/v1/CronJob': 'V1CronJob',
  'networking.k8s.io/v1/Ingress': 'V1Ingress',
  'networking.k8s.io/v1/IngressClass': 'V1IngressClass',
  'discovery.k8s.io/v1/EndpointSlice': 'V1EndpointSlice',
  'coordination.k8s.io/v1/Lease': 'V1Lease',
  'rbac.authorization.k8s.io/v1/Role': 'V1Role',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'V1RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'V1ClusterRole',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': 'V1ClusterRoleBinding',
  'events.k8s.io/v1/Event': 'EventsV1Event',
  'apiextensions.k8s.io/v1/CustomResourceDefinition': 'V1CustomResourceDefinition',
  'autoscaling/v1/Scale': 'V1Scale',
};

/**
 * The schema of a built-in kind, e.g. `schemaForKind('apps/v1', 'Deployment')`; undefined for kinds without
 * one (custom resources, unknown versions). DeleteOptions is accepted under any apiVersion, as Kubernetes
 * registers it in every group version.
 */
export function schemaForKind(apiVersion: string, kind: string): ObjectNode | undefined {
  if (kind === 'DeleteOptions') return typeByName('V1DeleteOptions');
  const key = `${apiVersion}/${kind}`;
  return Object.hasOwn(MODELS, key) ? typeByName(MODELS[key] ?? '') : undefined;
}

/** Every `apiVersion`/`kind` pair `schemaForKind` knows (DeleteOptions aside). */
export function schemaKinds(): ReadonlyArray<{ readonly apiVersion: string; readonly kind: string }> {
  return Object.keys(MODELS).map((key) => {
    const slash = key.lastIndexOf('/');
    return { apiVersion: key.slice(0, slash), kind: key.slice(slash + 1) };
  });
}
