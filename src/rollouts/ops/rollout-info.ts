// Everything `get rollout` shows about one Rollout (info/rollout_info.go), as plain data: the CLI renders it as the
// header and tree, `-o json` prints it, the dashboard can serve it.
import type { ReplicaSet } from '../../api/apps-v1.js';
import type { Pod } from '../../api/core-v1.js';
import type { AnalysisRun, Rollout } from '../../api/rollouts-v1alpha1.js';
import { computeCanaryWeights, rolloutPhaseForClients } from '../plan/index.js';
import { ageOf } from './human-duration.js';
import { rolloutIcon } from './info-icons.js';
import { computeAnalysisRunInfos, type AnalysisRunInfo } from './analysis-run-info.js';
import { computeReplicaSetInfos, type ReplicaSetInfo, type RoleTag } from './replica-set-info.js';
import { computePauseCountdown, type PauseCountdown } from './pause-countdown.js';

/** An image with the roles of the RSs running it: `demo:green (canary)`. */
export interface ImageInfo { image: string; tags: RoleTag[] }

/** One revision of the tree: its ReplicaSets and AnalysisRuns. */
export interface RevisionInfo { revision: number; replicaSets: ReplicaSetInfo[]; analysisRuns: AnalysisRunInfo[] }

/** The header and the tree of `get rollout`. */
export interface RolloutInfo {
  name: string;
  namespace: string;
  status: string;
  message: string;
  icon: string;
  strategy: 'Canary' | 'BlueGreen' | '';
  /** Canary only: `index/steps` (empty without steps), SetWeight and ActualWeight. */
  step?: string;
  setWeight?: number;
  actualWeight?: number;
  /** Set while a timed pause runs (canary `pause: {duration}` or blue-green `autoPromotionSeconds`). */
  pause?: PauseCountdown;
  images: ImageInfo[];
  replicas: { desired: number; current: number; updated: number; ready: number; available: number };
  age: string;
  revisions: RevisionInfo[];
}

/** What one Rollout's view is computed from: the Rollout and the namespace's RSs, pods and runs (filtered here). */
export interface RolloutObjects {
  rollout: Readonly<Rollout>;
  replicaSets: readonly Readonly<ReplicaSet>[];
  pods: readonly Readonly<Pod>[];
  analysisRuns: readonly Readonly<AnalysisRun>[];
}

function imagesOf(rsInfos: readonly ReplicaSetInfo[]): ImageInfo[] {
  const byImage = new Map<string, Set<RoleTag>>();
  for (const rs of rsInfos) {
    if (rs.replicas <= 0) continue;
    for (const image of rs.images) {
      const tags = byImage.get(image) ?? new Set<RoleTag>();
      for (const t of rs.tags) tags.add(t);
      byImage.set(image, tags);
    }
  }
  return [...byImage.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([image, tags]) => ({ image, tags: [...tags].sort() }));
}

function revisionsOf(rsInfos: readonly ReplicaSetInfo[], runs: readonly AnalysisRunInfo[]): RevisionInfo[] {
  const numbers = [...new Set([...rsInfos.map((r) => r.revision), ...runs.map((r) => r.revision)])].sort((a, b) => b - a);
  return numbers.map((revision) => ({
    revision,
    replicaSets: rsInfos.filter((r) => r.revision === revision),
    analysisRuns: runs.filter((r) => r.revision === revision),
  }));
}

function canaryFields(ro: Readonly<Rollout>, owned: readonly Readonly<ReplicaSet>[]): Pick<RolloutInfo, 'step' | 'setWeight' | 'actualWeight'> {
  const steps = ro.spec.strategy.canary?.steps ?? [];
  const index = ro.status?.currentStepIndex;
  const weights = computeCanaryWeights(ro, owned);
  return {
    step: index !== undefined && steps.length > 0 ? `${index}/${steps.length}` : '',
    setWeight: weights?.setWeight ?? 0, actualWeight: weights?.actualWeight ?? 0,
  };
}

/** The view of one Rollout at `nowMs` (ages and countdowns depend on it). */
export function computeRolloutInfo(objs: RolloutObjects, nowMs: number): RolloutInfo {
  const ro = objs.rollout;
  const st = ro.status ?? {};
  const owned = objs.replicaSets.filter((rs) => (rs.metadata.ownerReferences ?? []).some((o) => o.uid === ro.metadata.uid));
  const rsInfos = computeReplicaSetInfos(ro, owned, objs.pods, nowMs);
  const runs = computeAnalysisRunInfos(ro.metadata.uid, objs.analysisRuns, nowMs);
  const { phase, message } = rolloutPhaseForClients(ro);
  const strategy = ro.spec.strategy.canary !== undefined ? 'Canary' : ro.spec.strategy.blueGreen !== undefined ? 'BlueGreen' : '';
  const info: RolloutInfo = {
    name: ro.metadata.name ?? '', namespace: ro.metadata.namespace ?? '', status: phase, message, icon: rolloutIcon(phase), strategy,
    ...(strategy === 'Canary' ? canaryFields(ro, owned) : {}),
    images: imagesOf(rsInfos),
    replicas: { desired: ro.spec.replicas ?? 1, current: st.replicas ?? 0, updated: st.updatedReplicas ?? 0, ready: st.readyReplicas ?? 0, available: st.availableReplicas ?? 0 },
    age: ageOf(ro.metadata.creationTimestamp, nowMs),
    revisions: revisionsOf(rsInfos, runs),
  };
  const pause = phase === 'Paused' ? computePauseCountdown(ro, nowMs) : undefined;
  if (pause !== undefined) info.pause = pause;
  return info;
}
