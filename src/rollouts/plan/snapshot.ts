// What observe hands to planRollout: a read-only picture of one Rollout and everything it owns or references.
import type { ReplicaSet } from '../../api/apps-v1.js';
import type { LabelSelector, Pod, PodTemplateSpec, Service } from '../../api/core-v1.js';
import type { AnalysisRun, AnalysisTemplate, ClusterAnalysisTemplate, Rollout } from '../../api/rollouts-v1alpha1.js';

/** What the traffic router reports it currently routes (optional; lets the plan repair drift). */
export interface TrafficRouterState {
  /** Canary weight currently in effect, 0..maxTrafficWeight. */
  readonly weight: number;
  readonly canaryHash?: string;
  readonly stableHash?: string;
}

/**
 * One Rollout's world, read from informer caches. Build the RS fields with `classifyReplicaSets(rollout, owned)`.
 * Everything is read-only; the plan never mutates it.
 */
export interface RolloutSnapshot {
  readonly rollout: Readonly<Rollout>;
  /** The RS running the Rollout's current template (absent until created). */
  readonly newRS?: Readonly<ReplicaSet>;
  /** The RS whose hash is `status.stableRS` (may be the new RS once promoted). */
  readonly stableRS?: Readonly<ReplicaSet>;
  /** Every other RS the Rollout owns. */
  readonly otherRSs: readonly Readonly<ReplicaSet>[];
  /** Services in the Rollout's namespace that it references, by name (missing ones are simply absent). */
  readonly services: Readonly<Record<string, Readonly<Service>>>;
  /** AnalysisRuns owned by the Rollout (controllerRef), current and old. */
  readonly analysisRuns: readonly Readonly<AnalysisRun>[];
  /** AnalysisTemplates of the namespace and ClusterAnalysisTemplates, by name (those referenced suffice). */
  readonly analysisTemplates: Readonly<Record<string, Readonly<AnalysisTemplate>>>;
  readonly clusterAnalysisTemplates: Readonly<Record<string, Readonly<ClusterAnalysisTemplate>>>;
  /** The Rollout's pods; needed only while a restart (`spec.restartAt`) is pending. */
  readonly pods?: readonly Readonly<Pod>[];
  /** Router state as last read back, when the router can tell. */
  readonly traffic?: TrafficRouterState;
  /**
   * For `spec.workloadRef`: the referenced Deployment / ReplicaSet / PodTemplate's pod template (and, for a
   * Deployment, its selector), resolved by observe. Absent while the target does not exist.
   */
  readonly workload?: { readonly template: Readonly<PodTemplateSpec>; readonly selector?: Readonly<LabelSelector> };
}

/** All RSs of a snapshot (new, stable, others), without duplicates. */
export function allReplicaSetsOf(s: Readonly<RolloutSnapshot>): readonly Readonly<ReplicaSet>[] {
  const out: Readonly<ReplicaSet>[] = [];
  const seen = new Set<string>();
  for (const rs of [s.newRS, s.stableRS, ...s.otherRSs]) {
    if (rs === undefined || seen.has(rs.metadata.name ?? '')) continue;
    seen.add(rs.metadata.name ?? '');
    out.push(rs);
  }
  return out;
}
