// validateObject: kube-apiserver 1.32's validation of a built-in object on create (old absent) or update.
// Run it on the defaulted object, as Kubernetes does; namespace/URL agreement is checked by the handler.
import type { FieldError } from '../../../api/field-error.js';
import type { KubeObject } from '../../../api/meta.js';
import { validateDeployment, validateReplicaSet } from './validate-apps.js';
import { validateConfigMap, validateSecret } from './validate-config.js';
import { validateEndpoints, validateEvent, validateLease, validateMetadataOnly, validateNamespace } from './validate-core-misc.js';
import { validateCrd } from './validate-crd.js';
import { validateIngress } from './validate-ingress.js';
import { validateJob } from './validate-job.js';
import { validatePodCreate, validatePodUpdate } from './validate-pod.js';
import { validateService } from './validate-service.js';

type Validator = (obj: KubeObject, old?: KubeObject) => FieldError[];

const VALIDATORS: Record<string, Validator> = {
  'pods': (obj, old) => (old === undefined ? validatePodCreate(obj) : validatePodUpdate(obj, old)),
  'services': validateService,
  'endpoints': validateEndpoints,
  'configmaps': validateConfigMap,
  'secrets': validateSecret,
  'events': validateEvent,
  'namespaces': validateNamespace,
  'serviceaccounts': validateMetadataOnly,
  'apps/deployments': validateDeployment,
  'apps/replicasets': validateReplicaSet,
  'batch/jobs': validateJob,
  'networking.k8s.io/ingresses': validateIngress,
  'coordination.k8s.io/leases': validateLease,
  'apiextensions.k8s.io/customresourcedefinitions': validateCrd,
};

/**
 * Field errors for `obj` of `resourceKey` (`group/plural`, or the bare core plural); empty when valid.
 * Unknown keys (custom resources) return no errors here: use compileSchema for those.
 * Example: a Deployment with `spec.replicas: -1` gives
 * `[{ type: 'Invalid', field: 'spec.replicas', value: -1, detail: 'must be greater than or equal to 0' }]`.
 */
export function validateObject(resourceKey: string, obj: Readonly<KubeObject>, old?: Readonly<KubeObject>): FieldError[] {
  const validator = Object.prototype.hasOwnProperty.call(VALIDATORS, resourceKey) ? VALIDATORS[resourceKey] : undefined;
  return validator === undefined ? [] : validator(obj, old);
}
