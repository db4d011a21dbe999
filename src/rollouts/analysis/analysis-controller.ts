// The AnalysisRun controller: level-triggered reconcile of every AnalysisRun — observe (run + provider calls in
// flight), decide with the pure planAnalysisRun, apply. Provider calls run in the background and enqueue the run
// when they settle; Jobs enqueue their run when they complete or fail. It knows only the Kubernetes API.
import type { Job } from '../../api/batch-v1.js';
import { controllerRef } from '../../api/meta.js';
import { keyOf, objectKey, type ObjectKey } from '../../api/object-key.js';
import { R } from '../../api/resources.js';
import type { AnalysisRun } from '../../api/rollouts-analysis.js';
import {
  ANALYSIS_RUN_NAMESPACE_ANNOTATION, ANALYSIS_RUN_NAME_ANNOTATION, ANALYSIS_RUN_UID_LABEL, CONTROLLER_INSTANCE_ID_LABEL, isCompletedPhase,
} from '../../api/rollouts-constants.js';
import type { KubeClient } from '../../control/client.js';
import { runController, type RunningController } from '../../control/controller.js';
import { EventRecorder } from '../../control/event-recorder.js';
import type { Informer } from '../../control/informer.js';
import { done, requeueAfter, retry, type Outcome } from '../../control/outcome.js';
import { SharedInformers } from '../../control/shared-informers.js';
import type { Timers } from '../../control/timers.js';
import { WorkQueue } from '../../control/work-queue.js';
import { systemClock, type Clock } from '../../lib/clock.js';
import { logger, type Logger } from '../../lib/log.js';
import { applyAnalysisActions, type ApplyContext } from './apply-analysis-actions.js';
import { callProvider, type MeasurementDeps } from './measurement-call.js';
import { MeasurementRunner } from './measurement-runner.js';
import { WrittenRuns } from './observe-analysis-run.js';
import { planAnalysisRun } from './plan-analysis-run.js';
import { JobProvider } from './provider-job.js';
import { PrometheusProvider } from './provider-prometheus.js';
import { providerFor, type ProviderSet } from './provider-registry.js';
import { WebProvider } from './provider-web.js';

/** Options of startAnalysisController. */
export interface AnalysisControllerOptions {
  client: KubeClient;
  /** Watch one namespace only (default: all). */
  namespace?: string;
  /** Only runs whose controller-instance-id label equals this ('' or absent: unlabelled runs). */
  instanceId?: string;
  clock?: Clock;
  log?: Logger;
  /** Shared informers (the caller starts them); by default the controller creates and starts its own. */
  informers?: SharedInformers;
  recorder?: EventRecorder;
  /** Providers by metric provider key (default: job, web and prometheus). */
  providers?: ProviderSet;
  workers?: number;
  /** Stops the controller when aborted (as `stop()` does). */
  signal?: AbortSignal;
  timers?: Timers;
}

/** A running AnalysisRun controller. */
export interface AnalysisController {
  readonly controller: RunningController;
  /** Resolves true once the informers have listed everything. */
  synced(): Promise<boolean>;
  /** Stops workers, aborts provider calls in flight, stops own informers and flushes events. */
  stop(): Promise<void>;
}

/** The run a measurement Job belongs to (its controller reference, else its annotations). */
function runKeyOfJob(job: Readonly<Job>): ObjectKey | undefined {
  const ann = job.metadata.annotations ?? {};
  const ns = ann[ANALYSIS_RUN_NAMESPACE_ANNOTATION] ?? job.metadata.namespace;
  const owner = controllerRef(job.metadata);
  const name = owner?.kind === 'AnalysisRun' ? owner.name : ann[ANALYSIS_RUN_NAME_ANNOTATION];
  return name === undefined || name === '' ? undefined : objectKey(ns, name);
}

function isJobFinished(job: Readonly<Job>): boolean {
  return (job.status?.conditions ?? []).some((c) => c.type === 'Complete' || c.type === 'Failed');
}

