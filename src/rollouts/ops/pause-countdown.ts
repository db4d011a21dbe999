// How long a timed pause has left (a user request Argo's CLI never met: issues #1183, #2868).
import type { Rollout } from '../../api/rollouts-v1alpha1.js';
import { rfc3339 } from '../../lib/clock.js';
import { pauseDurationSeconds } from '../plan/index.js';

/** A running timed pause: why, when it ends, and how many whole seconds remain (never negative). */
export interface PauseCountdown { reason: string; endsAt: string; remainingSeconds: number }

/**
 * The countdown of the pause the Rollout waits on, if it ends by itself: a canary `pause: {duration}` step, or a
 * blue-green pause with `autoPromotionSeconds`. Pause started 12:00:00, duration 60, now 12:00:18 → 42 s left.
 */
export function computePauseCountdown(ro: Readonly<Rollout>, nowMs: number): PauseCountdown | undefined {
  if (ro.spec.paused === true) return undefined;
  const st = ro.status ?? {};
  const { canary, blueGreen } = ro.spec.strategy;
  let reason: string;
  let seconds: number;
  if (canary !== undefined) {
    const step = canary.steps?.[st.currentStepIndex ?? 0];
    reason = 'CanaryPauseStep';
    seconds = step?.pause?.duration === undefined ? 0 : pauseDurationSeconds(step.pause);
  } else if (blueGreen !== undefined) {
    reason = 'BlueGreenPause';
    seconds = blueGreen.autoPromotionEnabled === false ? 0 : blueGreen.autoPromotionSeconds ?? 0;
  } else {
    return undefined;
  }
  const cond = st.pauseConditions?.find((c) => c.reason === reason);
  const startMs = Date.parse(cond?.startTime ?? '');
  if (seconds <= 0 || Number.isNaN(startMs)) return undefined;
  const endMs = startMs + seconds * 1000;
  return { reason, endsAt: rfc3339(endMs), remainingSeconds: Math.max(0, Math.ceil((endMs - nowMs) / 1000)) };
}
