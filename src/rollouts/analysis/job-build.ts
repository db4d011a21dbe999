// The Job a `job` metric runs (metricproviders/job newMetricJob, newJobName) and how its state reads as a measurement
// phase. Names are `<run-uid>.<metric>.<n>` with n = measurements taken so far (count + error) + 1, shortened by
// cutting the metric name so the whole fits in 63 characters (the Job name becomes a pod label value).
import type { Job } from '../../api/batch-v1.js';
import type { Pod } from '../../api/core-v1.js';
import { isJsonObject, type KubeObject } from '../../api/meta.js';
import type { AnalysisRun, Metric } from '../../api/rollouts-analysis.js';
import {
  ANALYSIS_RUN_METRIC_NAME_ANNOTATION, ANALYSIS_RUN_NAME_ANNOTATION, ANALYSIS_RUN_NAMESPACE_ANNOTATION, ANALYSIS_RUN_UID_LABEL,
} from '../../api/rollouts-constants.js';

/** Longest Job name (a DNS label, since Kubernetes copies it into a pod label). */
export const JOB_NAME_LIMIT = 63;
/** Measurement metadata key naming the Job (read back by `get rollout` and by resume). */
export const JOB_NAME_KEY = 'job-name';
/** Measurement metadata key naming the Job's namespace. */
export const JOB_NAMESPACE_KEY = 'job-namespace';

/**
 * The Job name for the next measurement of `metricName`. Example: uid `a1b2…` (36 chars), metric `pass`, count 2 and
 * error 1 → `<uid>.pass.4`; a metric name that would push the name past 63 characters is cut to fit.
 */
export function metricJobName(run: Readonly<AnalysisRun>, metricName: string): string {
  const result = run.status?.metricResults?.find((r) => r.name === metricName);
  const n = (result?.count ?? 0) + (result?.error ?? 0) + 1;
  const uid = run.metadata.uid ?? '';
  const name = `${uid}.${metricName}.${n}`;
  if (name.length <= JOB_NAME_LIMIT) return name;
  const keep = Math.max(0, metricName.length - (name.length - JOB_NAME_LIMIT));
  return `${uid}.${metricName.slice(0, keep)}.${n}`;
}

/** The controller owner reference of a Job to its AnalysisRun. */
export function runOwnerRef(run: Readonly<AnalysisRun>): NonNullable<KubeObject['metadata']['ownerReferences']>[number] {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', name: run.metadata.name ?? '', uid: run.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/**
 * The batch/v1 Job for one measurement: the metric's job metadata and spec, label `analysisrun.argoproj.io/uid` on
 * the Job and its pod template, annotations naming the run, its namespace and the metric, owned by the run.
 */
export function buildMetricJob(run: Readonly<AnalysisRun>, metric: Readonly<Metric>): KubeObject {
  const job = metric.provider.job;
  const uid = run.metadata.uid ?? '';
  const spec: Record<string, unknown> = { ...(job?.spec ?? {}) };
  const template = isJsonObject(spec['template']) ? spec['template'] : {};
  const templateMeta = isJsonObject(template['metadata']) ? template['metadata'] : {};
  const podLabels = isJsonObject(templateMeta['labels']) ? templateMeta['labels'] : {};
  spec['template'] = { ...template, metadata: { ...templateMeta, labels: { ...podLabels, [ANALYSIS_RUN_UID_LABEL]: uid } } };
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: {
      name: metricJobName(run, metric.name), namespace: run.metadata.namespace ?? '',
      labels: { ...(job?.metadata?.labels ?? {}), [ANALYSIS_RUN_UID_LABEL]: uid },
      annotations: {
        ...(job?.metadata?.annotations ?? {}),
        [ANALYSIS_RUN_NAME_ANNOTATION]: run.metadata.name ?? '', [ANALYSIS_RUN_NAMESPACE_ANNOTATION]: run.metadata.namespace ?? '',
        [ANALYSIS_RUN_METRIC_NAME_ANNOTATION]: metric.name,
      },
      ownerReferences: [runOwnerRef(run)],
    },
    spec,
  };
}

/** Complete → Successful, Failed → Failed (the last such condition wins, as Argo loops), else undefined. */
export function jobOutcome(job: Readonly<Job>): 'Successful' | 'Failed' | undefined {
  let out: 'Successful' | 'Failed' | undefined;
  for (const c of job.status?.conditions ?? []) {
    if (c.status === 'False') continue;
    if (c.type === 'Complete') out = 'Successful';
    else if (c.type === 'Failed') out = 'Failed';
  }
  return out;
}

const TERMINAL_WAITING = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName']);

/** The first pod container stuck for good (image pull failures), worded as Argo reports it, or undefined. */
export function terminalPodError(pods: readonly Readonly<Pod>[]): string | undefined {
  for (const pod of pods) {
    for (const cs of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
      const waiting = cs.state?.waiting;
      if (waiting?.reason !== undefined && TERMINAL_WAITING.has(waiting.reason)) {
        return `Pod ${pod.metadata.name ?? ''}, container ${cs.name} has terminal error (${waiting.reason}): ${waiting.message ?? ''}\n`;
      }
    }
  }
  return undefined;
}

/** How long to wait before looking at a Job again: sqrt(2 × elapsed seconds) s, at least 1 s (Argo has no floor). 50 s after start → 10 s. */
export function jobResumeDelayMs(elapsedMs: number): number {
  return Math.max(1000, Math.sqrt((2 * Math.max(0, elapsedMs)) / 1000) * 1000);
}
