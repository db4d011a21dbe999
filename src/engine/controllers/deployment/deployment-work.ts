// The state one Deployment plan threads through its steps: the Deployment and ReplicaSets as the writes
// planned so far leave them, and those writes. Plain immutable data; each step returns a new value.
import type { Deployment, ReplicaSet } from '../../../api/apps-v1.js';
import type { DeploymentSpecValues } from './deployment-spec.js';
import type { DeploymentAction, DeploymentSnapshot } from './deployment-types.js';

/** The working state of one plan. */
export interface DeploymentWork {
  readonly snapshot: DeploymentSnapshot;
  readonly spec: DeploymentSpecValues;
  readonly nowMs: number;
  /** The Deployment with the annotations and status conditions this plan has set so far. */
  readonly d: Readonly<Deployment>;
  readonly newRS: Readonly<ReplicaSet> | undefined;
  /** Every owned ReplicaSet other than newRS, active or not. */
  readonly oldRSs: readonly Readonly<ReplicaSet>[];
  readonly actions: readonly DeploymentAction[];
}

/** `w` with `actions` appended. */
export function withActions(w: DeploymentWork, ...actions: DeploymentAction[]): DeploymentWork {
  return { ...w, actions: [...w.actions, ...actions] };
}

/** `w` with `rs` replacing the ReplicaSet of the same name (the new one or an old one). */
export function withReplicaSet(w: DeploymentWork, rs: Readonly<ReplicaSet>): DeploymentWork {
  const name = rs.metadata.name;
  if (w.newRS?.metadata.name === name) return { ...w, newRS: rs };
  return { ...w, oldRSs: w.oldRSs.map((o) => (o.metadata.name === name ? rs : o)) };
}

/** newRS (when present) and every old ReplicaSet. */
export function allReplicaSets(w: DeploymentWork): Readonly<ReplicaSet>[] {
  return w.newRS === undefined ? [...w.oldRSs] : [...w.oldRSs, w.newRS];
}
