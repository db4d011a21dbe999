// Pause and abort decisions gathered during one reconcile, and how they become status fields
// (rollout/pause.go pauseContext + CalculatePauseStatus, as values instead of a mutable context).
import type { PauseCondition, PauseReason, RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import { rfc3339 } from '../../lib/clock.js';
import type { RO } from './rollout-defaults.js';

/** What this reconcile wants to change about pausing and aborting. */
export interface PauseIntent {
  readonly add: readonly PauseReason[];
  readonly remove: readonly PauseReason[];
  readonly clear: boolean;
  /** Set when this reconcile aborts the update; the text follows "Rollout aborted update to revision N: ". */
  readonly abortMessage?: string;
  readonly addAbort: boolean;
  readonly removeAbort: boolean;
}

/** No changes. */
export const NO_PAUSE_CHANGE: PauseIntent = { add: [], remove: [], clear: false, addAbort: false, removeAbort: false };

/** Adds a pause condition (ignored if one with that reason already exists). */
export const withPause = (p: PauseIntent, reason: PauseReason): PauseIntent => ({ ...p, add: [...p.add, reason] });
/** Removes a pause condition. */
export const withoutPause = (p: PauseIntent, reason: PauseReason): PauseIntent => ({ ...p, remove: [...p.remove, reason] });
/** Clears every pause condition. */
export const clearingPauses = (p: PauseIntent): PauseIntent => ({ ...p, clear: true });
/** Aborts with a message. */
export const withAbort = (p: PauseIntent, message: string): PauseIntent => ({ ...p, addAbort: true, abortMessage: message });
/** Lifts an abort. */
export const withoutAbort = (p: PauseIntent): PauseIntent => ({ ...p, removeAbort: true });

/** True when the rollout is (or becomes) aborted in this reconcile. */
export function isAborted(ro: RO, p: PauseIntent): boolean {
  if (p.removeAbort) return false;
  return p.addAbort || ro.status?.abort === true;
}

/** True when this reconcile adds a pause condition. */
export function addsPause(p: PauseIntent): boolean {
  return p.add.length > 0;
}

/** The pause condition with `reason` currently on the Rollout. */
export function pauseConditionOf(ro: RO, reason: PauseReason): PauseCondition | undefined {
  return ro.status?.pauseConditions?.find((c) => c.reason === reason);
}

/**
 * Writes abort/abortedAt, pauseConditions and controllerPause into `status` (CalculatePauseStatus). An aborted
 * rollout has no pause conditions; new conditions start now and set controllerPause; when no condition remains,
 * controllerPause returns to false (that is how "the user cleared the conditions" is consumed).
 */
export function applyPauseIntent(ro: RO, p: PauseIntent, status: RolloutStatus, nowMs: number): RolloutStatus {
  const { abort: _a, abortedAt: _b, pauseConditions: _c, controllerPause: _d, ...rest } = status;
  if (isAborted(ro, p)) return { ...rest, abort: true, abortedAt: ro.status?.abortedAt ?? rfc3339(nowMs) };
  if (p.clear) return rest;
  const existing = ro.status?.pauseConditions ?? [];
  const kept = existing.filter((c) => !p.remove.includes(c.reason));
  const added = p.add.filter((r, i) => !existing.some((c) => c.reason === r) && p.add.indexOf(r) === i);
  const conditions = [...kept, ...added.map((reason) => ({ reason, startTime: rfc3339(nowMs) }))];
  if (conditions.length === 0) return rest;
  const controllerPause = added.length > 0 || ro.status?.controllerPause === true;
  return { ...rest, pauseConditions: conditions, ...(controllerPause ? { controllerPause } : {}) };
}

/** Why RS scaling is halted: `spec.paused` or a pause on an inconclusive analysis (haltProgress). */
export function haltReason(ro: RO): string {
  if (ro.spec.paused === true) return 'user paused';
  return pauseConditionOf(ro, 'InconclusiveAnalysisRun') !== undefined ? 'inconclusive analysis' : '';
}
