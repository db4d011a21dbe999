// A tiny simulated cluster for scenario tests (private to this folder): it observes a snapshot, runs planRollout,
// applies the actions in memory, writes the status, and makes every RS's pods available one tick later.
import type { ReplicaSet } from '../../api/apps-v1.js';
import type { Service } from '../../api/core-v1.js';
import type { AnalysisPhase, AnalysisRun, AnalysisTemplate, Rollout, RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import { MANAGED_BY_ROLLOUTS_ANNOTATION, POD_TEMPLATE_HASH_LABEL, isCompletedPhase } from '../../api/rollouts-constants.js';
import { rfc3339 } from '../../lib/clock.js';
import type { RolloutAction, RolloutPlan } from './actions.js';
import type { RolloutSnapshot, TrafficRouterState } from './snapshot.js';
import { classifyReplicaSets } from './pod-template-hash.js';
import { planRollout } from './plan-rollout.js';
import type { RolloutPatch } from './user-operations.js';

/** The world's objects; tests read and poke them directly. */
export class SimWorld {
  rollout: Rollout;
  rs = new Map<string, ReplicaSet>();
  services = new Map<string, Service>();
  runs = new Map<string, AnalysisRun>();
  templates: Record<string, AnalysisTemplate> = {};
  traffic: TrafficRouterState | undefined;
  nowMs: number;
  lastPlan: RolloutPlan | undefined;
  /** Every action applied, in order (for assertions about what happened, not in which reconcile). */
  history: RolloutAction[] = [];
  /** Set false to keep new pods unavailable (a broken image). */
  podsBecomeAvailable = true;

  constructor(rollout: Rollout, nowMs: number, services: Service[] = []) {
    this.rollout = rollout;
    this.nowMs = nowMs;
    for (const s of services) this.services.set(s.metadata.name ?? '', s);
  }

  /** The snapshot observe would build, deeply frozen like the informer cache (so any mutation by a plan throws). */
  snapshot(): RolloutSnapshot {
    const classified = classifyReplicaSets(this.rollout, [...this.rs.values()]);
    return deepFreeze({
      rollout: this.rollout, ...classified,
      services: Object.fromEntries(this.services), analysisRuns: [...this.runs.values()],
      analysisTemplates: this.templates, clusterAnalysisTemplates: {},
      ...(this.traffic !== undefined ? { traffic: this.traffic } : {}),
    });
  }

  /** One reconcile, then the pods catch up. Returns the plan. */
  tick(advanceMs = 1000): RolloutPlan {
    const plan = planRollout(this.snapshot(), this.nowMs);
    this.lastPlan = plan;
    for (const a of plan.actions) this.apply(a);
    this.rollout = { ...this.rollout, status: plan.status };
    for (const [name, r] of this.rs) {
      const n = r.spec.replicas ?? 1;
      const avail = this.podsBecomeAvailable ? n : Math.min(n, r.status?.availableReplicas ?? 0);
      this.rs.set(name, { ...r, status: { replicas: n, availableReplicas: avail, readyReplicas: avail } });
    }
    this.nowMs += advanceMs;
    return plan;
  }

  /** Ticks until the plan has no actions and the status stops changing (or `max` ticks). */
  settle(max = 50, advanceMs = 1000): RolloutPlan {
    let plan = this.tick(advanceMs);
    for (let i = 0; i < max; i++) {
      const before = JSON.stringify(this.rollout.status);
      plan = this.tick(advanceMs);
      if (plan.actions.length === 0 && JSON.stringify(this.rollout.status) === before) return plan;
    }
    return plan;
  }

  /** Jumps the clock to the plan's requested wake-up, then ticks. */
  wakeUp(): RolloutPlan {
    const after = this.lastPlan?.requeueAfterMs;
    if (after !== undefined) this.nowMs += after - 1000;
    return this.tick();
  }

  /** A template change (kubectl set image): generation + 1. */
  setImage(image: string): void {
    const t = this.rollout.spec.template ?? { spec: { containers: [] } };
    const containers = t.spec.containers.map((c) => ({ ...c, image }));
    this.rollout = { ...this.rollout, metadata: { ...this.rollout.metadata, generation: (this.rollout.metadata.generation ?? 0) + 1 }, spec: { ...this.rollout.spec, template: { ...t, spec: { ...t.spec, containers } } } };
  }

  /** Applies a user patch (promote, abort, retry …) the way the API server merges it. */
  patch(p: RolloutPatch): void {
    const status: RolloutStatus = { ...(this.rollout.status ?? {}) };
    for (const [k, v] of Object.entries(p.status ?? {})) {
      if (v === null) Reflect.deleteProperty(status, k);
      else Reflect.set(status, k, v);
    }
    const specChanged = p.spec !== undefined;
    const metadata = specChanged ? { ...this.rollout.metadata, generation: (this.rollout.metadata.generation ?? 0) + 1 } : this.rollout.metadata;
    this.rollout = { ...this.rollout, metadata, spec: { ...this.rollout.spec, ...(p.spec ?? {}) }, status };
  }

  /** Sets an AnalysisRun's phase (what the analysis controller would do). */
  setRunPhase(name: string, phase: AnalysisPhase, message?: string): void {
    const run = this.runs.get(name);
    if (run === undefined) throw new RangeError(`no AnalysisRun ${name}: ${[...this.runs.keys()].join(', ')}`);
    this.runs.set(name, { ...run, status: { phase, ...(message !== undefined ? { message } : {}) } });
  }

  /** RS spec.replicas by image tag (the part after ':'), e.g. { blue: 3, green: 1 }. */
  replicasByImage(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.rs.values()) {
      const tag = (r.spec.template.spec.containers[0]?.image ?? '').split(':').pop() ?? '';
      out[tag] = (out[tag] ?? 0) + (r.spec.replicas ?? 0);
    }
    return out;
  }

  /** The RS running an image tag. */
  rsFor(tag: string): ReplicaSet | undefined {
    return [...this.rs.values()].find((r) => r.spec.template.spec.containers[0]?.image?.endsWith(`:${tag}`));
  }

  private apply(a: RolloutAction): void {
    this.history.push(a);
    switch (a.op) {
      case 'createReplicaSet': {
        const created = { ...a.rs, metadata: { ...a.rs.metadata, creationTimestamp: rfc3339(this.nowMs), uid: `uid-${a.rs.metadata.name ?? ''}` }, status: { replicas: 0 } };
        if (!this.rs.has(a.rs.metadata.name ?? '')) this.rs.set(a.rs.metadata.name ?? '', created);
        return;
      }
      case 'scaleReplicaSet': return this.updateRS(a.name, (r) => withAnnotations({ ...r, spec: { ...r.spec, replicas: a.replicas } }, a.annotations.set, a.annotations.remove));
      case 'setReplicaSetAnnotations': return this.updateRS(a.name, (r) => withAnnotations(r, a.set, a.remove));
      case 'setReplicaSetMinReadySeconds': return this.updateRS(a.name, (r) => ({ ...r, spec: { ...r.spec, minReadySeconds: a.minReadySeconds } }));
      case 'deleteReplicaSet': this.rs.delete(a.name); return;
      case 'setServiceSelector': return this.setSelector(a.service, a.hash);
      case 'setTrafficWeight': this.traffic = { weight: a.weight, canaryHash: a.canaryHash, stableHash: a.stableHash }; return;
      case 'createAnalysisRun':
        if (!this.runs.has(a.run.metadata.name ?? '')) this.runs.set(a.run.metadata.name ?? '', { ...a.run, metadata: { ...a.run.metadata, creationTimestamp: rfc3339(this.nowMs) } });
        return;
      case 'terminateAnalysisRun': return this.terminate(a.name);
      case 'deleteAnalysisRun': this.runs.delete(a.name); return;
      case 'patchRollout': this.patchRolloutObject(a.replicas, a.annotations); return;
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
    this.services.set(name, { ...s, metadata: { ...s.metadata, annotations }, spec: { ...s.spec, selector: { ...(s.spec.selector ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } } });
  }

  // Terminating a run that has not failed makes it Successful (the analysis controller's rule).
  private terminate(name: string): void {
    const run = this.runs.get(name);
    if (run === undefined) return;
    const phase = isCompletedPhase(run.status?.phase) ? run.status?.phase ?? 'Successful' : 'Successful';
    this.runs.set(name, { ...run, spec: { ...run.spec, terminate: true }, status: { ...(run.status ?? {}), phase } });
  }

  private patchRolloutObject(replicas: number | undefined, annotations: Readonly<Record<string, string>> | undefined): void {
    const ro = this.rollout;
    const metadata = { ...ro.metadata, annotations: { ...(ro.metadata.annotations ?? {}), ...(annotations ?? {}) }, ...(replicas !== undefined ? { generation: (ro.metadata.generation ?? 0) + 1 } : {}) };
    this.rollout = { ...ro, metadata, spec: { ...ro.spec, ...(replicas !== undefined ? { replicas } : {}) } };
  }
}

function withAnnotations(r: ReplicaSet, set: Readonly<Record<string, string>>, remove: readonly string[]): ReplicaSet {
  const annotations = { ...(r.metadata.annotations ?? {}), ...set };
  for (const k of remove) Reflect.deleteProperty(annotations, k);
  return { ...r, metadata: { ...r.metadata, annotations } };
}

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
