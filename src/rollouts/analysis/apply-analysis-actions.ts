// Carrying out an AnalysisRun plan: provider calls are handed to the runner (they never block the worker), Job
// garbage collection and TTL deletion go through the client, the status is written as a merge patch guarded by
// the run's resourceVersion — on `/status`, or on the object itself where the CRD has no status subresource (as
// with Argo's own CRD) — and events are recorded once the status is written.
import { isApiError } from '../../api/api-error.js';
import { R } from '../../api/resources.js';
import type { AnalysisRun, AnalysisRunStatus } from '../../api/rollouts-analysis.js';
import type { KubeClient } from '../../control/client.js';
import type { EventRecorder } from '../../control/event-recorder.js';
import { deepEqual } from '../../lib/deep-equal.js';
import { mergePatchDiff } from '../../lib/merge-patch-diff.js';
import type { AnalysisAction, AnalysisRunPlan } from './plan-types.js';

type Measure = Extract<AnalysisAction, { op: 'measure' }>;
type Collect = Extract<AnalysisAction, { op: 'garbageCollect' }>;

/** What applying a plan may do. */
export interface ApplyContext {
  readonly client: KubeClient;
  readonly recorder: EventRecorder;
  /** Starts a provider call in the background for `run` (which carries the planned status). */
  startCall(action: Measure, run: Readonly<AnalysisRun>): void;
  /** Lets the metric's provider clean up (errors are the callee's to log). */
  garbageCollect(action: Collect, run: Readonly<AnalysisRun>): Promise<void>;
  /** Remembers the object a status write returned. */
  remember(run: AnalysisRun): void;
  /** Whether `/status` is known to be missing for AnalysisRuns (shared across reconciles). */
  readonly subresource: { missing: boolean };
}

/** Writes `status` (only what changed) and returns the stored object, or undefined when the run is gone. */
export async function writeRunStatus(ctx: ApplyContext, run: Readonly<AnalysisRun>, status: AnalysisRunStatus): Promise<AnalysisRun | undefined> {
  const patch = { metadata: { resourceVersion: run.metadata.resourceVersion }, status: mergePatchDiff(run.status ?? {}, status) ?? {} };
  const ns = run.metadata.namespace;
  const name = run.metadata.name ?? '';
  if (!ctx.subresource.missing) {
    try {
      return await ctx.client.patch<AnalysisRun>(R.analysisruns, ns, name, 'merge', patch, { subresource: 'status' });
    } catch (e) {
      if (!isApiError(e, 'NotFound')) throw e;
    }
  }
  try {
    const written = await ctx.client.patch<AnalysisRun>(R.analysisruns, ns, name, 'merge', patch);
    // The object exists but `/status` did not: the CRD has no status subresource (Argo's does not).
    ctx.subresource.missing = true;
    return written;
  } catch (e) {
    if (isApiError(e, 'NotFound')) return undefined;
    throw e;
  }
}

/** Executes the plan's actions in order, then writes status and records events. Throws on API failures. */
export async function applyAnalysisActions(ctx: ApplyContext, run: Readonly<AnalysisRun>, plan: AnalysisRunPlan): Promise<void> {
  const planned: AnalysisRun = { ...run, status: plan.status };
  for (const action of plan.actions) {
    switch (action.op) {
      case 'measure':
        ctx.startCall(action, planned);
        break;
      case 'garbageCollect':
        await ctx.garbageCollect(action, planned);
        break;
      case 'deleteRun':
        try {
          await ctx.client.delete(R.analysisruns, run.metadata.namespace, run.metadata.name ?? '');
        } catch (e) {
          if (!isApiError(e, 'NotFound')) throw e;
        }
        return;
    }
  }
  if (!deepEqual(run.status ?? { phase: '' }, plan.status)) {
    const written = await writeRunStatus(ctx, run, plan.status);
    if (written === undefined) return;
    ctx.remember(written);
  }
  for (const e of plan.events) ctx.recorder.event(run, e.type, e.reason, e.message);
}
