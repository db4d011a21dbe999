// The Deployment controller: observe (deployments, their ReplicaSets and pods) → planDeployment → apply.
import { isApiError } from '../../../api/api-error.js';
import type { Deployment, ReplicaSet } from '../../../api/apps-v1.js';
import type { Pod } from '../../../api/core-v1.js';
import { matchesSelector } from '../../../api/label-selector.js';
import type { KubeObject } from '../../../api/meta.js';
import { keyOf, splitKey, type ObjectKey } from '../../../api/object-key.js';
import { R } from '../../../api/resources.js';
import { runController, type RunningController } from '../../../control/controller.js';
import type { EventRecorder } from '../../../control/event-recorder.js';
import type { Informer } from '../../../control/informer.js';
import { done, requeueAfter, retry, type Outcome } from '../../../control/outcome.js';
import { WorkQueue } from '../../../control/work-queue.js';
import { logger } from '../../../lib/log.js';
import { ownerKey, type ControllerDeps } from '../controller-deps.js';
import { planDeployment, type DeploymentAction } from './index.js';

/** Sends writes in order; a second write to the same object uses the resourceVersion the first returned. */
class WriteTracker {
  private readonly rvs = new Map<string, string>();
  fresh<T extends KubeObject>(obj: T): T {
    const rv = this.rvs.get(`${obj.kind}/${obj.metadata.name ?? ''}`);
    return rv === undefined ? obj : { ...obj, metadata: { ...obj.metadata, resourceVersion: rv } };
  }
  record(obj: KubeObject): void {
    this.rvs.set(`${obj.kind}/${obj.metadata.name ?? ''}`, obj.metadata.resourceVersion ?? '');
  }
}

class DeploymentController {
  readonly queue: WorkQueue<ObjectKey>;
  private readonly dInf: Informer<Deployment>;
  private readonly rsInf: Informer<ReplicaSet>;
  private readonly podInf: Informer<Pod>;
  private readonly recorder: EventRecorder;

  constructor(private readonly deps: ControllerDeps) {
    this.queue = new WorkQueue<ObjectKey>({ clock: deps.clock });
    this.dInf = deps.informers.informer<Deployment>(R.deployments);
    this.rsInf = deps.informers.informer<ReplicaSet>(R.replicasets);
    this.podInf = deps.informers.informer<Pod>(R.pods);
    this.recorder = deps.recorder('deployment-controller');
    this.dInf.onAdd((d) => this.queue.add(keyOf(d)));
    this.dInf.onUpdate((_o, d) => this.queue.add(keyOf(d)));
    this.rsInf.onAdd((rs) => this.enqueueForRS(rs));
    this.rsInf.onUpdate((old, rs) => { this.enqueueForRS(old); this.enqueueForRS(rs); });
    this.rsInf.onDelete((rs) => this.enqueueForRS(rs));
    // Recreate waits for old pods to be gone, so pod deletions matter too.
    this.podInf.onDelete((p) => {
      const rsKey = ownerKey(p, 'ReplicaSet');
      const rs = rsKey ? this.rsInf.get(rsKey) : undefined;
      if (rs) this.enqueueForRS(rs);
    });
  }

  private enqueueForRS(rs: Readonly<ReplicaSet>): void {
    const owner = ownerKey(rs, 'Deployment');
    if (owner) { this.queue.add(owner); return; }
    for (const d of this.dInf.byNamespace(rs.metadata.namespace ?? '')) {
      if (matchesSelector(d.spec.selector, rs.metadata.labels)) this.queue.add(keyOf(d));
    }
  }

  async reconcile(key: ObjectKey): Promise<Outcome> {
    const deployment = this.dInf.get(key);
    if (!deployment) return done();
    const [ns] = splitKey(key);
    const replicaSets = this.rsInf.byNamespace(ns);
    const rsUids = new Set(replicaSets.map((r) => r.metadata.uid));
    const pods = this.podInf.byNamespace(ns).filter((p) => (p.metadata.ownerReferences ?? []).some((o) => rsUids.has(o.uid)));
    const plan = planDeployment({ deployment, replicaSets, pods }, this.deps.clock.now());
    const writes = new WriteTracker();
    try {
      for (const a of plan.actions) await this.apply(ns, deployment, a, writes);
    } catch (e) {
      return retry(e instanceof Error ? e : new Error(String(e)));
    }
    return plan.requeueAfterMs !== undefined ? requeueAfter(plan.requeueAfterMs) : done();
  }

  private async apply(ns: string, d: Readonly<Deployment>, a: DeploymentAction, writes: WriteTracker): Promise<void> {
    const client = this.deps.client;
    switch (a.op) {
      case 'createRS':
        try { writes.record(await client.create(R.replicasets, a.rs)); } catch (e) {
          if (!isApiError(e, 'AlreadyExists')) throw e;
        }
        return;
      case 'updateRS': writes.record(await client.update(R.replicasets, writes.fresh(a.rs))); return;
      case 'deleteRS':
        try { await client.delete(R.replicasets, ns, a.name, { preconditions: { uid: a.uid } }); } catch (e) {
          if (!isApiError(e, 'NotFound')) throw e;
        }
        return;
      case 'updateDeployment': writes.record(await client.update(R.deployments, writes.fresh(a.deployment))); return;
      case 'updateStatus': writes.record(await client.updateStatus(R.deployments, writes.fresh({ ...d, status: a.status }))); return;
      case 'event': this.recorder.event(d, a.type, a.reason, a.message);
    }
  }
}

/** Starts the Deployment controller. */
export function startDeploymentController(deps: ControllerDeps): RunningController {
  const c = new DeploymentController(deps);
  return runController({ name: 'deployment', queue: c.queue, workers: deps.workers ?? 2, reconcile: (k) => c.reconcile(k), log: logger('deployment-controller'), signal: deps.signal, clock: deps.clock });
}
