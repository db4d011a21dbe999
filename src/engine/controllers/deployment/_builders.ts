// Test builders for Deployment plans (private to this folder), modelled on the chapter's `demo` Deployment.
import type { PodTemplateSpec } from '../../../api/core-v1.js';
import type { Deployment, DeploymentStatus, DeploymentStrategy, ReplicaSet } from '../../../api/apps-v1.js';
import { rfc3339 } from '../../../lib/clock.js';
import { deploymentOwnerRef } from './claim-replicasets.js';
import { podTemplateHash, POD_TEMPLATE_HASH_LABEL } from './pod-template-hash.js';
import { DESIRED_REPLICAS, MAX_REPLICAS, REVISION } from './revision.js';

/** 2025-01-01T00:00:00Z, the epoch of every test. */
export const T0 = Date.UTC(2025, 0, 1);

/** The chapter's pod template with `argoproj/rollouts-demo:<colour>`. */
export function template(colour: string): PodTemplateSpec {
  return { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'demo', image: `argoproj/rollouts-demo:${colour}`, imagePullPolicy: 'Always', ports: [{ containerPort: 8080 }] }] } };
}

/** Options of `deployment()`. */
export interface DeploymentOptions {
  replicas?: number;
  colour?: string;
  strategy?: DeploymentStrategy;
  generation?: number;
  status?: DeploymentStatus;
  annotations?: Record<string, string>;
  paused?: boolean;
  minReadySeconds?: number;
  progressDeadlineSeconds?: number;
  revisionHistoryLimit?: number;
}

/** The Deployment `demo` (blue, 3 replicas, default strategy) unless told otherwise. */
export function deployment(o: DeploymentOptions = {}): Deployment {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: {
      name: 'demo', namespace: 'default', uid: 'uid-deploy-demo', resourceVersion: '10', generation: o.generation ?? 1,
      creationTimestamp: rfc3339(T0), labels: { app: 'demo' }, ...(o.annotations === undefined ? {} : { annotations: o.annotations }),
    },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: { app: 'demo' } },
      template: template(o.colour ?? 'blue'),
      ...(o.strategy === undefined ? {} : { strategy: o.strategy }),
      ...(o.paused === undefined ? {} : { paused: o.paused }),
      ...(o.minReadySeconds === undefined ? {} : { minReadySeconds: o.minReadySeconds }),
      ...(o.progressDeadlineSeconds === undefined ? {} : { progressDeadlineSeconds: o.progressDeadlineSeconds }),
      ...(o.revisionHistoryLimit === undefined ? {} : { revisionHistoryLimit: o.revisionHistoryLimit }),
    },
    ...(o.status === undefined ? {} : { status: o.status }),
  };
}

/** Options of `rs()`: `available` defaults to `replicas` (a settled ReplicaSet). */
export interface RSOptions {
  colour: string;
  replicas: number;
  revision?: number;
  available?: number;
  statusReplicas?: number;
  createdAt?: number;
  /** desired-replicas / max-replicas annotations. */
  desired?: number;
  max?: number;
  owner?: Readonly<Deployment> | null;
  generation?: number;
  observedGeneration?: number;
}

/** `demo-<hash>`: a ReplicaSet of `demo` for the `colour` template, created `createdAt` seconds after T0. */
export function rs(o: RSOptions): ReplicaSet {
  const t = template(o.colour);
  const hash = podTemplateHash(t);
  const labels = { app: 'demo', [POD_TEMPLATE_HASH_LABEL]: hash };
  const owner = o.owner === undefined ? deployment() : o.owner;
  const available = o.available ?? o.replicas;
  const statusReplicas = o.statusReplicas ?? o.replicas;
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: `demo-${hash}`, namespace: 'default', uid: `uid-${o.colour}`, resourceVersion: '20', generation: o.generation ?? 1,
      creationTimestamp: rfc3339(T0 + (o.createdAt ?? 0) * 1000), labels,
      annotations: {
        [REVISION]: String(o.revision ?? 1),
        ...(o.desired === undefined ? {} : { [DESIRED_REPLICAS]: String(o.desired) }),
        ...(o.max === undefined ? {} : { [MAX_REPLICAS]: String(o.max) }),
      },
      ...(owner === null ? {} : { ownerReferences: [deploymentOwnerRef(owner)] }),
    },
    spec: { replicas: o.replicas, selector: { matchLabels: labels }, template: { ...t, metadata: { labels } } },
    status: {
      replicas: statusReplicas,
      ...(available > 0 ? { availableReplicas: available, readyReplicas: available, fullyLabeledReplicas: statusReplicas } : {}),
      observedGeneration: o.observedGeneration ?? o.generation ?? 1,
    },
  };
}

/** The name `rs({ colour })` gets. */
export function rsName(colour: string): string {
  return `demo-${podTemplateHash(template(colour))}`;
}
