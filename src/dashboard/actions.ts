// The dashboard's buttons: each is one of the rollouts/ops operations the CLI also runs, so a click sends the
// same patch `kubectl argo rollouts <verb>` would.
import type { KubeClient } from '../control/client.js';
import { abortRollout, pauseRollout, promoteRollout, restartRollout, retryRollout, undoRollout, UndoError, type OperationResult } from '../rollouts/ops/index.js';
import { ApiError } from '../api/api-error.js';

export const ACTIONS = ['promote', 'promote-full', 'abort', 'retry', 'pause', 'restart'] as const;
export type DashboardAction = (typeof ACTIONS)[number];

export function isDashboardAction(s: string): s is DashboardAction {
  return ACTIONS.some((a) => a === s);
}

const DONE: Record<DashboardAction, string> = {
  'promote': 'promoted', 'promote-full': 'fully promoted', 'abort': 'aborted', 'retry': 'retried', 'pause': 'paused', 'restart': 'restarts pods',
};

/** Runs `action` on `ns/name`; resolves with the message the CLI would print. */
export async function runAction(client: KubeClient, action: DashboardAction, ns: string, name: string, nowMs: number): Promise<string> {
  const ops: Record<DashboardAction, () => Promise<OperationResult>> = {
    'promote': () => promoteRollout(client, ns, name),
    'promote-full': () => promoteRollout(client, ns, name, { full: true }),
    'abort': () => abortRollout(client, ns, name),
    'retry': () => retryRollout(client, ns, name),
    'pause': () => pauseRollout(client, ns, name),
    'restart': () => restartRollout(client, ns, name, nowMs),
  };
  await ops[action]();
  return `rollout '${name}' ${DONE[action]}`;
}

/** Rolls back to `revision` (`undo --to-revision`); an unknown revision is a 400 naming it. */
export async function runRollback(client: KubeClient, ns: string, name: string, revision: string | null): Promise<string> {
  const n = Number(revision);
  if (revision === null || !Number.isInteger(n) || n < 1) throw new ApiError('BadRequest', `revision must be a positive integer, got ${JSON.stringify(revision)}`);
  try {
    await undoRollout(client, ns, name, n);
  } catch (e) {
    if (e instanceof UndoError) throw new ApiError('BadRequest', e.message);
    throw e;
  }
  return `rollout '${name}' rolled back to revision ${n}`;
}
