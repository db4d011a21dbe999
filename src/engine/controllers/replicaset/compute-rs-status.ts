// ReplicaSet status from its owned active pods (Kubernetes' calculateStatus and updateReplicaSetStatus).
import type { Pod } from '../../../api/core-v1.js';
import type { ReplicaSet, ReplicaSetStatus } from '../../../api/apps-v1.js';
import type { Condition } from '../../../api/meta.js';
import { rfc3339 } from '../../../lib/clock.js';
import { availableAtMs, isPodAvailable, isPodReady } from './pod-state.js';
import type { ReplicaSetSnapshot } from './replicaset-types.js';

/**
 * The status for `owned` pods: replicas, fullyLabeledReplicas (pods carrying every template label),
 * readyReplicas, availableReplicas (ready for longer than minReadySeconds), observedGeneration, and the
 * ReplicaFailure condition while creating or deleting pods fails. Zero counters are omitted, as on the wire.
 */
export function computeReplicaSetStatus(s: Readonly<ReplicaSetSnapshot>, owned: readonly Readonly<Pod>[], nowMs: number): ReplicaSetStatus {
  const rs = s.rs;
  const templateLabels = Object.entries(rs.spec.template.metadata?.labels ?? {});
  const minReady = rs.spec.minReadySeconds ?? 0;
  const fullyLabeled = owned.filter((p) => templateLabels.every(([k, v]) => p.metadata.labels?.[k] === v)).length;
  const ready = owned.filter((p) => isPodReady(p)).length;
  const available = owned.filter((p) => isPodAvailable(p, minReady, nowMs)).length;
  const conditions = replicaFailureConditions(rs, s.lastManageError, nowMs);
  return {
    replicas: owned.length,
    ...(fullyLabeled > 0 ? { fullyLabeledReplicas: fullyLabeled } : {}),
    ...(ready > 0 ? { readyReplicas: ready } : {}),
    ...(available > 0 ? { availableReplicas: available } : {}),
    ...(rs.metadata.generation === undefined ? {} : { observedGeneration: rs.metadata.generation }),
    ...(conditions.length > 0 ? { conditions } : {}),
  };
}

/**
 * Milliseconds until the next ready pod becomes available, if any will. Ready since 00:00:00,
 * minReadySeconds 10, now 00:00:04 → 6001. Kubernetes requeues after the whole minReadySeconds instead;
 * waking at the exact moment only makes the status arrive sooner.
 */
export function computeNextAvailableInMs(owned: readonly Readonly<Pod>[], minReadySeconds: number, nowMs: number): number | undefined {
  if (minReadySeconds <= 0) return undefined;
  let next: number | undefined;
  for (const p of owned) {
    if (!isPodReady(p) || isPodAvailable(p, minReadySeconds, nowMs)) continue;
    const at = availableAtMs(p, minReadySeconds);
    if (at !== undefined && (next === undefined || at < next)) next = at;
  }
  return next === undefined ? undefined : Math.max(0, next - nowMs);
}

function replicaFailureConditions(rs: Readonly<ReplicaSet>, error: ReplicaSetSnapshot['lastManageError'], nowMs: number): Condition[] {
  const current = rs.status?.conditions ?? [];
  const others = current.filter((c) => c.type !== 'ReplicaFailure');
  if (error === undefined) return others;
  // Kubernetes adds the condition once and leaves it alone while the failure lasts.
  if (others.length < current.length) return [...current];
  return [...others, { type: 'ReplicaFailure', status: 'True', reason: error.reason, message: error.message, lastTransitionTime: rfc3339(nowMs) }];
}
