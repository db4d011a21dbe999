// What the simulation records after each tick: replicas of the new and the old version, the traffic the new
// version gets, and which stage of the update the Rollout is in.
import type { ReplicaSet } from '../../api/apps-v1.js';
import { POD_TEMPLATE_HASH_LABEL } from '../../api/rollouts-constants.js';
import { computeCanaryWeights } from '../plan/index.js';
import type { SimulationWorld } from './simulation-world.js';

/** The state after one tick. `weight` is the percentage of traffic the new version receives. */
export interface SimulationFrame {
  key: string;
  phase: string;
  message: string;
  canaryReplicas: number;
  canaryAvailable: number;
  stableReplicas: number;
  stableAvailable: number;
  weight: number;
  /** Canary only: the desired weight of the current step. */
  setWeight?: number;
}

function split(w: SimulationWorld): { next: ReplicaSet[]; old: ReplicaSet[] } {
  const hash = w.rollout.status?.currentPodHash;
  const all = [...w.rs.values()];
  return { next: all.filter((r) => r.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] === hash), old: all.filter((r) => r.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] !== hash) };
}

const sum = (rss: readonly ReplicaSet[], f: (r: ReplicaSet) => number): number => rss.reduce((n, r) => n + f(r), 0);

/**
 * Traffic share of the new version: traffic-routed canary → the router's weight (of maxTrafficWeight); basic canary →
 * its share of available pods (1 of 4 → 25); blue-green → 100 once the active Service selects it, else 0.
 */
function weightOf(w: SimulationWorld, next: readonly ReplicaSet[], old: readonly ReplicaSet[]): number {
  const { canary, blueGreen } = w.rollout.spec.strategy;
  const hash = w.rollout.status?.currentPodHash ?? '';
  if (blueGreen !== undefined) {
    return w.services.get(blueGreen.activeService)?.spec?.selector?.[POD_TEMPLATE_HASH_LABEL] === hash ? 100 : 0;
  }
  if (canary?.trafficRouting !== undefined) {
    const mw = canary.trafficRouting.maxTrafficWeight ?? 100;
    const stableIsNew = w.rollout.status?.stableRS === hash;
    return stableIsNew ? 100 : Math.trunc(((w.traffic?.weight ?? 0) * 100) / mw);
  }
  const nextAvailable = sum(next, (r) => r.status?.availableReplicas ?? 0);
  const total = nextAvailable + sum(old, (r) => r.status?.availableReplicas ?? 0);
  return total === 0 ? 0 : Math.trunc((nextAvailable * 100) / total);
}

/** The stage: canary `step:<index>`; blue-green `preview`, `pause`, `switch`; both `done` once promoted. */
export function stageKeyOf(w: SimulationWorld): string {
  const st = w.rollout.status ?? {};
  const promoted = st.stableRS === st.currentPodHash;
  const { blueGreen } = w.rollout.spec.strategy;
  if (blueGreen === undefined) return promoted ? 'done' : `step:${st.currentStepIndex ?? 0}`;
  if (st.phase === 'Paused') return 'pause';
  const active = w.services.get(blueGreen.activeService)?.spec?.selector?.[POD_TEMPLATE_HASH_LABEL];
  if (active !== st.currentPodHash) return 'preview';
  const oldUp = split(w).old.some((r) => (r.spec.replicas ?? 0) > 0);
  return promoted && !oldUp ? 'done' : 'switch';
}

/** The frame after the last tick. */
export function captureFrame(w: SimulationWorld): SimulationFrame {
  const { next, old } = split(w);
  const st = w.rollout.status ?? {};
  const weights = computeCanaryWeights(w.rollout, [...w.rs.values()]);
  return {
    key: stageKeyOf(w), phase: st.phase ?? '', message: st.message ?? '',
    canaryReplicas: sum(next, (r) => r.spec.replicas ?? 0), canaryAvailable: sum(next, (r) => r.status?.availableReplicas ?? 0),
    stableReplicas: sum(old, (r) => r.spec.replicas ?? 0), stableAvailable: sum(old, (r) => r.status?.availableReplicas ?? 0),
    weight: weightOf(w, next, old),
    ...(weights !== undefined ? { setWeight: weights.setWeight } : {}),
  };
}
