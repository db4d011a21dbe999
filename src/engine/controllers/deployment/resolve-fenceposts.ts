// maxSurge and maxUnavailable as pod counts (Kubernetes' ResolveFenceposts, MaxSurge, MaxUnavailable).
import { resolveIntOrPercent, type IntOrPercent } from '../../../api/int-or-percent.js';
import type { DeploymentSpecValues } from './deployment-spec.js';

/**
 * Resolves both fenceposts against `desired`: surge percentages round up, unavailable ones round down,
 * and when both come out 0, maxUnavailable becomes 1 so the rollout can move at all.
 * 10 desired, 25%/25% → surge 3, unavailable 2; 3 desired, 25%/25% → 1 and 0; 1 desired, 0/1% → 0 and 1.
 */
export function resolveFenceposts(maxSurge: IntOrPercent, maxUnavailable: IntOrPercent, desired: number): { maxSurge: number; maxUnavailable: number } {
  const surge = resolveIntOrPercent(maxSurge, desired, true);
  const unavailable = resolveIntOrPercent(maxUnavailable, desired, false);
  return { maxSurge: surge, maxUnavailable: surge === 0 && unavailable === 0 ? 1 : unavailable };
}

/** Pods a rolling Deployment may run above spec.replicas; 0 for Recreate. */
export function computeMaxSurge(spec: DeploymentSpecValues): number {
  if (spec.strategy !== 'RollingUpdate') return 0;
  return resolveFenceposts(spec.maxSurge, spec.maxUnavailable, spec.replicas).maxSurge;
}

/** Pods a rolling Deployment may have unavailable, at most spec.replicas; 0 for Recreate or 0 replicas. */
export function computeMaxUnavailable(spec: DeploymentSpecValues): number {
  if (spec.strategy !== 'RollingUpdate' || spec.replicas === 0) return 0;
  return Math.min(spec.replicas, resolveFenceposts(spec.maxSurge, spec.maxUnavailable, spec.replicas).maxUnavailable);
}
