// observe: reads one Rollout and everything it owns or references from the informer caches into the
// read-only snapshot planRollout takes. No writes, no awaits.
import type { Deployment, ReplicaSet } from '../../api/apps-v1.js';
import type { Pod, Service } from '../../api/core-v1.js';
import type { ObjectKey } from '../../api/object-key.js';
import { objectKey } from '../../api/object-key.js';
import type { AnalysisRun, AnalysisTemplate, ClusterAnalysisTemplate, Rollout } from '../../api/rollouts-v1alpha1.js';
import type { Informer } from '../../control/informer.js';
import { classifyReplicaSets, type RolloutSnapshot, type TrafficRouterState } from '../plan/index.js';

/** The caches a rollouts controller reads. */
export interface RolloutCaches {
  rollouts: Informer<Rollout>;
  replicaSets: Informer<ReplicaSet>;
  services: Informer<Service>;
  analysisRuns: Informer<AnalysisRun>;
  analysisTemplates: Informer<AnalysisTemplate>;
  clusterAnalysisTemplates: Informer<ClusterAnalysisTemplate>;
  pods: Informer<Pod>;
  deployments: Informer<Deployment>;
}

/** Objects owned (controller reference) by the object with `uid`, in `namespace`. */
export function ownedBy<T extends { metadata: { ownerReferences?: { uid: string; controller?: boolean }[] } }>(objs: readonly T[], uid: string): T[] {
  return objs.filter((o) => (o.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === uid));
}

function byName<T extends { metadata: { name?: string } }>(objs: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const o of objs) out[o.metadata.name ?? ''] = o;
  return out;
}

function workloadOf(c: RolloutCaches, ro: Readonly<Rollout>): RolloutSnapshot['workload'] {
  const ref = ro.spec.workloadRef;
  if (!ref) return undefined;
  const ns = ro.metadata.namespace ?? '';
  if (ref.kind === 'Deployment') {
    const d = c.deployments.get(objectKey(ns, ref.name ?? ''));
    return d ? { template: d.spec.template, selector: d.spec.selector } : undefined;
  }
  if (ref.kind === 'ReplicaSet') {
    const rs = c.replicaSets.get(objectKey(ns, ref.name ?? ''));
    return rs ? { template: rs.spec.template } : undefined;
  }
  return undefined;
}

/** Builds the snapshot of the Rollout at `key`, or undefined when it is gone. */
export function observeRollout(c: RolloutCaches, key: ObjectKey, traffic?: TrafficRouterState): RolloutSnapshot | undefined {
  const rollout = c.rollouts.get(key);
  if (!rollout) return undefined;
  const ns = rollout.metadata.namespace ?? '';
  const uid = rollout.metadata.uid ?? '';
  const rsList = ownedBy(c.replicaSets.byNamespace(ns), uid);
  const restartPending = rollout.spec.restartAt !== undefined && rollout.spec.restartAt !== rollout.status?.restartedAt;
  const rsUids = new Set(rsList.map((r) => r.metadata.uid));
  const workload = workloadOf(c, rollout);
  return {
    rollout,
    ...classifyReplicaSets(rollout, rsList),
    services: byName(c.services.byNamespace(ns)),
    analysisRuns: ownedBy(c.analysisRuns.byNamespace(ns), uid),
    analysisTemplates: byName(c.analysisTemplates.byNamespace(ns)),
    clusterAnalysisTemplates: byName(c.clusterAnalysisTemplates.list()),
    ...(restartPending ? { pods: c.pods.byNamespace(ns).filter((p) => (p.metadata.ownerReferences ?? []).some((r) => rsUids.has(r.uid))) } : {}),
    ...(traffic ? { traffic } : {}),
    ...(workload ? { workload } : {}),
  };
}
