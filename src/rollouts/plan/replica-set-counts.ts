// Reading ReplicaSets the way Argo's replicaset utils do: counts, hash, revision, scale-down deadline.
import type { ReplicaSet } from '../../api/apps-v1.js';
import { POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, SCALE_DOWN_DEADLINE_ANNOTATION, DESIRED_REPLICAS_ANNOTATION } from '../../api/rollouts-constants.js';
import { parseTime } from '../../lib/clock.js';

/** A ReplicaSet as the plan reads it. */
export type RS = Readonly<ReplicaSet>;

/** `spec.replicas` (Kubernetes defaults an absent value to 1). 0 for no RS. */
export function specReplicas(rs: RS | undefined): number {
  return rs === undefined ? 0 : rs.spec.replicas ?? 1;
}

/** `status.availableReplicas`, 0 when absent. */
export function availableReplicas(rs: RS | undefined): number {
  return rs?.status?.availableReplicas ?? 0;
}

/** `status.replicas` (pods that exist), 0 when absent. */
export function actualReplicas(rs: RS | undefined): number {
  return rs?.status?.replicas ?? 0;
}

/** `status.readyReplicas`, 0 when absent. */
export function readyReplicas(rs: RS | undefined): number {
  return rs?.status?.readyReplicas ?? 0;
}

/** The `rollouts-pod-template-hash` label, '' when absent. */
export function podHashOf(rs: RS | undefined): string {
  return rs?.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] ?? '';
}

/** The `rollout.argoproj.io/revision` annotation as a number; 0 when absent or malformed. */
export function revisionOf(obj: { metadata: { annotations?: Record<string, string> } } | undefined): number {
  const v = obj?.metadata.annotations?.[REVISION_ANNOTATION];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : 0;
}

/** Highest revision among the RSs (0 for none). */
export function maxRevision(rss: readonly RS[]): number {
  return rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/** Sum of `spec.replicas`. */
export function sumSpec(rss: readonly (RS | undefined)[]): number {
  return rss.reduce((n, rs) => n + specReplicas(rs), 0);
}

/** Sum of `status.availableReplicas`. */
export function sumAvailable(rss: readonly (RS | undefined)[]): number {
  return rss.reduce((n, rs) => n + availableReplicas(rs), 0);
}

/** Sum of `status.replicas`. */
export function sumActual(rss: readonly (RS | undefined)[]): number {
  return rss.reduce((n, rs) => n + actualReplicas(rs), 0);
}

/** Sum of `status.readyReplicas`. */
export function sumReady(rss: readonly (RS | undefined)[]): number {
  return rss.reduce((n, rs) => n + readyReplicas(rs), 0);
}

/** True when the RS has (or ought to have) pods: `spec.replicas > 0`. */
export function isActive(rs: RS | undefined): boolean {
  return specReplicas(rs) > 0;
}

/** The `rollout.argoproj.io/desired-replicas` annotation, undefined when absent or malformed. */
export function desiredReplicasAnnotation(rs: RS | undefined): number | undefined {
  const v = rs?.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
}

/** True when the RS carries a non-empty `scale-down-deadline` annotation. */
export function hasScaleDownDeadline(rs: RS | undefined): boolean {
  return (rs?.metadata.annotations?.[SCALE_DOWN_DEADLINE_ANNOTATION] ?? '') !== '';
}

/** The scale-down deadline in ms since the epoch; NaN when absent or unreadable. */
export function scaleDownDeadlineMs(rs: RS | undefined): number {
  return parseTime(rs?.metadata.annotations?.[SCALE_DOWN_DEADLINE_ANNOTATION]);
}

/** Creation time in ms (NaN when unknown), for ordering. */
export function createdMs(rs: RS): number {
  return parseTime(rs.metadata.creationTimestamp);
}

/** Oldest first by creationTimestamp, name as tie-breaker (controller.ReplicaSetsByCreationTimestamp). */
export function byCreation(a: RS, b: RS): number {
  const d = (createdMs(a) || 0) - (createdMs(b) || 0);
  return d !== 0 ? d : (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
}

/** Lowest revision first, creation time as tie-breaker (ReplicaSetsByRevisionNumber). */
export function byRevision(a: RS, b: RS): number {
  const d = revisionOf(a) - revisionOf(b);
  return d !== 0 ? d : byCreation(a, b);
}

/** True when the RS is fully available at a non-zero size (IsReplicaSetAvailable). */
export function isFullyAvailable(rs: RS | undefined): boolean {
  const spec = specReplicas(rs);
  const avail = availableReplicas(rs);
  return rs !== undefined && spec !== 0 && avail !== 0 && spec <= avail;
}
