// Finding, ordering and summing a Deployment's ReplicaSets (FindNewReplicaSet, FilterActiveReplicaSets, …).
import type { Deployment, ReplicaSet } from '../../../api/apps-v1.js';
import { parseTime } from '../../../lib/clock.js';
import { isTemplateEqualIgnoringHash } from './pod-template-hash.js';

type RS = Readonly<ReplicaSet>;

/** spec.replicas of a ReplicaSet (1 when unset, as defaulted). */
export function specReplicas(rs: RS): number {
  return rs.spec.replicas ?? 1;
}

/** Oldest first; equal creation times by name (ReplicaSetsByCreationTimestamp). */
export function compareByCreation(a: RS, b: RS): number {
  const d = parseTime(a.metadata.creationTimestamp) - parseTime(b.metadata.creationTimestamp);
  if (d !== 0 && !Number.isNaN(d)) return d;
  const an = a.metadata.name ?? '';
  const bn = b.metadata.name ?? '';
  return an < bn ? -1 : an > bn ? 1 : 0;
}

/** The oldest owned ReplicaSet whose template equals the Deployment's, ignoring pod-template-hash. */
export function findNewReplicaSet(d: Readonly<Deployment>, owned: readonly RS[]): RS | undefined {
  return [...owned].sort(compareByCreation).find((rs) => isTemplateEqualIgnoringHash(rs.spec.template, d.spec.template));
}

/** ReplicaSets that should run pods (spec.replicas > 0). */
export function activeReplicaSets(rss: readonly (RS | undefined)[]): RS[] {
  return rss.filter((rs): rs is RS => rs !== undefined && specReplicas(rs) > 0);
}

/** Sum of spec.replicas. */
export function sumSpecReplicas(rss: readonly (RS | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs === undefined ? 0 : specReplicas(rs)), 0);
}

/** Sum of one status counter. */
export function sumStatus(rss: readonly (RS | undefined)[], field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number {
  return rss.reduce((n, rs) => n + (rs?.status?.[field] ?? 0), 0);
}

/** Reads an integer annotation of a ReplicaSet (desired-replicas, max-replicas). */
export function intAnnotation(rs: RS, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
}
