// What planRollout returns: the actions for apply to execute in order, the new status, events and a wake-up.
import type { ReplicaSet } from '../../api/apps-v1.js';
import type { AnalysisRun, CanaryStep, RolloutStatus, WeightDestination } from '../../api/rollouts-v1alpha1.js';

/** Annotation changes on an object: keys to set and keys to remove. */
export interface AnnotationChanges {
  readonly set: Readonly<Record<string, string>>;
  readonly remove: readonly string[];
}

/**
 * One write for apply to perform. Apply executes them in order, stops at the first failure, and treats
 * AlreadyExists/NotFound as success when the intent already holds.
 */
export type RolloutAction =
  /** Create the Rollout's new RS (replicas 0). An existing RS of that name that is ours counts as success. */
  | { readonly op: 'createReplicaSet'; readonly rs: ReplicaSet }
  /** Set spec.replicas and, in the same update, the annotations (desired-replicas; scale-down-deadline removal). */
  | { readonly op: 'scaleReplicaSet'; readonly name: string; readonly replicas: number; readonly annotations: AnnotationChanges }
  /** Change RS annotations only (revision sync, scale-down-deadline add/remove). */
  | { readonly op: 'setReplicaSetAnnotations'; readonly name: string; readonly set: Readonly<Record<string, string>>; readonly remove: readonly string[] }
  /** Copy the Rollout's minReadySeconds onto its new RS. */
  | { readonly op: 'setReplicaSetMinReadySeconds'; readonly name: string; readonly minReadySeconds: number }
  | { readonly op: 'deleteReplicaSet'; readonly name: string }
  /**
   * Point a Service at a revision: strategic-merge `spec.selector[rollouts-pod-template-hash] = hash` and the
   * `argo-rollouts.argoproj.io/managed-by-rollouts: <rollout>` annotation.
   */
  | { readonly op: 'setServiceSelector'; readonly service: string; readonly hash: string }
  /**
   * Move canary traffic: `weight` (of maxTrafficWeight) to the canary hash/service, the rest (minus `additional`)
   * to the stable. Router-specific translation (nginx canary ingress, Gateway API, Istio, SMI …) is apply's job.
   */
  | {
    readonly op: 'setTrafficWeight'; readonly weight: number; readonly canaryHash: string; readonly stableHash: string;
    readonly additional: readonly WeightDestination[];
  }
  /** Install the header route of a `setHeaderRoute` step (routers that support it). */
  | { readonly op: 'setHeaderRoute'; readonly route: NonNullable<CanaryStep['setHeaderRoute']> }
  /** Install the mirror route of a `setMirrorRoute` step. */
  | { readonly op: 'setMirrorRoute'; readonly route: NonNullable<CanaryStep['setMirrorRoute']> }
  /** Remove every managed (header/mirror) route. */
  | { readonly op: 'removeManagedRoutes' }
  | { readonly op: 'createAnalysisRun'; readonly run: AnalysisRun }
  /** Merge-patch `spec.terminate: true`. */
  | { readonly op: 'terminateAnalysisRun'; readonly name: string }
  | { readonly op: 'deleteAnalysisRun'; readonly name: string }
  /** Update the Rollout object itself: spec.replicas (when it was nil) and/or metadata annotations (revision). */
  | { readonly op: 'patchRollout'; readonly replicas?: number; readonly annotations?: Readonly<Record<string, string>> }
  /** Evict a pod through the Eviction API (restart); 429 from a PodDisruptionBudget is not an error. */
  | { readonly op: 'evictPod'; readonly name: string };

/** A Kubernetes Event to record against the Rollout. */
export interface RolloutEvent {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
}

/** The result of one reconcile. Apply writes `status` (merge patch on /status) only when it differs. */
export interface RolloutPlan {
  readonly actions: readonly RolloutAction[];
  readonly status: RolloutStatus;
  readonly events: readonly RolloutEvent[];
  /** Wake up again after this long (pause expiry, scale-down deadline, progress deadline …). */
  readonly requeueAfterMs?: number;
}

/** Effects collected while planning: actions, events and absolute wake-up times. */
export interface Effects {
  actions: RolloutAction[];
  events: RolloutEvent[];
  wakeAtMs: number[];
}

/** An empty Effects. */
export function noEffects(): Effects {
  return { actions: [], events: [], wakeAtMs: [] };
}

/** Appends `more` to `into` (both are plan-local values). */
export function addEffects(into: Effects, more: Readonly<Partial<Effects>>): void {
  into.actions.push(...(more.actions ?? []));
  into.events.push(...(more.events ?? []));
  into.wakeAtMs.push(...(more.wakeAtMs ?? []));
}

/** A Normal event. */
export const normal = (reason: string, message: string): RolloutEvent => ({ type: 'Normal', reason, message });
/** A Warning event. */
export const warning = (reason: string, message: string): RolloutEvent => ({ type: 'Warning', reason, message });
