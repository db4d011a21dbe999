// The `job` metric provider (metricproviders/job): a measurement is a batch/v1 Job. `run` creates it (adopting one of
// the same name owned by the same run) and returns Running with `resumeAt`; `resume` reads it — Complete is
// Successful, Failed is Failed, a pod stuck pulling its image is Inconclusive — and otherwise asks to be resumed
// again later; `terminate` deletes it; `garbageCollect` deletes the run's oldest Jobs beyond the retention limit.
import { isApiError } from '../../api/api-error.js';
import type { Job } from '../../api/batch-v1.js';
import type { Pod } from '../../api/core-v1.js';
import { controllerRef, type KubeObject } from '../../api/meta.js';
import { R } from '../../api/resources.js';
import type { AnalysisRun, Measurement, Metric } from '../../api/rollouts-analysis.js';
import { ANALYSIS_RUN_UID_LABEL } from '../../api/rollouts-constants.js';
import { parseTime, rfc3339, systemClock, type Clock } from '../../lib/clock.js';
import type { KubeClient } from '../../control/client.js';
import { JOB_NAMESPACE_KEY, JOB_NAME_KEY, buildMetricJob, jobOutcome, jobResumeDelayMs, terminalPodError } from './job-build.js';
import type { MetricProvider } from './metric-provider.js';
import { errorMeasurement } from './provider-measurement.js';

/** Reads a Job from a cache (the controller's Job informer); undefined when not cached. */
export type JobLookup = (namespace: string, name: string) => Readonly<Job> | undefined;

/** How a Job is deleted; Argo deletes measurement Jobs in the foreground (pods first). */
export const JOB_DELETE_PROPAGATION = 'Foreground';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The job provider. */
export class JobProvider implements MetricProvider {
  readonly type = 'Job';

  constructor(private readonly client: KubeClient, private readonly jobs: JobLookup = () => undefined, private readonly clock: Clock = systemClock) {}

  async run(metric: Readonly<Metric>, run: Readonly<AnalysisRun>, _signal: AbortSignal): Promise<Measurement> {
    const nowMs = this.clock.now();
    const started: Measurement = { phase: 'Running', startedAt: rfc3339(nowMs) };
    const job = buildMetricJob(run, metric);
    const ns = job.metadata.namespace ?? '';
    let created: KubeObject;
    try {
      created = await this.client.create(R.jobs, job);
    } catch (e) {
      if (!isApiError(e, 'AlreadyExists')) return errorMeasurement(nowMs, this.clock.now(), message(e), started);
      const existing = await this.client.get(R.jobs, ns, job.metadata.name ?? '').catch(() => undefined);
      // A Job of this name left by this very run (a repeated create) is adopted; anyone else's is an error.
      if (existing === undefined || controllerRef(existing.metadata)?.uid !== run.metadata.uid) {
        return errorMeasurement(nowMs, this.clock.now(), message(e), started);
      }
      created = existing;
    }
    // resumeAt = now: look at the Job again at once, to catch short-lived ones.
    return { ...started, metadata: { [JOB_NAME_KEY]: created.metadata.name ?? '', [JOB_NAMESPACE_KEY]: created.metadata.namespace ?? ns }, resumeAt: started.startedAt ?? rfc3339(nowMs) };
  }

  async resume(_metric: Readonly<Metric>, run: Readonly<AnalysisRun>, m: Readonly<Measurement>, _signal: AbortSignal): Promise<Measurement> {
    const nowMs = this.clock.now();
    const ref = jobRef(m, run);
    if (ref === undefined) return errorMeasurement(nowMs, nowMs, 'job metadata reference missing', m);
    let job: Readonly<Job>;
    try {
      job = this.jobs(ref.namespace, ref.name) ?? await this.client.get<Job>(R.jobs, ref.namespace, ref.name);
    } catch (e) {
      return errorMeasurement(nowMs, this.clock.now(), message(e), m);
    }
    const outcome = jobOutcome(job);
    if (outcome !== undefined) return { ...m, phase: outcome, finishedAt: rfc3339(nowMs) };
    let pods: Pod[];
    try {
      pods = (await this.client.list<Pod>(R.pods, ref.namespace, { labelSelector: podSelectorOf(job, run) })).items;
    } catch (e) {
      return errorMeasurement(nowMs, this.clock.now(), message(e), m);
    }
    const stuck = terminalPodError(pods);
    if (stuck !== undefined) return { ...m, phase: 'Inconclusive', message: stuck, finishedAt: rfc3339(nowMs) };
    const startedMs = parseTime(m.startedAt);
    const delayMs = jobResumeDelayMs(Number.isNaN(startedMs) ? 0 : nowMs - startedMs);
    return { ...m, resumeAt: rfc3339(nowMs + delayMs) };
  }

  async terminate(_metric: Readonly<Metric>, run: Readonly<AnalysisRun>, m: Readonly<Measurement>, _signal: AbortSignal): Promise<Measurement> {
    const nowMs = this.clock.now();
    const ref = jobRef(m, run);
    if (ref === undefined) return errorMeasurement(nowMs, nowMs, 'job metadata reference missing', m);
    try {
      await this.deleteJob(ref.namespace, ref.name);
    } catch (e) {
      return errorMeasurement(nowMs, this.clock.now(), message(e), m);
    }
    return { ...m, phase: 'Inconclusive', finishedAt: rfc3339(this.clock.now()) };
  }

  /** Keeps the run's newest `limit` Jobs (all its metrics together, as Argo counts them). */
  async garbageCollect(_metric: Readonly<Metric>, run: Readonly<AnalysisRun>, limit: number, _signal: AbortSignal): Promise<void> {
    const selector = `${ANALYSIS_RUN_UID_LABEL}=${run.metadata.uid ?? ''}`;
    const jobs = (await this.client.list<Job>(R.jobs, run.metadata.namespace, { labelSelector: selector })).items;
    jobs.sort(byAge);
    for (const job of jobs.slice(0, Math.max(0, jobs.length - limit))) await this.deleteJob(job.metadata.namespace ?? '', job.metadata.name ?? '');
  }

  private async deleteJob(namespace: string, name: string): Promise<void> {
    try {
      await this.client.delete(R.jobs, namespace, name, { propagationPolicy: JOB_DELETE_PROPAGATION });
    } catch (e) {
      if (!isApiError(e, 'NotFound')) throw e;
    }
  }
}

/** Oldest first: by creationTimestamp (whole seconds), then by the measurement number ending the name. */
function byAge(a: Readonly<Job>, b: Readonly<Job>): number {
  const t = (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '');
  if (t !== 0) return t;
  const n = (j: Readonly<Job>): number => Number(/\.(\d+)$/.exec(j.metadata.name ?? '')?.[1] ?? 0);
  return n(a) - n(b) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
}

function jobRef(m: Readonly<Measurement>, run: Readonly<AnalysisRun>): { namespace: string; name: string } | undefined {
  const name = m.metadata?.[JOB_NAME_KEY] ?? '';
  if (name === '') return undefined;
  const ns = m.metadata?.[JOB_NAMESPACE_KEY] ?? '';
  return { namespace: ns !== '' ? ns : run.metadata.namespace ?? '', name };
}

/** The Job's pods: its own selector when it has matchLabels, else the run's uid label. */
function podSelectorOf(job: Readonly<Job>, run: Readonly<AnalysisRun>): string {
  const labels = job.spec.selector?.matchLabels ?? {};
  const pairs = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  return pairs.length > 0 ? pairs.join(',') : `${ANALYSIS_RUN_UID_LABEL}=${run.metadata.uid ?? ''}`;
}
