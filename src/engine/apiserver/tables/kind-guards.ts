// Type guards from a stored KubeObject to the wire type a printer reads. They check the discriminating
// `kind` and the nested shapes the printers walk without `?.`; everything else the types mark optional.
import { isJsonObject, type KubeObject } from '../../../api/meta.js';
import type { ConfigMap, Endpoints, Event, Namespace, Pod, Secret, Service } from '../../../api/core-v1.js';
import type { Deployment, ReplicaSet } from '../../../api/apps-v1.js';
import type { Job } from '../../../api/batch-v1.js';
import type { Ingress } from '../../../api/networking-v1.js';

function hasTemplate(spec: unknown): boolean {
  return isJsonObject(spec) && isJsonObject(spec['template']) && hasPodSpec(spec['template']['spec']);
}

function hasPodSpec(spec: unknown): boolean {
  return isJsonObject(spec) && Array.isArray(spec['containers']);
}

/** True for a Pod with `spec.containers`. */
export function isPod(o: KubeObject): o is Pod {
  return o.kind === 'Pod' && hasPodSpec(o['spec']);
}

/** True for a ReplicaSet with a pod template. */
export function isReplicaSet(o: KubeObject): o is ReplicaSet {
  return o.kind === 'ReplicaSet' && hasTemplate(o['spec']);
}

/** True for a Deployment with a pod template. */
export function isDeployment(o: KubeObject): o is Deployment {
  return o.kind === 'Deployment' && hasTemplate(o['spec']);
}

/** True for a Job with a pod template. */
export function isJob(o: KubeObject): o is Job {
  return o.kind === 'Job' && hasTemplate(o['spec']);
}

/** True for a Service with a spec. */
export function isService(o: KubeObject): o is Service {
  return o.kind === 'Service' && isJsonObject(o['spec']);
}

/** True for an Ingress with a spec. */
export function isIngress(o: KubeObject): o is Ingress {
  return o.kind === 'Ingress' && isJsonObject(o['spec']);
}

/** True for an Endpoints object. */
export function isEndpoints(o: KubeObject): o is Endpoints {
  return o.kind === 'Endpoints';
}

/** True for a ConfigMap. */
export function isConfigMap(o: KubeObject): o is ConfigMap {
  return o.kind === 'ConfigMap';
}

/** True for a Secret. */
export function isSecret(o: KubeObject): o is Secret {
  return o.kind === 'Secret';
}

/** True for a Namespace. */
export function isNamespace(o: KubeObject): o is Namespace {
  return o.kind === 'Namespace';
}

/** True for a core/v1 Event with its `involvedObject`. */
export function isEvent(o: KubeObject): o is Event {
  return o.kind === 'Event' && isJsonObject(o['involvedObject']);
}
