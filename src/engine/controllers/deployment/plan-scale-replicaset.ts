// One ReplicaSet resize and its ScalingReplicaSet event (Kubernetes' scaleReplicaSet[AndRecordEvent]).
import type { ReplicaSet } from '../../../api/apps-v1.js';
import { withActions, withReplicaSet, type DeploymentWork } from './deployment-work.js';
import { computeMaxSurge } from './resolve-fenceposts.js';
import { replicasAnnotationsNeedUpdate, withReplicasAnnotations } from './rs-annotations.js';
import { specReplicas } from './replicaset-sets.js';

/** The work after a resize, and whether the size changed. */
export interface ScaleStep {
  readonly work: DeploymentWork;
  readonly scaled: boolean;
}

/** Resizes `rs` to `to` when it differs, naming the direction in the event ("Scaled up …"/"Scaled down …"). */
export function planScaleReplicaSet(w: DeploymentWork, rs: Readonly<ReplicaSet>, to: number): ScaleStep {
  const from = specReplicas(rs);
  if (from === to) return { work: w, scaled: false };
  return planSetReplicaSetSize(w, rs, to, from < to ? 'up' : 'down');
}

/**
 * Writes `rs` when its size or its desired-replicas/max-replicas annotations are stale (both are set in
 * one update), with an event when the size changed: `Scaled up replica set demo-5c5575fb88 from 1 to 2`.
 * `operation` is the direction the caller is scaling the whole Deployment in.
 */
export function planSetReplicaSetSize(w: DeploymentWork, rs: Readonly<ReplicaSet>, to: number, operation: 'up' | 'down' | ''): ScaleStep {
  const from = specReplicas(rs);
  const desired = w.spec.replicas;
  const max = desired + computeMaxSurge(w.spec);
  if (from === to && !replicasAnnotationsNeedUpdate(rs.metadata.annotations, desired, max)) return { work: w, scaled: false };
  const updated: ReplicaSet = {
    ...rs,
    metadata: { ...rs.metadata, annotations: withReplicasAnnotations(rs.metadata.annotations, desired, max) },
    spec: { ...rs.spec, replicas: to },
  };
  let work = withReplicaSet(withActions(w, { op: 'updateRS', rs: updated }), updated);
  if (from !== to) {
    const message = `Scaled ${operation} replica set ${rs.metadata.name ?? ''} from ${from} to ${to}`;
    work = withActions(work, { op: 'event', type: 'Normal', reason: 'ScalingReplicaSet', message });
  }
  return { work, scaled: from !== to };
}
