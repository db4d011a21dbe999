// The ReplicaSets of a Rollout as `get rollout` shows them (info/replicaset_info.go): health, role tags, pods.
import type { ReplicaSet } from '../../api/apps-v1.js';
import type { Pod } from '../../api/core-v1.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import { POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, SCALE_DOWN_DEADLINE_ANNOTATION } from '../../api/rollouts-constants.js';
import { ageOf, humanDuration } from './human-duration.js';
import { replicaSetIcon } from './info-icons.js';
import { computePodInfo, type PodInfo } from './pod-info.js';

/** Role tags of a ReplicaSet (and of its images). */
export type RoleTag = 'stable' | 'canary' | 'active' | 'preview' | 'ping' | 'pong';

/** A ReplicaSet row of the tree with its pods. */
export interface ReplicaSetInfo {
  name: string;
  revision: number;
  status: string;
  icon: string;
  tags: RoleTag[];
  /** Time left until an old RS is scaled down (`delay:` tag): `25s`, or `passed`. */
  scaleDownDelay?: string;
  replicas: number;
  available: number;
  images: string[];
  age: string;
  creationTimestamp?: string;
  pods: PodInfo[];
}

function health(rs: Readonly<ReplicaSet>): string {
  const st = rs.status;
  if ((rs.metadata.generation ?? 0) > (st?.observedGeneration ?? 0)) return 'Progressing';
  if (st?.conditions?.some((c) => c.type === 'ReplicaFailure' && c.status === 'True') === true) return 'ReplicaFailure';
  const desired = rs.spec.replicas;
  if (desired !== undefined && (st?.availableReplicas ?? 0) < desired) return 'Progressing';
  return desired === 0 ? 'ScaledDown' : 'Healthy';
}

function roleTags(ro: Readonly<Rollout>, hash: string): RoleTag[] {
  const st = ro.status ?? {};
  const tags: RoleTag[] = [];
  const { canary, blueGreen } = ro.spec.strategy;
  if (canary !== undefined) {
    const pingPong = canary.pingPong !== undefined;
    const stableIsPing = st.canary?.stablePingPong !== 'pong';
    if (st.stableRS === hash) tags.push('stable', ...(pingPong ? [stableIsPing ? 'ping' as const : 'pong' as const] : []));
    else if (st.currentPodHash === hash) tags.push('canary', ...(pingPong ? [stableIsPing ? 'pong' as const : 'ping' as const] : []));
  }
  if (blueGreen !== undefined) {
    if (st.stableRS === hash) tags.push('stable');
    if (st.blueGreen?.activeSelector === hash) tags.push('active');
    else if (st.blueGreen?.previewSelector === hash) tags.push('preview');
  }
  return tags;
}

function scaleDownDelay(rs: Readonly<ReplicaSet>, nowMs: number): string | undefined {
  const deadline = rs.metadata.annotations?.[SCALE_DOWN_DEADLINE_ANNOTATION];
  if (deadline === undefined || deadline === '') return undefined;
  const t = Date.parse(deadline);
  if (Number.isNaN(t)) return '';
  return t < nowMs ? 'passed' : humanDuration(t - nowMs);
}

function isOwnedBy(obj: { metadata: { ownerReferences?: { uid: string }[] } }, uid: string | undefined): boolean {
  return uid !== undefined && (obj.metadata.ownerReferences ?? []).some((r) => r.uid === uid);
}

function byTimeThenName(a: { creationTimestamp?: string; name: string }, b: { creationTimestamp?: string; name: string }): number {
  const ta = Date.parse(a.creationTimestamp ?? '');
  const tb = Date.parse(b.creationTimestamp ?? '');
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function revisionOf(rs: Readonly<ReplicaSet>): number {
  const v = rs.metadata.annotations?.[REVISION_ANNOTATION] ?? '';
  return /^\d+$/.test(v) ? Number(v) : 0;
}

/**
 * The RSs the Rollout controls, newest revision first (ties by name), each with its pods oldest first. Tags: canary
 * `stable`/`canary` (+`ping`/`pong`), blue-green `stable` + `active`/`preview`.
 */
export function computeReplicaSetInfos(ro: Readonly<Rollout>, rss: readonly Readonly<ReplicaSet>[], pods: readonly Readonly<Pod>[], nowMs: number): ReplicaSetInfo[] {
  const owned = rss.filter((rs) => isOwnedBy(rs, ro.metadata.uid));
  const infos = owned.map((rs) => {
    const info: ReplicaSetInfo = {
      name: rs.metadata.name ?? '', revision: revisionOf(rs), status: health(rs), icon: '',
      tags: roleTags(ro, rs.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] ?? ''),
      replicas: rs.status?.replicas ?? 0, available: rs.status?.availableReplicas ?? 0,
      images: rs.spec.template.spec.containers.map((c) => c.image ?? ''),
      age: ageOf(rs.metadata.creationTimestamp, nowMs), pods: [],
    };
    info.icon = replicaSetIcon(info.status);
    const delay = scaleDownDelay(rs, nowMs);
    if (delay !== undefined) info.scaleDownDelay = delay;
    if (rs.metadata.creationTimestamp !== undefined) info.creationTimestamp = rs.metadata.creationTimestamp;
    info.pods = pods.filter((p) => isOwnedBy(p, rs.metadata.uid)).map((p) => computePodInfo(p, nowMs)).sort(byTimeThenName);
    return info;
  });
  return infos.sort((a, b) => (a.revision !== b.revision ? b.revision - a.revision : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
