// Finding or creating the new ReplicaSet and keeping revisions in step (Kubernetes' getNewReplicaSet).
import type { ReplicaSet, ReplicaSetSpec } from '../../../api/apps-v1.js';
import { controllerRef } from '../../../api/meta.js';
import { deploymentOwnerRef } from './claim-replicasets.js';
import { getCondition, newCondition, Reason, setCondition } from './conditions.js';
import { withActions, withReplicaSet, type DeploymentWork } from './deployment-work.js';
import { computeNewRSReplicas } from './new-rs-replicas.js';
import { isTemplateEqualIgnoringHash, podTemplateHash, POD_TEMPLATE_HASH_LABEL } from './pod-template-hash.js';
import { computeMaxSurge } from './resolve-fenceposts.js';
import { computeMaxRevision, REVISION } from './revision.js';
import { computeNewRSAnnotations } from './rs-annotations.js';

/** The work after this step; `collided` when the new ReplicaSet's name belongs to a different template. */
export interface NewReplicaSetStep {
  readonly work: DeploymentWork;
  readonly collided: boolean;
}

/**
 * With a new ReplicaSet: bring its annotations (revision max+1, copied Deployment annotations) and
 * minReadySeconds up to date, or else mirror its revision on the Deployment. Without one and `create`:
 * create `<deployment>-<hash>` (revision max+1) at the size the strategy allows. A name taken by another
 * template bumps status.collisionCount instead, which changes the hash on the next reconcile.
 */
export function planNewReplicaSet(w: DeploymentWork, create: boolean): NewReplicaSetStep {
  const newRevision = computeMaxRevision(w.oldRSs) + 1;
  if (w.newRS !== undefined) return { work: planExistingNewRS(w, w.newRS, newRevision), collided: false };
  if (!create) return { work: w, collided: false };
  const hash = podTemplateHash(w.d.spec.template, w.d.status?.collisionCount);
  const name = `${w.d.metadata.name ?? ''}-${hash}`;
  const taken = w.snapshot.replicaSets.find((rs) => rs.metadata.name === name);
  if (taken !== undefined) return planTakenName(w, taken, newRevision);
  const rs = buildNewReplicaSet(w, name, hash, newRevision);
  const replicas = rs.spec.replicas ?? 0;
  let work = withActions({ ...w, newRS: rs }, { op: 'createRS', rs });
  if (replicas > 0) work = withActions(work, { op: 'event', type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${name} from 0 to ${replicas}` });
  work = planDeploymentRevision(work, String(newRevision));
  if (w.spec.progressDeadlineSeconds === undefined) return { work, collided: false };
  const cond = newCondition('Progressing', 'True', Reason.newReplicaSetCreated, `Created new replica set "${name}"`, w.nowMs);
  return { work: { ...work, d: { ...work.d, status: setCondition(work.d.status ?? {}, cond) } }, collided: false };
}

/** Sets the Deployment's revision annotation (written at once, as Kubernetes does). */
export function planDeploymentRevision(w: DeploymentWork, revision: string): DeploymentWork {
  if (w.d.metadata.annotations?.[REVISION] === revision) return w;
  const d = { ...w.d, metadata: { ...w.d.metadata, annotations: { ...(w.d.metadata.annotations ?? {}), [REVISION]: revision } } };
  const { status: _status, ...deployment } = d;
  return withActions({ ...w, d }, { op: 'updateDeployment', deployment });
}

function planExistingNewRS(w: DeploymentWork, rs: Readonly<ReplicaSet>, newRevision: number): DeploymentWork {
  const { annotations, changed } = computeNewRSAnnotations(w.d.metadata.annotations, rs.metadata.annotations, newRevision);
  if (changed || (rs.spec.minReadySeconds ?? 0) !== w.spec.minReadySeconds) {
    const updated: ReplicaSet = { ...rs, metadata: { ...rs.metadata, annotations }, spec: withMinReadySeconds(rs.spec, w.spec.minReadySeconds) };
    return withReplicaSet(withActions(w, { op: 'updateRS', rs: updated }), updated);
  }
  const work = planDeploymentRevision(w, rs.metadata.annotations?.[REVISION] ?? '');
  if (w.spec.progressDeadlineSeconds === undefined || getCondition(work.d.status, 'Progressing') !== undefined) return work;
  const cond = newCondition('Progressing', 'True', Reason.foundNewReplicaSet, `Found new replica set "${rs.metadata.name ?? ''}"`, w.nowMs);
  return { ...work, d: { ...work.d, status: setCondition(work.d.status ?? {}, cond) } };
}

function planTakenName(w: DeploymentWork, taken: Readonly<ReplicaSet>, newRevision: number): NewReplicaSetStep {
  const ours = controllerRef(taken.metadata)?.uid === w.d.metadata.uid;
  if (ours && isTemplateEqualIgnoringHash(taken.spec.template, w.d.spec.template)) {
    // Created by an earlier reconcile the cache had not shown yet: it is the new ReplicaSet.
    const work = { ...w, newRS: taken, oldRSs: w.oldRSs.filter((o) => o.metadata.name !== taken.metadata.name) };
    return { work: planDeploymentRevision(work, String(newRevision)), collided: false };
  }
  const collisionCount = (w.d.status?.collisionCount ?? 0) + 1;
  return { work: { ...w, d: { ...w.d, status: { ...(w.d.status ?? {}), collisionCount } } }, collided: true };
}

function buildNewReplicaSet(w: DeploymentWork, name: string, hash: string, newRevision: number): ReplicaSet {
  const d = w.d;
  const labels = { ...(d.spec.template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const base: ReplicaSet = {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name, ...(d.metadata.namespace === undefined ? {} : { namespace: d.metadata.namespace }), labels, ownerReferences: [deploymentOwnerRef(d)] },
    spec: withMinReadySeconds({
      replicas: 0,
      selector: { ...d.spec.selector, matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } },
      template: { ...d.spec.template, metadata: { ...(d.spec.template.metadata ?? {}), labels } },
    }, w.spec.minReadySeconds),
  };
  const replicas = computeNewRSReplicas(w.spec, [...w.oldRSs, base], base);
  const desired = { desired: w.spec.replicas, max: w.spec.replicas + computeMaxSurge(w.spec) };
  const { annotations } = computeNewRSAnnotations(d.metadata.annotations, {}, newRevision, desired);
  return { ...base, metadata: { ...base.metadata, annotations }, spec: { ...base.spec, replicas } };
}

function withMinReadySeconds(spec: Readonly<ReplicaSetSpec>, minReadySeconds: number): ReplicaSetSpec {
  const { minReadySeconds: _old, ...rest } = spec;
  return minReadySeconds > 0 ? { ...rest, minReadySeconds } : rest;
}
