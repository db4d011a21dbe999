// Blue-green sizes (NewRSNewReplicas' blue-green branch, ReadyForPause, IsSaturated; argo-rollouts.md §2.8).
import { type RS, availableReplicas, desiredReplicasAnnotation, podHashOf, specReplicas } from './replica-set-counts.js';
import { type RO, replicasOf } from './rollout-defaults.js';
import { rsByHash } from './service-selectors.js';

/**
 * The new RS's size: R, or `previewReplicaCount` until the update passes its pause (the
 * `scaleUpPreviewCheckPoint` latch), except when it is already active or on promoteFull. R=5, preview 1 → 1,
 * then 5 once resumed.
 */
export function blueGreenNewRSReplicas(ro: RO, allRSs: readonly RS[], newRS: RS): number {
  const r = replicasOf(ro);
  const preview = ro.spec.strategy.blueGreen?.previewReplicaCount;
  if (preview === undefined) return r;
  const st = ro.status ?? {};
  const activeRS = rsByHash(allRSs, st.blueGreen?.activeSelector ?? '');
  if (activeRS === undefined || activeRS.metadata.name === newRS.metadata.name || st.promoteFull === true) return r;
  if (podHashOf(newRS) !== st.currentPodHash) return preview;
  const notPaused = ro.spec.paused !== true && (st.pauseConditions ?? []).length === 0;
  return notPaused && st.blueGreen?.scaleUpPreviewCheckPoint === true ? r : preview;
}

/** The new RS has all the pods it should have for now, all available (ReadyForPause). */
export function isReadyForPause(ro: RO, allRSs: readonly RS[], newRS: RS | undefined): boolean {
  if (newRS === undefined) return false;
  const n = blueGreenNewRSReplicas(ro, allRSs, newRS);
  return specReplicas(newRS) === n && availableReplicas(newRS) === n;
}

/** The RS can own all R replicas: spec = desired-replicas annotation = available = R (IsSaturated). */
export function isSaturated(ro: RO, rs: RS | undefined): boolean {
  if (rs === undefined) return false;
  const r = replicasOf(ro);
  return specReplicas(rs) === r && desiredReplicasAnnotation(rs) === r && availableReplicas(rs) === r;
}
