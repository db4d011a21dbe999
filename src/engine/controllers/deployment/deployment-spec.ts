// The Deployment spec with apps/v1 defaults filled in, so plans never guess at missing fields.
import type { Deployment } from '../../../api/apps-v1.js';
import type { IntOrPercent } from '../../../api/int-or-percent.js';

/** Kubernetes' "no limit" sentinel for progressDeadlineSeconds and revisionHistoryLimit (math.MaxInt32). */
export const NO_LIMIT = 2147483647;

/** A Deployment spec after defaulting. */
export interface DeploymentSpecValues {
  readonly replicas: number;
  readonly strategy: 'RollingUpdate' | 'Recreate';
  readonly maxSurge: IntOrPercent;
  readonly maxUnavailable: IntOrPercent;
  readonly minReadySeconds: number;
  /** Undefined: keep every old ReplicaSet. */
  readonly revisionHistoryLimit: number | undefined;
  /** Undefined: no deadline, so no Progressing condition. */
  readonly progressDeadlineSeconds: number | undefined;
  readonly paused: boolean;
}

/**
 * Reads `d.spec` with the apps/v1 defaults: 1 replica, RollingUpdate with 25% surge and 25% unavailable,
 * 10 old ReplicaSets kept, a 600 s progress deadline. The API server normally stores these already.
 */
export function resolveDeploymentSpec(d: Readonly<Deployment>): DeploymentSpecValues {
  const s = d.spec;
  const limit = s.revisionHistoryLimit ?? 10;
  const deadline = s.progressDeadlineSeconds ?? 600;
  return {
    replicas: s.replicas ?? 1,
    strategy: s.strategy?.type ?? 'RollingUpdate',
    maxSurge: s.strategy?.rollingUpdate?.maxSurge ?? '25%',
    maxUnavailable: s.strategy?.rollingUpdate?.maxUnavailable ?? '25%',
    minReadySeconds: s.minReadySeconds ?? 0,
    revisionHistoryLimit: limit === NO_LIMIT ? undefined : limit,
    progressDeadlineSeconds: deadline === NO_LIMIT ? undefined : deadline,
    paused: s.paused ?? false,
  };
}
