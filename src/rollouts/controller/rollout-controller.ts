// The rollouts controller: level-triggered reconcile of every Rollout — observe from informer caches, decide
// with the pure planRollout, apply through the client port. It knows only the Kubernetes API, so it runs
// the same in the embedded runtime and against a real cluster. All state lives in the API objects.
import type { Deployment, ReplicaSet } from '../../api/apps-v1.js';
import type { Pod, Service } from '../../api/core-v1.js';
import { controllerRef, type KubeObject } from '../../api/meta.js';
import { keyOf, objectKey, type ObjectKey } from '../../api/object-key.js';
import { R } from '../../api/resources.js';
import { CONTROLLER_INSTANCE_ID_LABEL } from '../../api/rollouts-constants.js';
import type { AnalysisRun, AnalysisTemplate, ClusterAnalysisTemplate, Rollout } from '../../api/rollouts-v1alpha1.js';
import type { KubeClient } from '../../control/client.js';
import { runController, type RunningController } from '../../control/controller.js';
import type { EventRecorder } from '../../control/event-recorder.js';
import { done, requeueAfter, retry, type Outcome } from '../../control/outcome.js';
import type { SharedInformers } from '../../control/shared-informers.js';
import { WorkQueue } from '../../control/work-queue.js';
import type { Clock } from '../../lib/clock.js';
import { logger } from '../../lib/log.js';
import { planRollout } from '../plan/index.js';
import { applyPlan, type PlanTrafficRouter } from './apply-actions.js';
import { observeRollout, type RolloutCaches } from './observe.js';

export interface RolloutControllerOptions {
  client: KubeClient;
  informers: SharedInformers;
  recorder: EventRecorder;
  clock: Clock;
  signal: AbortSignal;
  /** Only Rollouts whose controller-instance-id label equals this ('' = unlabelled ones). */
  instanceId?: string;
  /** Builds the traffic routers a Rollout configures. */
  routersFor?: (ro: Readonly<Rollout>, client: KubeClient) => PlanTrafficRouter[];
  workers?: number;
}

function scope(informers: SharedInformers, namespace: string | undefined): RolloutCaches {
  const s = namespace ? { namespace } : {};
  return {
    rollouts: informers.informer<Rollout>(R.rollouts, s),
    replicaSets: informers.informer<ReplicaSet>(R.replicasets, s),
    services: informers.informer<Service>(R.services, s),
    analysisRuns: informers.informer<AnalysisRun>(R.analysisruns, s),
    analysisTemplates: informers.informer<AnalysisTemplate>(R.analysistemplates, s),
    clusterAnalysisTemplates: informers.informer<ClusterAnalysisTemplate>(R.clusteranalysistemplates),
    pods: informers.informer<Pod>(R.pods, s),
    deployments: informers.informer<Deployment>(R.deployments, s),
  };
}

class RolloutController {
  readonly queue: WorkQueue<ObjectKey>;
  readonly caches: RolloutCaches;

  constructor(private readonly o: RolloutControllerOptions, namespace: string | undefined) {
    this.queue = new WorkQueue<ObjectKey>({ clock: o.clock });
    this.caches = scope(o.informers, namespace);
    const c = this.caches;
    const enqueue = (ro: Readonly<Rollout>): void => { if (this.isOurs(ro)) this.queue.add(keyOf(ro)); };
    c.rollouts.onAdd(enqueue);
    c.rollouts.onUpdate((_o, ro) => enqueue(ro));
    const byOwner = (obj: Readonly<KubeObject>): void => {
      const ref = controllerRef(obj.metadata);
      if (ref?.kind === 'Rollout') this.queue.add(objectKey(obj.metadata.namespace, ref.name));
    };
    for (const inf of [c.replicaSets, c.analysisRuns]) {
      inf.onAdd(byOwner);
      inf.onUpdate((old, obj) => { byOwner(old); byOwner(obj); });
      inf.onDelete(byOwner);
    }
    // Services and templates are referenced by name; re-check the namespace's rollouts when they change.
    const byNamespace = (obj: Readonly<KubeObject>): void => { for (const ro of c.rollouts.byNamespace(obj.metadata.namespace ?? '')) enqueue(ro); };
    for (const inf of [c.services, c.analysisTemplates, c.deployments]) {
      inf.onAdd(byNamespace);
      inf.onUpdate((_o, obj) => byNamespace(obj));
      inf.onDelete(byNamespace);
    }
  }

  private isOurs(ro: Readonly<Rollout>): boolean {
    return (ro.metadata.labels?.[CONTROLLER_INSTANCE_ID_LABEL] ?? '') === (this.o.instanceId ?? '');
  }

  async reconcile(key: ObjectKey, signal: AbortSignal): Promise<Outcome> {
    const snap = observeRollout(this.caches, key);
    if (!snap || !this.isOurs(snap.rollout) || snap.rollout.metadata.deletionTimestamp !== undefined) return done();
    const plan = planRollout(snap, this.o.clock.now());
    const routers = this.o.routersFor ? this.o.routersFor(snap.rollout, this.o.client) : [];
    try {
      await applyPlan({ client: this.o.client, recorder: this.o.recorder, routers, signal }, snap.rollout, plan);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      if (err.name === 'RouterError') this.o.recorder.event(snap.rollout, 'Warning', 'TrafficRoutingError', err.message);
      return retry(err);
    }
    return plan.requeueAfterMs !== undefined ? requeueAfter(plan.requeueAfterMs) : done();
  }
}

/** Starts the rollouts controller on `informers` (start them afterwards). `namespace` scopes it to one namespace. */
export function startRolloutController(o: RolloutControllerOptions, namespace?: string): RunningController {
  const c = new RolloutController(o, namespace);
  return runController({
    name: 'rollouts', queue: c.queue, workers: o.workers ?? 4, log: logger('rollouts-controller'), signal: o.signal, clock: o.clock,
    reconcile: (k, signal) => c.reconcile(k, signal),
  });
}
