// What the ReplicaSet controller reads (the snapshot) and what its plan asks apply to do (the actions).
import type { Pod } from '../../../api/core-v1.js';
import type { ReplicaSet, ReplicaSetStatus } from '../../../api/apps-v1.js';
import type { OwnerReference } from '../../../api/meta.js';

/** A read-only view of one ReplicaSet and the pods around it, built by observe from informer caches. */
export interface ReplicaSetSnapshot {
  readonly rs: Readonly<ReplicaSet>;
  /**
   * Pods of the ReplicaSet's namespace: at least every pod the selector matches and every pod whose
   * controller reference names this ReplicaSet (the whole namespace is fine). Terminal and terminating
   * pods may be included; the plan ignores them as Kubernetes does.
   */
  readonly pods: readonly Readonly<Pod>[];
  /** False while earlier creations or deletions have not been observed yet (control/expectations.ts). */
  readonly expectationsSatisfied: boolean;
  /** The error of the previous reconcile's pod creations or deletions, shown as the ReplicaFailure condition. */
  readonly lastManageError?: { readonly reason: 'FailedCreate' | 'FailedDelete'; readonly message: string };
}

/** Identifies a pod for a write; `uid` is the precondition, `resourceVersion` too when given. */
export interface PodRef {
  readonly name: string;
  readonly uid: string;
  readonly resourceVersion?: string;
}

/**
 * One step for apply, executed in order; apply stops at the first failure. Events are about the
 * ReplicaSet itself and follow the write they describe, so a failed write records no event.
 */
export type ReplicaSetAction =
  | { readonly op: 'adoptPod'; readonly pod: PodRef; readonly ownerReferences: readonly OwnerReference[] }
  | { readonly op: 'releasePod'; readonly pod: PodRef; readonly ownerReferences: readonly OwnerReference[] }
  | { readonly op: 'createPod'; readonly pod: Pod }
  | { readonly op: 'deletePod'; readonly pod: PodRef }
  | { readonly op: 'updateStatus'; readonly status: ReplicaSetStatus }
  | { readonly op: 'event'; readonly type: 'Normal' | 'Warning'; readonly reason: string; readonly message: string };

/** The outcome of one plan: the actions, the status the ReplicaSet should have, and when to look again. */
export interface ReplicaSetPlan {
  readonly actions: readonly ReplicaSetAction[];
  readonly status: ReplicaSetStatus;
  /** Set when a ready pod becomes available (minReadySeconds) at a known time. */
  readonly requeueAfterMs?: number;
}

/** The most pods created or deleted in one reconcile (Kubernetes' burstReplicas). */
export const BURST_REPLICAS = 500;
