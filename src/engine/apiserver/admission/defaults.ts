// defaultObject: the defaults kube-apiserver 1.32 applies to a built-in object on create and update.
import type { KubeObject } from '../../../api/meta.js';
import { cloneJson } from '../../../lib/json.js';
import { asObject, asString } from './_json.js';
import { copyTemplateLabelsToJob, defaultJobFields, generateJobSelector } from './defaults-job.js';
import { defaultPod } from './defaults-pod.js';
import { defaultService } from './defaults-service.js';
import {
  defaultCrd, defaultDeployment, defaultEndpoints, defaultNamespace, defaultReplicaSet, defaultSecret,
} from './defaults-simple.js';

/** What defaulting needs besides the object. */
export interface DefaultingContext {
  /** The stored object when this is an update; absent on create. */
  readonly old?: KubeObject;
  /** The uid assigned on create (a Job's generated selector uses it); falls back to `metadata.uid`. */
  readonly uid?: string;
}

/**
 * Returns a new object with the defaults Kubernetes applies for `resourceKey` (`group/plural`, or the bare
 * plural in the core group). Unknown keys (custom resources) come back unchanged but copied.
 * Jobs get their generated selector only on create and only when a uid is known.
 */
export function defaultObject(resourceKey: string, obj: Readonly<KubeObject>, ctx: DefaultingContext = {}): KubeObject {
  const out = cloneJson<KubeObject>(obj);
  const old = ctx.old === undefined ? undefined : cloneJson<KubeObject>(ctx.old);
  switch (resourceKey) {
    case 'pods': defaultPod(out); break;
    case 'services': defaultService(out, asObject(old?.['spec'])); break;
    case 'endpoints': defaultEndpoints(out); break;
    case 'secrets': defaultSecret(out); break;
    case 'namespaces': defaultNamespace(out, old); break;
    case 'apps/deployments': defaultDeployment(out); break;
    case 'apps/replicasets': defaultReplicaSet(out); break;
    case 'batch/jobs': defaultJob(out, ctx); break;
    case 'apiextensions.k8s.io/customresourcedefinitions': defaultCrd(out); break;
    default: break;
  }
  return out;
}

function defaultJob(job: KubeObject, ctx: DefaultingContext): void {
  defaultJobFields(job);
  const uid = ctx.uid ?? asString(job.metadata.uid) ?? '';
  if (ctx.old === undefined && uid !== '') {
    generateJobSelector(job, uid);
    // Kubernetes re-defaults on every read, so the Job's own empty labels end up as the generated template labels.
    copyTemplateLabelsToJob(job);
  }
}
