// Job conditions: their types, reasons and messages as Kubernetes 1.32 writes them, and their update rules.
import type { Job } from '../../../api/batch-v1.js';
import type { Condition } from '../../../api/meta.js';
import { rfc3339 } from '../../../lib/clock.js';

/** Why and how a Job finishes (interim types first, then the terminal ones they lead to). */
export const JobFinish = {
  backoffLimitExceeded: { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' },
  deadlineExceeded: { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' },
  completionsReached: { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
} as const;

/** A Job condition set at `nowMs` (probe and transition time). */
export function newJobCondition(type: string, reason: string, message: string, nowMs: number): Condition {
  const t = rfc3339(nowMs);
  return { type, status: 'True', lastProbeTime: t, lastTransitionTime: t, reason, message };
}

/** The condition of `type`, if any. */
export function findJobCondition(job: Readonly<Job>, type: string): Readonly<Condition> | undefined {
  return job.status?.conditions?.find((c) => c.type === type);
}

/** True once the Job has a True Complete or Failed condition: it is never touched again. */
export function isJobFinished(job: Readonly<Job>): boolean {
  return job.status?.conditions?.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') ?? false;
}

/**
 * Ensures a True condition like `cond` (ensureJobConditionStatus): an existing one of the same type is
 * replaced only when status, reason or message differ; otherwise `cond` is appended.
 */
export function ensureJobCondition(conditions: readonly Condition[], cond: Condition): Condition[] {
  const i = conditions.findIndex((c) => c.type === cond.type);
  if (i < 0) return [...conditions, cond];
  const current = conditions[i];
  if (current !== undefined && current.status === cond.status && current.reason === cond.reason && current.message === cond.message) return [...conditions];
  return conditions.map((c, j) => (j === i ? cond : c));
}
