// Before the strategy runs: create the new RS if missing, or bring an existing one's revision up to date, and
// mirror its revision on the Rollout (rollout/sync.go createDesiredReplicaSet / syncReplicaSetRevision).
import type { Rollout, RolloutStatus } from '../../api/rollouts-v1alpha1.js';
import { REVISION_ANNOTATION } from '../../api/rollouts-constants.js';
import { rfc3339 } from '../../lib/clock.js';
import { type Effects, noEffects, normal } from './actions.js';
import type { RolloutSnapshot } from './snapshot.js';
import { allReplicaSetsOf } from './snapshot.js';
import { type RS, revisionOf } from './replica-set-counts.js';
import { currentPodHashOf } from './pod-template-hash.js';
import { buildNewReplicaSet, revisionSyncAnnotations } from './new-replica-set.js';
import { MESSAGE, REASON, conditionOf, newCondition, withCondition } from './conditions.js';

/** The outcome: proceed with the (possibly virtual) new RS and updated Rollout, or stop after a hash collision. */
export type Prepared =
  | { outcome: 'proceed'; effects: Effects; rollout: Rollout; createdRS?: RS; newRS: RS | undefined }
  | { outcome: 'collision'; status: RolloutStatus };

/** Plans the new RS's creation or revision sync. */
export function prepareNewReplicaSet(snap: Readonly<RolloutSnapshot>, nowMs: number): Prepared {
  const ro = snap.rollout;
  const older = allReplicaSetsOf(snap).filter((rs) => rs.metadata.name !== snap.newRS?.metadata.name);
  return snap.newRS === undefined ? createNew(snap, ro, older, nowMs) : syncExisting(ro, snap.newRS, older, nowMs);
}

function createNew(snap: Readonly<RolloutSnapshot>, ro: Readonly<Rollout>, older: readonly RS[], nowMs: number): Prepared {
  const hash = currentPodHashOf(ro);
  const name = `${ro.metadata.name ?? ''}-${hash}`;
  // An RS of that name exists yet is not ours for this template: a hash collision. Bump collisionCount and retry.
  if (older.some((rs) => rs.metadata.name === name)) {
    return { outcome: 'collision', status: { ...(ro.status ?? {}), collisionCount: (ro.status?.collisionCount ?? 0) + 1 } };
  }
  const rs = buildNewReplicaSet(ro, hash, snap.stableRS, older);
  const revision = String(revisionOf(rs));
  const effects = noEffects();
  effects.actions.push({ op: 'createReplicaSet', rs }, { op: 'patchRollout', annotations: { [REVISION_ANNOTATION]: revision } });
  effects.events.push(normal(REASON.newReplicaSetCreated, `Created ReplicaSet ${name} (revision ${revision})`), normal('RolloutUpdated', `Rollout updated to revision ${revision}`));
  const status = withCondition(ro.status ?? {}, newCondition('Progressing', 'True', REASON.newReplicaSetCreated, MESSAGE.newRSCreated(name), nowMs));
  const virtual: RS = { ...rs, metadata: { ...rs.metadata, creationTimestamp: rfc3339(nowMs) }, status: { replicas: 0 } };
  return { outcome: 'proceed', effects, rollout: withRevision({ ...ro, status }, revision), createdRS: virtual, newRS: virtual };
}

function syncExisting(ro: Readonly<Rollout>, newRS: RS, older: readonly RS[], nowMs: number): Prepared {
  const effects = noEffects();
  const set = revisionSyncAnnotations(ro, newRS, older);
  let rs = newRS;
  if (Object.keys(set).length > 0) {
    effects.actions.push({ op: 'setReplicaSetAnnotations', name: newRS.metadata.name ?? '', set, remove: [] });
    rs = { ...newRS, metadata: { ...newRS.metadata, annotations: { ...(newRS.metadata.annotations ?? {}), ...set } } };
  }
  const minReady = ro.spec.minReadySeconds ?? 0;
  if ((newRS.spec.minReadySeconds ?? 0) !== minReady) effects.actions.push({ op: 'setReplicaSetMinReadySeconds', name: newRS.metadata.name ?? '', minReadySeconds: minReady });
  const revision = rs.metadata.annotations?.[REVISION_ANNOTATION] ?? '';
  let rollout: Rollout = { ...ro };
  if (revision !== '' && ro.metadata.annotations?.[REVISION_ANNOTATION] !== revision) {
    effects.actions.push({ op: 'patchRollout', annotations: { [REVISION_ANNOTATION]: revision } });
    effects.events.push(normal('RolloutUpdated', `Rollout updated to revision ${revision}`));
    rollout = withRevision(rollout, revision);
  }
  if (conditionOf(ro.status, 'Progressing') === undefined) {
    const cond = newCondition('Progressing', 'True', REASON.foundNewReplicaSet, MESSAGE.foundNewRS(newRS.metadata.name ?? ''), nowMs);
    rollout = { ...rollout, status: withCondition(ro.status ?? {}, cond) };
  }
  return { outcome: 'proceed', effects, rollout, newRS: rs };
}

function withRevision(ro: Readonly<Rollout>, revision: string): Rollout {
  return { ...ro, metadata: { ...ro.metadata, annotations: { ...(ro.metadata.annotations ?? {}), [REVISION_ANNOTATION]: revision } } };
}
