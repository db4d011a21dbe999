// The deprecated server-side rollback (Kubernetes' rollback): apps/v1 clients can still ask for one with the
// `deprecated.deployment.rollback.to` annotation. kubectl 1.32's `rollout undo` patches the template
// instead, which needs no code here: the ReplicaSet whose template matches simply becomes the new one.
import type { Deployment } from '../../../api/apps-v1.js';
import { withActions, allReplicaSets, type DeploymentWork } from './deployment-work.js';
import { planNewReplicaSet } from './plan-new-replicaset.js';
import { isTemplateEqualIgnoringHash, POD_TEMPLATE_HASH_LABEL } from './pod-template-hash.js';
import { computeLastRevision, parseRevision, revisionOf, ROLLBACK_TO } from './revision.js';
import { computeRollbackAnnotations } from './rs-annotations.js';

/** The revision the Deployment asks to roll back to (0 = the previous one), or undefined. */
export function rollbackTarget(d: Readonly<Deployment>): number | undefined {
  const raw = d.metadata.annotations?.[ROLLBACK_TO];
  if (raw === undefined || raw === '') return undefined;
  return parseRevision(raw);
}

/**
 * Copies the target revision's template (without pod-template-hash) and annotations into the Deployment,
 * with events `DeploymentRollback` (`Rolled back deployment "demo" to revision 1`),
 * `DeploymentRollbackRevisionNotFound` or `DeploymentRollbackTemplateUnchanged`; always removes the request.
 */
export function planRollback(start: DeploymentWork, target: number): DeploymentWork {
  const found = planNewReplicaSet(start, true);
  if (found.collided) return found.work;
  let w = found.work;
  const name = w.d.metadata.name ?? '';
  const revision = target !== 0 ? target : computeLastRevision(allReplicaSets(w));
  const rs = revision === 0 ? undefined : allReplicaSets(w).find((r) => revisionOf(r) === revision);
  if (rs === undefined) {
    const message = revision === 0 ? 'Unable to find last revision.' : 'Unable to find the revision to rollback to.';
    return planClearRollback(withActions(w, { op: 'event', type: 'Warning', reason: 'DeploymentRollbackRevisionNotFound', message }), w.d);
  }
  if (isTemplateEqualIgnoringHash(w.d.spec.template, rs.spec.template)) {
    const message = `The rollback revision contains the same template as current deployment "${name}"`;
    return planClearRollback(withActions(w, { op: 'event', type: 'Warning', reason: 'DeploymentRollbackTemplateUnchanged', message }), w.d);
  }
  const labels = { ...(rs.spec.template.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  const d: Deployment = {
    ...w.d,
    metadata: { ...w.d.metadata, annotations: computeRollbackAnnotations(w.d.metadata.annotations, rs.metadata.annotations) },
    spec: { ...w.d.spec, template: { ...rs.spec.template, metadata: { ...(rs.spec.template.metadata ?? {}), labels } } },
  };
  w = planClearRollback(w, d);
  return withActions(w, { op: 'event', type: 'Normal', reason: 'DeploymentRollback', message: `Rolled back deployment "${name}" to revision ${revision}` });
}

function planClearRollback(w: DeploymentWork, d: Readonly<Deployment>): DeploymentWork {
  const annotations = { ...(d.metadata.annotations ?? {}) };
  delete annotations[ROLLBACK_TO];
  const cleared: Deployment = { ...d, metadata: { ...d.metadata, annotations } };
  const { status: _status, ...deployment } = cleared;
  return withActions({ ...w, d: cleared }, { op: 'updateDeployment', deployment });
}
