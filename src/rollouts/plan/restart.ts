// `spec.restartAt`: evicting pods created before it, a few at a time (rollout/restart.go; argo-rollouts.md §2.9).
import type { Pod } from '../../api/core-v1.js';
import { POD_TEMPLATE_HASH_LABEL, ROLLOUT_DEFAULTS } from '../../api/rollouts-constants.js';
import { parseTime } from '../../lib/clock.js';
import type { RolloutAction } from './actions.js';
import type { PlanInput } from './plan-input.js';
import { podHashOf, sumSpec } from './replica-set-counts.js';
import { maxUnavailableOf, replicasOf } from './rollout-defaults.js';

/** Evictions of this reconcile, when to look again, and restartedAt once every pod is newer. */
export interface RestartPlan { actions: RolloutAction[]; wakeAtMs: number[]; evicted: number; restartedAt?: string }

/**
 * A restart is due (restartAt passed and not yet recorded as done): evict old pods within the budget
 * `available − (max(R, Σspec) − max(maxUnavailable, 1))` — R=3, maxUnavailable 0, 3 available → 1 per reconcile —
 * and look again in 30 s until none is left; then `status.restartedAt = spec.restartAt`. Old RSs' pods go first,
 * then the stable's, then the new RS's.
 */
export function planRestart(inp: PlanInput): RestartPlan {
  const { ro, nowMs } = inp;
  const restartAt = ro.spec.restartAt;
  const none: RestartPlan = { actions: [], wakeAtMs: [], evicted: 0 };
  if (restartAt === undefined || (ro.status?.restartedAt !== undefined && parseTime(ro.status.restartedAt) === parseTime(restartAt))) return none;
  const at = parseTime(restartAt);
  if (Number.isNaN(at)) return none;
  if (nowMs < at) return { ...none, wakeAtMs: [at] };
  const pods = orderForEviction(inp, inp.snap.pods ?? []);
  const concurrent = Math.max(maxUnavailableOf(ro), 1);
  let canRestart = pods.filter((p) => isAvailable(p, ro.spec.minReadySeconds ?? 0, nowMs)).length - (Math.max(replicasOf(ro), sumSpec(inp.allRSs)) - concurrent);
  let needs = 0;
  const actions: RolloutAction[] = [];
  for (const pod of pods) {
    if (parseTime(pod.metadata.creationTimestamp) >= at) continue;
    needs++;
    if (canRestart <= 0 || pod.metadata.deletionTimestamp !== undefined) continue;
    actions.push({ op: 'evictPod', name: pod.metadata.name ?? '' });
    canRestart--;
  }
  if (needs - actions.length !== 0) return { actions, wakeAtMs: [nowMs + ROLLOUT_DEFAULTS.restartCheckSeconds * 1000], evicted: actions.length };
  return { actions, wakeAtMs: [], evicted: actions.length, restartedAt: restartAt };
}

function orderForEviction(inp: PlanInput, pods: readonly Readonly<Pod>[]): Readonly<Pod>[] {
  const rank = (p: Readonly<Pod>): number => {
    const hash = p.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] ?? '';
    if (hash === podHashOf(inp.newRS)) return 2;
    return hash === podHashOf(inp.stableRS) ? 1 : 0;
  };
  return [...pods].sort((a, b) => rank(a) - rank(b) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
}

/** Ready for at least minReadySeconds. */
function isAvailable(pod: Readonly<Pod>, minReadySeconds: number, nowMs: number): boolean {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready?.status !== 'True') return false;
  return minReadySeconds === 0 || parseTime(ready.lastTransitionTime) + minReadySeconds * 1000 <= nowMs;
}
