// revisionHistoryLimit: deleting the oldest scaled-down RSs beyond the limit, with their AnalysisRuns
// (rollout/sync.go reconcileRevisionHistoryLimit).
import { POD_TEMPLATE_HASH_LABEL } from '../../api/rollouts-constants.js';
import type { RolloutAction } from './actions.js';
import type { PlanInput } from './plan-input.js';
import { type RS, actualReplicas, byCreation, podHashOf, specReplicas } from './replica-set-counts.js';
import { revisionHistoryLimitOf } from './rollout-defaults.js';

/**
 * Deletes the oldest of `otherRSs` beyond revisionHistoryLimit (10), but only those fully scaled down (spec and
 * status 0, generation observed); their non-current AnalysisRuns go too. 12 old RSs, limit 10 → the 2 oldest.
 */
export function planRevisionHistory(inp: PlanInput, otherRSs: readonly RS[]): RolloutAction[] {
  const alive = otherRSs.filter((rs) => rs.metadata.deletionTimestamp === undefined).sort(byCreation);
  const excess = alive.length - revisionHistoryLimitOf(inp.ro);
  const actions: RolloutAction[] = [];
  for (const rs of alive.slice(0, Math.max(0, excess))) {
    const observed = (rs.metadata.generation ?? 0) <= (rs.status?.observedGeneration ?? rs.metadata.generation ?? 0);
    if (actualReplicas(rs) !== 0 || specReplicas(rs) !== 0 || !observed) continue;
    actions.push({ op: 'deleteReplicaSet', name: rs.metadata.name ?? '' });
    const hash = podHashOf(rs);
    for (const run of inp.runs.others) {
      if (hash !== '' && run.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] === hash && run.metadata.deletionTimestamp === undefined) {
        actions.push({ op: 'deleteAnalysisRun', name: run.metadata.name ?? '' });
      }
    }
  }
  return actions;
}
