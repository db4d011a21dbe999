// What the Deployment controller reads (the snapshot) and what its plan asks apply to do (the actions).
import type { Pod } from '../../../api/core-v1.js';
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../../api/apps-v1.js';

/** A read-only view of one Deployment and its surroundings, built by observe from informer caches. */
export interface DeploymentSnapshot {
  readonly deployment: Readonly<Deployment>;
  /** Every ReplicaSet of the Deployment's namespace (the plan claims its own and detects name collisions). */
  readonly replicaSets: readonly Readonly<ReplicaSet>[];
  /** Pods controlled by those ReplicaSets, terminal ones included (Recreate waits for old pods to stop). */
  readonly pods: readonly Readonly<Pod>[];
}

/**
 * One write for apply, executed in order; apply stops at the first failure. `updateRS`, `updateDeployment`
 * and `updateStatus` carry whole objects; when a plan writes the same object twice (matched by name), it
 * built the second from the first, so apply sends the resourceVersion its previous write returned.
 * Events are about the Deployment and follow the write they describe.
 */
export type DeploymentAction =
  | { readonly op: 'createRS'; readonly rs: ReplicaSet }
  | { readonly op: 'updateRS'; readonly rs: ReplicaSet }
  | { readonly op: 'deleteRS'; readonly name: string; readonly uid: string }
  | { readonly op: 'updateDeployment'; readonly deployment: Deployment }
  | { readonly op: 'updateStatus'; readonly status: DeploymentStatus }
  | { readonly op: 'event'; readonly type: 'Normal' | 'Warning'; readonly reason: string; readonly message: string };

/** The outcome of one plan: the writes, the status the Deployment should have, and when to look again. */
export interface DeploymentPlan {
  readonly actions: readonly DeploymentAction[];
  readonly status: DeploymentStatus;
  /** Set while a rollout runs against progressDeadlineSeconds: when the deadline check is due. */
  readonly requeueAfterMs?: number;
}
