// The ReplicaSet controller: observe (informer caches) → planReplicaSet → apply through the client.
import { isApiError } from '../../../api/api-error.js';
import type { ReplicaSet } from '../../../api/apps-v1.js';
import type { Pod } from '../../../api/core-v1.js';
import { matchesSelector } from '../../../api/label-selector.js';
import { keyOf, splitKey, type ObjectKey } from '../../../api/object-key.js';
import { R } from '../../../api/resources.js';
import { runController, type RunningController } from '../../../control/controller.js';
import type { EventRecorder } from '../../../control/event-recorder.js';
import { Expectations } from '../../../control/expectations.js';
import type { Informer } from '../../../control/informer.js';
import { done, requeueAfter, retry, type Outcome } from '../../../control/outcome.js';
import { WorkQueue } from '../../../control/work-queue.js';
import { logger } from '../../../lib/log.js';
import { errorMessage, ownerKey, type ControllerDeps } from '../controller-deps.js';
import { planReplicaSet, type ReplicaSetAction, type ReplicaSetSnapshot } from './index.js';

type ManageError = NonNullable<ReplicaSetSnapshot['lastManageError']>;

class ReplicaSetController {
  readonly queue: WorkQueue<ObjectKey>;
  private readonly rsInf: Informer<ReplicaSet>;
  private readonly podInf: Informer<Pod>;
  private readonly expectations = new Expectations<ObjectKey>();
  private readonly manageErrors = new Map<ObjectKey, ManageError>();
  private readonly recorder: EventRecorder;

  constructor(private readonly deps: ControllerDeps) {
    this.queue = new WorkQueue<ObjectKey>({ clock: deps.clock });
    this.rsInf = deps.informers.informer<ReplicaSet>(R.replicasets);
    this.podInf = deps.informers.informer<Pod>(R.pods);
    this.recorder = deps.recorder('replicaset-controller');
    this.rsInf.onAdd((rs) => this.queue.add(keyOf(rs)));
    this.rsInf.onUpdate((_o, rs) => this.queue.add(keyOf(rs)));
    this.rsInf.onDelete((rs) => { this.expectations.delete(keyOf(rs)); this.manageErrors.delete(keyOf(rs)); });
    this.podInf.onAdd((p) => { const o = ownerKey(p, 'ReplicaSet'); if (o) this.expectations.creationObserved(o); this.enqueueFor(p); });
    this.podInf.onUpdate((old, p) => { this.enqueueFor(old); this.enqueueFor(p); });
    this.podInf.onDelete((p) => { const o = ownerKey(p, 'ReplicaSet'); if (o) this.expectations.deletionObserved(o); this.enqueueFor(p); });
  }

  private enqueueFor(pod: Readonly<Pod>): void {
    const owner = ownerKey(pod, 'ReplicaSet');
    if (owner) { this.queue.add(owner); return; }
    // An orphan: any ReplicaSet whose selector matches may adopt it.
    for (const rs of this.rsInf.byNamespace(pod.metadata.namespace ?? '')) {
      if (matchesSelector(rs.spec.selector, pod.metadata.labels)) this.queue.add(keyOf(rs));
    }
  }

  async reconcile(key: ObjectKey): Promise<Outcome> {
    const rs = this.rsInf.get(key);
    if (!rs) return done();
    const nowMs = this.deps.clock.now();
    const lastManageError = this.manageErrors.get(key);
    const snap: ReplicaSetSnapshot = {
      rs, pods: this.podInf.byNamespace(rs.metadata.namespace ?? ''), expectationsSatisfied: this.expectations.satisfied(key, nowMs),
      ...(lastManageError ? { lastManageError } : {}),
    };
    const plan = planReplicaSet(snap, nowMs, Math.random);
    const creates = plan.actions.filter((a) => a.op === 'createPod').length;
    const deletes = plan.actions.filter((a) => a.op === 'deletePod').length;
    if (creates + deletes > 0) this.expectations.expect(key, { creates, deletes }, nowMs);
    this.manageErrors.delete(key);
    try {
      for (const a of plan.actions) await this.apply(key, rs, a);
    } catch (e) {
      return retry(e instanceof Error ? e : new Error(String(e)));
    }
    return plan.requeueAfterMs !== undefined ? requeueAfter(plan.requeueAfterMs) : done();
  }

  private async apply(key: ObjectKey, rs: Readonly<ReplicaSet>, a: ReplicaSetAction): Promise<void> {
    const [ns] = splitKey(key);
    const client = this.deps.client;
    switch (a.op) {
      case 'createPod':
        try { await client.create(R.pods, a.pod); } catch (e) {
          this.expectations.creationObserved(key);
          this.manageErrors.set(key, { reason: 'FailedCreate', message: errorMessage(e) });
          this.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${errorMessage(e)}`);
          throw e;
        }
        return;
      case 'deletePod':
        try { await client.delete(R.pods, ns, a.pod.name, { preconditions: { uid: a.pod.uid } }); } catch (e) {
          if (isApiError(e, 'NotFound')) return;
          this.expectations.deletionObserved(key);
          this.manageErrors.set(key, { reason: 'FailedDelete', message: errorMessage(e) });
          throw e;
        }
        return;
      case 'adoptPod': case 'releasePod':
        await client.patch(R.pods, ns, a.pod.name, 'merge', { metadata: { uid: a.pod.uid, ownerReferences: a.ownerReferences } });
        return;
      case 'updateStatus':
        await client.updateStatus(R.replicasets, { ...rs, status: a.status });
        return;
      case 'event':
        this.recorder.event(rs, a.type, a.reason, a.message);
    }
  }
}

/** Starts the ReplicaSet controller. */
export function startReplicaSetController(deps: ControllerDeps): RunningController {
  const c = new ReplicaSetController(deps);
  return runController({ name: 'replicaset', queue: c.queue, workers: deps.workers ?? 2, reconcile: (k) => c.reconcile(k), log: logger('replicaset-controller'), signal: deps.signal, clock: deps.clock });
}
