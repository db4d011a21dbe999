// A tiny in-memory cluster for `plan -f` (after rollouts/plan/_sim-world.ts): each tick observes a snapshot, runs the
// pure planner, applies its actions in memory and writes the status; a ReplicaSet's pods are available one tick
// after it scales, and every AnalysisRun succeeds one tick after it starts.
import type { ReplicaSet } from '../../api/apps-v1.js';
import type { Service } from '../../api/core-v1.js';
import type { AnalysisRun, AnalysisTemplate, ClusterAnalysisTemplate, Rollout } from '../../api/rollouts-v1alpha1.js';
import { MANAGED_BY_ROLLOUTS_ANNOTATION, POD_TEMPLATE_HASH_LABEL } from '../../api/rollouts-constants.js';
import { rfc3339 } from '../../lib/clock.js';
import { classifyReplicaSets, planRollout, type RolloutAction, type RolloutPatch, type RolloutPlan, type TrafficRouterState } from '../plan/index.js';

/** The objects the simulated Rollout may reference. */
export interface SimulationInputs {
  services: Readonly<Record<string, Service>>;
  analysisTemplates: Readonly<Record<string, AnalysisTemplate>>;
  clusterAnalysisTemplates: Readonly<Record<string, ClusterAnalysisTemplate>>;
}

/** The world; `plan` reads its fields after each tick. */
export class SimulationWorld {
  rollout: Rollout;
  readonly rs = new Map<string, ReplicaSet>();
  readonly services = new Map<string, Service>();
  readonly runs = new Map<string, AnalysisRun>();
  traffic: TrafficRouterState | undefined;
  lastPlan: RolloutPlan | undefined;

  constructor(rollout: Rollout, private readonly inputs: SimulationInputs, public nowMs: number) {
    this.rollout = rollout;
    for (const [name, s] of Object.entries(inputs.services)) this.services.set(name, s);
  }

  /** One reconcile at `nowMs`, then pods and analysis catch up and the clock moves by `advanceMs`. */
  tick(advanceMs = 1000): RolloutPlan {
    const classified = classifyReplicaSets(this.rollout, [...this.rs.values()]);
    const plan = planRollout({
      rollout: this.rollout, ...classified, services: Object.fromEntries(this.services), analysisRuns: [...this.runs.values()],
      analysisTemplates: this.inputs.analysisTemplates, clusterAnalysisTemplates: this.inputs.clusterAnalysisTemplates,
      ...(this.traffic !== undefined ? { traffic: this.traffic } : {}),
    }, this.nowMs);
    this.lastPlan = plan;
    for (const a of plan.actions) this.apply(a);
    this.rollout = { ...this.rollout, status: plan.status };
    for (const [name, r] of this.rs) {
      const n = r.spec.replicas ?? 1;
      this.rs.set(name, { ...r, status: { replicas: n, availableReplicas: n, readyReplicas: n, observedGeneration: r.metadata.generation ?? 1 } });
    }
    for (const [name, run] of this.runs) {
      if (run.status?.phase === undefined || run.status.phase === 'Pending' || run.status.phase === 'Running' || run.status.phase === '') {
        this.runs.set(name, { ...run, status: { phase: 'Successful', message: 'assumed successful by the simulation' } });
      }
    }
    this.nowMs += advanceMs;
    return plan;
  }

  /** A user patch (promote …) merged as the API server would. */
  patch(p: RolloutPatch): void {
    const status = { ...(this.rollout.status ?? {}) };
    for (const [k, v] of Object.entries(p.status ?? {})) {
      if (v === null) Reflect.deleteProperty(status, k);
      else Reflect.set(status, k, v);
    }
    const generation = (this.rollout.metadata.generation ?? 1) + (p.spec !== undefined ? 1 : 0);
    this.rollout = { ...this.rollout, metadata: { ...this.rollout.metadata, generation }, spec: { ...this.rollout.spec, ...(p.spec ?? {}) }, status };
  }

  private apply(a: RolloutAction): void {
    switch (a.op) {
      case 'createReplicaSet': {
        const name = a.rs.metadata.name ?? '';
        if (!this.rs.has(name)) this.rs.set(name, { ...a.rs, metadata: { ...a.rs.metadata, uid: `uid-${name}`, generation: 1, creationTimestamp: rfc3339(this.nowMs) }, status: { replicas: 0 } });
        return;
      }
      case 'scaleReplicaSet': return this.updateRS(a.name, (r) => annotate({ ...r, spec: { ...r.spec, replicas: a.replicas } }, a.annotations.set, a.annotations.remove));
      case 'setReplicaSetAnnotations': return this.updateRS(a.name, (r) => annotate(r, a.set, a.remove));
      case 'deleteReplicaSet': this.rs.delete(a.name); return;
      case 'setServiceSelector': return this.setSelector(a.service, a.hash);
      case 'setTrafficWeight': this.traffic = { weight: a.weight, canaryHash: a.canaryHash, stableHash: a.stableHash }; return;
      case 'createAnalysisRun': {
        const name = a.run.metadata.name ?? '';
        if (!this.runs.has(name)) this.runs.set(name, { ...a.run, metadata: { ...a.run.metadata, creationTimestamp: rfc3339(this.nowMs) }, status: { phase: 'Running' } });
        return;
      }
      case 'deleteAnalysisRun': this.runs.delete(a.name); return;
      case 'patchRollout': {
        const ro = this.rollout;
        const annotations = { ...(ro.metadata.annotations ?? {}), ...(a.annotations ?? {}) };
        this.rollout = { ...ro, metadata: { ...ro.metadata, annotations }, spec: { ...ro.spec, ...(a.replicas !== undefined ? { replicas: a.replicas } : {}) } };
        return;
      }
      default: return;
    }
  }

  private updateRS(name: string, f: (r: ReplicaSet) => ReplicaSet): void {
    const r = this.rs.get(name);
    if (r !== undefined) this.rs.set(name, f(r));
  }

  private setSelector(name: string, hash: string): void {
    const s = this.services.get(name);
    if (s === undefined) return;
    const annotations = { ...(s.metadata.annotations ?? {}), [MANAGED_BY_ROLLOUTS_ANNOTATION]: this.rollout.metadata.name ?? '' };
    this.services.set(name, { ...s, metadata: { ...s.metadata, annotations }, spec: { ...s.spec, selector: { ...(s.spec?.selector ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } } });
  }
}

function annotate(r: ReplicaSet, set: Readonly<Record<string, string>>, remove: readonly string[]): ReplicaSet {
  const annotations = { ...(r.metadata.annotations ?? {}), ...set };
  for (const k of remove) Reflect.deleteProperty(annotations, k);
  return { ...r, metadata: { ...r.metadata, annotations } };
}
