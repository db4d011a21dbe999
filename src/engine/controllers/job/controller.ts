// The Job controller: observe (jobs and their pods) → planJob → apply.
import { isApiError } from '../../../api/api-error.js';
import type { Job } from '../../../api/batch-v1.js';
import type { Pod } from '../../../api/core-v1.js';
import { keyOf, splitKey, type ObjectKey } from '../../../api/object-key.js';
import { R } from '../../../api/resources.js';
import { runController, type RunningController } from '../../../control/controller.js';
import type { EventRecorder } from '../../../control/event-recorder.js';
import { Expectations } from '../../../control/expectations.js';
import type { Informer } from '../../../control/informer.js';
import { done, requeueAfter, retry, type Outcome } from '../../../control/outcome.js';
import { WorkQueue } from '../../../control/work-queue.js';
import { logger } from '../../../lib/log.js';
import { ownerKey, type ControllerDeps } from '../controller-deps.js';
import { planJob, type JobAction } from './index.js';

class JobController {
  readonly queue: WorkQueue<ObjectKey>;
  private readonly jobInf: Informer<Job>;
  private readonly podInf: Informer<Pod>;
  private readonly expectations = new Expectations<ObjectKey>();
  private readonly recorder: EventRecorder;

  constructor(private readonly deps: ControllerDeps) {
    this.queue = new WorkQueue<ObjectKey>({ clock: deps.clock });
    this.jobInf = deps.informers.informer<Job>(R.jobs);
    this.podInf = deps.informers.informer<Pod>(R.pods);
    this.recorder = deps.recorder('job-controller');
    this.jobInf.onAdd((j) => this.queue.add(keyOf(j)));
    this.jobInf.onUpdate((_o, j) => this.queue.add(keyOf(j)));
    this.jobInf.onDelete((j) => this.expectations.delete(keyOf(j)));
    const owner = (p: Readonly<Pod>): ObjectKey | undefined => ownerKey(p, 'Job');
    this.podInf.onAdd((p) => { const o = owner(p); if (o) { this.expectations.creationObserved(o); this.queue.add(o); } });
    this.podInf.onUpdate((_old, p) => { const o = owner(p); if (o) this.queue.add(o); });
    this.podInf.onDelete((p) => { const o = owner(p); if (o) { this.expectations.deletionObserved(o); this.queue.add(o); } });
  }

  async reconcile(key: ObjectKey): Promise<Outcome> {
    const job = this.jobInf.get(key);
    if (!job) return done();
    const nowMs = this.deps.clock.now();
    const pods = this.podInf.byNamespace(job.metadata.namespace ?? '');
    const plan = planJob({ job, pods, expectationsSatisfied: this.expectations.satisfied(key, nowMs) }, nowMs, Math.random);
    const creates = plan.actions.filter((a) => a.op === 'createPod').length;
    const deletes = plan.actions.filter((a) => a.op === 'deletePod').length;
    if (creates + deletes > 0) this.expectations.expect(key, { creates, deletes }, nowMs);
    let latest: Readonly<Job> = job;
    try {
      for (const a of plan.actions) latest = await this.apply(key, latest, a);
    } catch (e) {
      return retry(e instanceof Error ? e : new Error(String(e)));
    }
    return plan.requeueAfterMs !== undefined ? requeueAfter(plan.requeueAfterMs) : done();
  }

  /** Applies one action; returns the Job as last written (a plan may write its status twice). */
  private async apply(key: ObjectKey, job: Readonly<Job>, a: JobAction): Promise<Readonly<Job>> {
    const [ns] = splitKey(key);
    const client = this.deps.client;
    const ignoreNotFound = (e: unknown): void => { if (!isApiError(e, 'NotFound')) throw e; };
    switch (a.op) {
      case 'createPod':
        try { await client.create(R.pods, a.pod); } catch (e) { this.expectations.creationObserved(key); throw e; }
        return job;
      case 'deletePod':
        try { await client.delete(R.pods, ns, a.pod.name, { preconditions: { uid: a.pod.uid } }); } catch (e) { this.expectations.deletionObserved(key); ignoreNotFound(e); }
        return job;
      case 'removePodFinalizer':
        try { await client.patch(R.pods, ns, a.pod.name, 'strategic', { metadata: { '$deleteFromPrimitiveList/finalizers': [a.finalizer] } }); } catch (e) { ignoreNotFound(e); }
        return job;
      case 'updateStatus': return client.updateStatus(R.jobs, { ...job, status: a.status });
      case 'event': this.recorder.event(job, a.type, a.reason, a.message); return job;
    }
  }
}

/** Starts the Job controller. */
export function startJobController(deps: ControllerDeps): RunningController {
  const c = new JobController(deps);
  return runController({ name: 'job', queue: c.queue, workers: deps.workers ?? 2, reconcile: (k) => c.reconcile(k), log: logger('job-controller'), signal: deps.signal, clock: deps.clock });
}
