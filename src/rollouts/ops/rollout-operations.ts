// The user operations of argo-rollouts.md §2.7 against an API server: promote, abort, retry, pause, restart. The
// patches come from rollouts/plan (promotePatch …); the CLI and the dashboard both call these functions.
import { R } from '../../api/resources.js';
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import type { KubeClient } from '../../control/index.js';
import { abortPatch, pausePatch, promotePatch, restartPatch, retryPatch } from '../plan/index.js';
import { applyRolloutPatch, type SentPatch } from './apply-rollout-patch.js';

/** The outcome of an operation: the Rollout as the server returned it, and the patches sent. */
export interface OperationResult { name: string; rollout?: Rollout; sent: SentPatch[] }

/**
 * `promote` (one step / the pause) or `promote --full` (skip every remaining step, pause and analysis). Reads the
 * Rollout first: the patch depends on its pause conditions and step.
 */
export async function promoteRollout(client: KubeClient, ns: string, name: string, opts: { full?: boolean } = {}): Promise<OperationResult> {
  const ro = await client.get<Rollout>(R.rollouts, ns, name);
  return { name, ...(await applyRolloutPatch(client, ns, name, promotePatch(ro, opts))) };
}

/** `abort`: `status.abort=true`; traffic returns to stable and the canary/preview scales down. */
export async function abortRollout(client: KubeClient, ns: string, name: string): Promise<OperationResult> {
  return { name, ...(await applyRolloutPatch(client, ns, name, abortPatch())) };
}

/** `retry rollout`: `status.abort=false`; the update starts again from step 0. */
export async function retryRollout(client: KubeClient, ns: string, name: string): Promise<OperationResult> {
  return { name, ...(await applyRolloutPatch(client, ns, name, retryPatch())) };
}

/** `pause`: `spec.paused=true`. */
export async function pauseRollout(client: KubeClient, ns: string, name: string): Promise<OperationResult> {
  return { name, ...(await applyRolloutPatch(client, ns, name, pausePatch())) };
}

/** `restart [--in d]`: `spec.restartAt = now + d` (RFC 3339, whole seconds). */
export async function restartRollout(client: KubeClient, ns: string, name: string, nowMs: number, inMs = 0): Promise<OperationResult> {
  return { name, ...(await applyRolloutPatch(client, ns, name, restartPatch(nowMs, inMs))) };
}