/** Starts the AnalysisRun controller (workers, informers on AnalysisRuns and measurement Jobs). */
export function startAnalysisController(o: AnalysisControllerOptions): AnalysisController {
  const clock = o.clock ?? systemClock;
  const log = o.log ?? logger('analysis-controller');
  const abort = new AbortController();
  o.signal?.addEventListener('abort', () => abort.abort(), { once: true });
  const ownInformers = o.informers === undefined;
  const informers = o.informers ?? new SharedInformers(o.client, { clock });
  const recorder = o.recorder ?? new EventRecorder(o.client, { component: 'rollouts-controller', clock });
  const scope = o.namespace !== undefined ? { namespace: o.namespace } : {};
  const runs = informers.informer<AnalysisRun>(R.analysisruns, scope);
  const jobs = informers.informer<Job>(R.jobs, { ...scope, labelSelector: ANALYSIS_RUN_UID_LABEL });
  const queue = new WorkQueue<ObjectKey>({ clock, ...(o.timers !== undefined ? { timers: o.timers } : {}) });
  const runner = new MeasurementRunner((key) => queue.add(key));
  const providers = o.providers ?? {
    job: new JobProvider(o.client, (ns, name) => jobs.get(objectKey(ns, name)), clock),
    web: new WebProvider(clock),
    prometheus: new PrometheusProvider({ clock }),
  };
  const reconciler = new Reconciler({ client: o.client, providers, clock }, runs, runner, recorder, log, o.instanceId ?? '');
  wireEvents(runs, jobs, queue);
  const controller = runController({
    name: 'analysisruns', queue, workers: o.workers ?? 4, log, signal: abort.signal, clock,
    reconcile: (key) => reconciler.reconcile(key),
  });
  if (ownInformers) informers.start();
  return {
    controller,
    synced: () => informers.synced(),
    stop: async () => {
      abort.abort();
      await controller.stopped;
      await runner.stop();
      if (ownInformers) await informers.stop();
      await recorder.flush();
    },
  };
}

/** The controller as an `extra` of startRolloutsManager: `extra: [analysisControllerExtra({ client })]`. */
export function analysisControllerExtra(o: Omit<AnalysisControllerOptions, 'signal'>): (signal: AbortSignal) => () => Promise<void> {
  return (signal) => {
    const c = startAnalysisController({ ...o, signal });
    return () => c.stop();
  };
}

function wireEvents(runs: Informer<AnalysisRun>, jobs: Informer<Job>, queue: WorkQueue<ObjectKey>): void {
  runs.onAdd((r) => queue.add(keyOf(r)));
  runs.onUpdate((_old, r) => queue.add(keyOf(r)));
  runs.onDelete((r) => queue.add(keyOf(r)));
  const byJob = (job: Readonly<Job>): void => {
    const key = runKeyOfJob(job);
    if (key !== undefined && isJobFinished(job)) queue.add(key);
  };
  jobs.onAdd(byJob);
  jobs.onUpdate((_old, job) => byJob(job));
  jobs.onDelete(byJob);
}

/** observe → plan → apply for one run. */
class Reconciler {
  private readonly written = new WrittenRuns();
  private readonly subresource = { missing: false };

  constructor(
    private readonly deps: MeasurementDeps, private readonly runs: Informer<AnalysisRun>, private readonly runner: MeasurementRunner,
    private readonly recorder: EventRecorder, private readonly log: Logger, private readonly instanceId: string,
  ) {}

  async reconcile(key: ObjectKey): Promise<Outcome> {
    const run = this.written.observe(key, this.runs.get(key));
    if (run === undefined || run.metadata.deletionTimestamp !== undefined) {
      this.runner.forget(key);
      this.written.forget(key);
      return done();
    }
    if ((run.metadata.labels?.[CONTROLLER_INSTANCE_ID_LABEL] ?? '') !== this.instanceId) return done();
    const uid = run.metadata.uid ?? '';
    const calls = this.runner.state(key, uid);
    const plan = planAnalysisRun({ run, results: calls.results, inFlight: calls.inFlight, nowMs: this.deps.clock.now() });
    try {
      await applyAnalysisActions(this.context(key, uid), run, plan);
    } catch (e) {
      return retry(e);
    }
    this.runner.acknowledge(key, uid, calls.results);
    if (isCompletedPhase(plan.status.phase)) this.runner.forget(key);
    return plan.requeueAfterMs !== undefined ? requeueAfter(plan.requeueAfterMs) : done();
  }

  private context(key: ObjectKey, uid: string): ApplyContext {
    return {
      client: this.deps.client, recorder: this.recorder, subresource: this.subresource,
      remember: (r) => this.written.remember(key, r),
      startCall: (a, run) => this.runner.start(key, uid, a.metricName, (signal) => callProvider(this.deps, run, a, signal)),
      garbageCollect: async (a, run) => {
        const metric = (run.spec.metrics ?? []).find((m) => m.name === a.metricName);
        const found = metric !== undefined ? providerFor(this.deps.providers, metric) : undefined;
        if (metric === undefined || found?.ok !== true || found.provider.garbageCollect === undefined) return;
        await found.provider.garbageCollect(metric, run, a.limit, AbortSignal.timeout(30_000))
          .catch((e: unknown) => this.log.warn('failed to garbage collect measurements', { run: key, metric: a.metricName, error: e instanceof Error ? e : String(e) }));
      },
    };
  }
}
