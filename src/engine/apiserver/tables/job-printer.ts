// `kubectl get jobs`: NAME STATUS COMPLETIONS DURATION AGE (+ CONTAINERS IMAGES SELECTOR), as in 1.32.
import type { Condition } from '../../../api/meta.js';
import type { Job } from '../../../api/batch-v1.js';
import { parseTime } from '../../../lib/clock.js';
import { humanDuration } from './human-duration.js';
import { isJob } from './kind-guards.js';
import { ageColumn, column, kindPrinter, nameCell, nameColumn, objectAge, templateColumns, type Printer, type TableCell } from './printer.js';
import { containerCells, formatLabelSelector } from './selector-cells.js';

/**
 * The Status cell. Precedence: Complete, Failed, Terminating (deletionTimestamp set), Suspended,
 * FailureTarget, else Running. A condition counts when its first occurrence has status True.
 */
export function computeJobStatus(job: Readonly<Job>): string {
  const conditions = job.status?.conditions;
  if (hasCondition(conditions, 'Complete')) return 'Complete';
  if (hasCondition(conditions, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(conditions, 'Suspended')) return 'Suspended';
  if (hasCondition(conditions, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/**
 * The Completions cell: `succeeded/completions` (`1/1`); without spec.completions, `succeeded/1`, or
 * `succeeded/1 of parallelism` when parallelism > 1 (`0/1 of 3`).
 */
export function completionsCell(job: Readonly<Job>): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec.completions !== undefined) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** The Duration cell: empty before the job starts, start→completion when finished, else start→now. */
export function durationCell(job: Readonly<Job>, nowMs: number): string {
  const startMs = parseTime(job.status?.startTime);
  if (Number.isNaN(startMs)) return '';
  const completionMs = parseTime(job.status?.completionTime);
  return humanDuration((Number.isNaN(completionMs) ? nowMs : completionMs) - startMs);
}

function hasCondition(conditions: readonly Condition[] | undefined, type: string): boolean {
  return conditions?.find((c) => c.type === type)?.status === 'True';
}

function jobCells(job: Job, nowMs: number): TableCell[] {
  return [
    nameCell(job), computeJobStatus(job), completionsCell(job), durationCell(job, nowMs), objectAge(job, nowMs),
    ...containerCells(job.spec.template.spec.containers), formatLabelSelector(job.spec.selector),
  ];
}

/** Printer for `batch/jobs`. */
export const jobPrinter: Printer = kindPrinter(
  [
    nameColumn,
    column('Status', 'string', 'Complete, Failed, Terminating, Suspended, FailureTarget or Running, from the conditions.'),
    column('Completions', 'string', 'Succeeded pods out of the desired completions.'),
    column('Duration', 'string', 'Time from start to completion, or to now while running.'),
    ageColumn,
    ...templateColumns,
  ],
  isJob,
  jobCells,
);
