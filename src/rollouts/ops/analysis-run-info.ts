// The AnalysisRuns of a Rollout as `get rollout` shows them (info/analysisrun_info.go): phase, counts, jobs.
import type { AnalysisRun } from '../../api/rollouts-v1alpha1.js';
import { REVISION_ANNOTATION } from '../../api/rollouts-constants.js';
import { ageOf } from './human-duration.js';
import { analysisIcon } from './info-icons.js';

/** A Job started by the job metric provider, under its AnalysisRun. */
export interface JobInfo {
  name: string;
  namespace: string;
  metric: string;
  status: string;
  icon: string;
  age: string;
}

/** An AnalysisRun row: its phase and the measurement counts summed over metrics. */
export interface AnalysisRunInfo {
  name: string;
  revision: number;
  status: string;
  icon: string;
  successful: number;
  failed: number;
  inconclusive: number;
  error: number;
  age: string;
  creationTimestamp?: string;
  jobs: JobInfo[];
}

// Measurement metadata keys the job provider writes (metricproviders/job).
const JOB_NAME_KEY = 'job-name';
const JOB_NAMESPACE_KEY = 'job-namespace';

function jobsOf(run: Readonly<AnalysisRun>, nowMs: number): JobInfo[] {
  const jobs: JobInfo[] = [];
  for (const mr of run.status?.metricResults ?? []) {
    for (const m of mr.measurements ?? []) {
      const name = m.metadata?.[JOB_NAME_KEY];
      if (name === undefined) continue;
      jobs.push({
        name, namespace: m.metadata?.[JOB_NAMESPACE_KEY] ?? run.metadata.namespace ?? '', metric: mr.name,
        status: m.phase, icon: analysisIcon(m.phase), age: ageOf(m.startedAt, nowMs),
      });
    }
  }
  return jobs;
}

function revisionOf(run: Readonly<AnalysisRun>): number {
  const v = run.metadata.annotations?.[REVISION_ANNOTATION] ?? '';
  return /^\d+$/.test(v) ? Number(v) : 0;
}

/** One run's row. */
export function computeAnalysisRunInfo(run: Readonly<AnalysisRun>, nowMs: number): AnalysisRunInfo {
  const sum = (pick: (r: { successful?: number; failed?: number; inconclusive?: number; error?: number }) => number | undefined): number =>
    (run.status?.metricResults ?? []).reduce((n, r) => n + (pick(r) ?? 0), 0);
  const status = run.status?.phase ?? '';
  const info: AnalysisRunInfo = {
    name: run.metadata.name ?? '', revision: revisionOf(run), status, icon: analysisIcon(status),
    successful: sum((r) => r.successful), failed: sum((r) => r.failed), inconclusive: sum((r) => r.inconclusive), error: sum((r) => r.error),
    age: ageOf(run.metadata.creationTimestamp, nowMs), jobs: jobsOf(run, nowMs),
  };
  if (run.metadata.creationTimestamp !== undefined) info.creationTimestamp = run.metadata.creationTimestamp;
  return info;
}

/** The runs the Rollout owns (by owner uid), newest revision first, then oldest first, then name descending. */
export function computeAnalysisRunInfos(ownerUid: string | undefined, runs: readonly Readonly<AnalysisRun>[], nowMs: number): AnalysisRunInfo[] {
  const owned = runs.filter((r) => ownerUid !== undefined && (r.metadata.ownerReferences ?? []).some((o) => o.uid === ownerUid));
  return owned.map((r) => computeAnalysisRunInfo(r, nowMs)).sort((a, b) => {
    if (a.revision !== b.revision) return b.revision - a.revision;
    const ta = Date.parse(a.creationTimestamp ?? '');
    const tb = Date.parse(b.creationTimestamp ?? '');
    if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
    return a.name > b.name ? -1 : a.name < b.name ? 1 : 0;
  });
}
