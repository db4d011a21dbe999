// Blue-green Service switching (rollout/service.go reconcilePreviewService / reconcileActiveService; §2.8 steps 1, 5).
import type { RolloutAction } from './actions.js';
import type { PlanInput } from './plan-input.js';
import { type PauseIntent, haltReason } from './pause-intent.js';
import { podHashOf } from './replica-set-counts.js';
import { isReadyForPause, isSaturated } from './bluegreen-replicas.js';
import { isBlueGreenPauseCompleted, isFastTracked, prePromotionDone } from './bluegreen-pause.js';
import { selectorHashOf, switchSelector } from './service-selectors.js';

/** The preview Service follows the new RS at once (unless progress is halted). */
export function planPreviewService(inp: PlanInput): RolloutAction[] {
  const preview = inp.ro.spec.strategy.blueGreen?.previewService;
  if (preview === undefined || preview === '' || haltReason(inp.ro) !== '' || inp.newRS === undefined) return [];
  return switchSelector(inp, preview, podHashOf(inp.newRS));
}

/**
 * The active Service switches to the new RS only when it is saturated (all R pods available) and the update is
 * fast-tracked or past its pause and pre-promotion analysis; on abort it goes back to the stable hash.
 */
export function planActiveService(inp: PlanInput, pause: PauseIntent, prePhase: string | undefined): RolloutAction[] {
  const { ro, newRS } = inp;
  const active = ro.spec.strategy.blueGreen?.activeService ?? '';
  if (haltReason(ro) !== '' || newRS === undefined) return [];
  if (!isReadyForPause(ro, inp.allRSs, newRS) || !isSaturated(ro, newRS)) return [];
  let hash = selectorHashOf(inp.snap.services[active]);
  if (isFastTracked(inp)) hash = podHashOf(newRS);
  if (isBlueGreenPauseCompleted(inp, pause) && prePromotionDone(inp, prePhase)) hash = podHashOf(newRS);
  if (ro.status?.abort === true) hash = ro.status.stableRS ?? '';
  return hash === '' ? [] : switchSelector(inp, active, hash);
}
